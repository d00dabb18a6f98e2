package io.hubkit.core.protocol;

import java.util.Map;

/** Type 5: the client cancels the server-to-client stream {@code invocationId}. */
public record CancelInvocationMessage(String invocationId, Map<String, String> headers)
        implements HubInvocationMessage {

    public CancelInvocationMessage {
        headers = headers == null ? Map.of() : headers;
    }

    public CancelInvocationMessage(String invocationId) {
        this(invocationId, Map.of());
    }

    @Override
    public int type() {
        return HubMessageType.CANCEL_INVOCATION;
    }
}
