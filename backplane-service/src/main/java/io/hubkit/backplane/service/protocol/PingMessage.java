package io.hubkit.backplane.service.protocol;

import java.util.List;

/**
 * A ping, both directions: {@code [3]} is a keep-alive; otherwise the elements after the type id
 * are a flat list of strings read as key/value pairs ({@code [3, "target", instanceId]},
 * {@code [3, "status", "1"]}, …). Immutable value.
 *
 * @param messages the strings after the type id; empty for a keep-alive
 */
public record PingMessage(List<String> messages) implements ServiceMessage {

    /** The plain keep-alive {@code [3]}. */
    public static final PingMessage KEEP_ALIVE = new PingMessage(List.of());

    public PingMessage {
        messages = ServiceValues.strings(messages);
    }

    /** A ping of the given strings, e.g. {@code PingMessage.of("status", "1")}. */
    public static PingMessage of(String... messages) {
        return new PingMessage(List.of(messages));
    }

    /** Whether this is the plain keep-alive. */
    public boolean isKeepAlive() {
        return messages.isEmpty();
    }

    /** The value that follows the first occurrence of {@code key} at an even position, or {@code null}. */
    public String value(String key) {
        for (int i = 0; i + 1 < messages.size(); i += 2) {
            if (messages.get(i).equals(key)) {
                return messages.get(i + 1);
            }
        }
        return null;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.PING;
    }

    static PingMessage read(ServiceFieldReader in) {
        List<String> messages = new java.util.ArrayList<>();
        while (in.hasMore()) {
            String message = in.readString("messages");
            messages.add(message == null ? "" : message);
        }
        return new PingMessage(messages);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(1 + messages.size());
        out.writeInt(typeId());
        for (String message : messages) {
            out.writeString(message);
        }
    }
}
