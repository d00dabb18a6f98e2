package io.hubkit.core.protocol;

import java.util.List;
import java.util.Map;

/** Type 4: a call of a server-to-client streaming method; answered by stream items and a completion. */
public record StreamInvocationMessage(String invocationId, String target, List<Object> arguments,
                                      List<String> streamIds, Map<String, String> headers)
        implements HubInvocationMessage {

    public StreamInvocationMessage {
        arguments = arguments == null ? List.of() : arguments;
        headers = headers == null ? Map.of() : headers;
    }

    @Override
    public int type() {
        return HubMessageType.STREAM_INVOCATION;
    }
}
