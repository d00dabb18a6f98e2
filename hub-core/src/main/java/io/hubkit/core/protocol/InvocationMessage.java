package io.hubkit.core.protocol;

import java.util.List;
import java.util.Map;

/**
 * Type 1: a call of {@code target} with {@code arguments}. Without an invocation id the call is
 * non-blocking and the callee never answers. {@code streamIds} names the client-to-server streams
 * that feed parameters of the target ({@code null} when the property was absent).
 */
public record InvocationMessage(String invocationId, String target, List<Object> arguments,
                                List<String> streamIds, Map<String, String> headers)
        implements HubInvocationMessage {

    public InvocationMessage {
        arguments = arguments == null ? List.of() : arguments;
        headers = headers == null ? Map.of() : headers;
    }

    /** A non-blocking invocation without headers or streams, as sent by {@code Clients.X.send}. */
    public static InvocationMessage nonBlocking(String target, List<Object> arguments) {
        return new InvocationMessage(null, target, arguments, null, Map.of());
    }

    @Override
    public int type() {
        return HubMessageType.INVOCATION;
    }
}
