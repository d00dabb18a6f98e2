package io.hubkit.core.protocol;

import java.util.Map;

/** Type 2: one item of a stream, in either direction; {@code item} may be {@code null}. */
public record StreamItemMessage(String invocationId, Object item, Map<String, String> headers)
        implements HubInvocationMessage {

    public StreamItemMessage {
        headers = headers == null ? Map.of() : headers;
    }

    public StreamItemMessage(String invocationId, Object item) {
        this(invocationId, item, Map.of());
    }

    @Override
    public int type() {
        return HubMessageType.STREAM_ITEM;
    }
}
