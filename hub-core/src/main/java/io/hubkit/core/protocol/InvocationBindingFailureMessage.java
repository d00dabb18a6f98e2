package io.hubkit.core.protocol;

import java.util.Map;

/**
 * What a parser yields instead of an Invocation or StreamInvocation whose arguments could not be
 * bound to the target's parameter types (or whose target does not exist). The connection stays up;
 * the dispatcher answers the invocation with an error completion. {@code streaming} tells which of
 * the two messages it replaces.
 */
public record InvocationBindingFailureMessage(String invocationId, String target, HubProtocolException failure,
                                              boolean streaming, Map<String, String> headers)
        implements HubInvocationMessage {

    public InvocationBindingFailureMessage {
        headers = headers == null ? Map.of() : headers;
    }

    @Override
    public int type() {
        return streaming ? HubMessageType.STREAM_INVOCATION : HubMessageType.INVOCATION;
    }
}
