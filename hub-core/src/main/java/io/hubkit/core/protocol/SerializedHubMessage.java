package io.hubkit.core.protocol;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A hub message together with its encodings, computed at most once per protocol and shared by
 * every connection that receives it: a broadcast to ten thousand connections encodes once per
 * protocol, never once per connection. Thread-safe; a race may encode twice but always publishes
 * equal bytes. The byte arrays handed out must not be modified.
 */
public final class SerializedHubMessage {

    private static final int CACHE_SLOTS = 4;

    private final HubMessage message;
    private final AtomicReferenceArray<Object[]> cache = new AtomicReferenceArray<>(CACHE_SLOTS);

    public SerializedHubMessage(HubMessage message) {
        this.message = message;
    }

    /** A message whose encoding for {@code protocol} is already known (e.g. received from a backplane). */
    public static SerializedHubMessage preEncoded(HubMessage message, HubProtocol protocol, byte[] encoded) {
        SerializedHubMessage serialized = new SerializedHubMessage(message);
        serialized.cache.set(0, new Object[] {protocol.name(), encoded});
        return serialized;
    }

    public HubMessage message() {
        return message;
    }

    /** The framed record for {@code protocol}, encoding it on first use. */
    public byte[] encoded(HubProtocol protocol) {
        String name = protocol.name();
        for (int i = 0; i < CACHE_SLOTS; i++) {
            Object[] slot = cache.get(i);
            if (slot == null) {
                byte[] bytes = protocol.writeMessage(message);
                if (cache.compareAndSet(i, null, new Object[] {name, bytes})) {
                    return bytes;
                }
                slot = cache.get(i);
            }
            if (slot[0].equals(name)) {
                return (byte[]) slot[1];
            }
        }
        return protocol.writeMessage(message);
    }
}
