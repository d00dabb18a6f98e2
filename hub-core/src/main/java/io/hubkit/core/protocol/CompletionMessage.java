package io.hubkit.core.protocol;

import java.util.Map;

/**
 * Type 3: the end of an invocation or a stream. Exactly one of three shapes: an {@code error}
 * (non-null), a result ({@code hasResult} true, {@code result} possibly {@code null}), or neither
 * (a void completion).
 */
public record CompletionMessage(String invocationId, String error, Object result, boolean hasResult,
                                Map<String, String> headers) implements HubInvocationMessage {

    public CompletionMessage {
        headers = headers == null ? Map.of() : headers;
        if (error != null && hasResult) {
            throw new IllegalArgumentException("A completion has either an error or a result, not both");
        }
    }

    public static CompletionMessage withResult(String invocationId, Object result) {
        return new CompletionMessage(invocationId, null, result, true, Map.of());
    }

    public static CompletionMessage withError(String invocationId, String error) {
        return new CompletionMessage(invocationId, error, null, false, Map.of());
    }

    public static CompletionMessage empty(String invocationId) {
        return new CompletionMessage(invocationId, null, null, false, Map.of());
    }

    @Override
    public int type() {
        return HubMessageType.COMPLETION;
    }
}
