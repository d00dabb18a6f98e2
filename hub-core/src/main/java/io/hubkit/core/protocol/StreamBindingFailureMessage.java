package io.hubkit.core.protocol;

import java.util.Map;

/**
 * What a parser yields instead of a StreamItem whose item could not be bound to the stream's
 * element type. The dispatcher ends that upload stream with the failure.
 */
public record StreamBindingFailureMessage(String invocationId, HubProtocolException failure,
                                          Map<String, String> headers) implements HubInvocationMessage {

    public StreamBindingFailureMessage {
        headers = headers == null ? Map.of() : headers;
    }

    @Override
    public int type() {
        return HubMessageType.STREAM_ITEM;
    }
}
