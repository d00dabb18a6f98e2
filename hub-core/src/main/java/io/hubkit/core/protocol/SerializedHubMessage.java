package io.hubkit.core.protocol;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A hub message together with its encodings, computed at most once per protocol and shared by
 * every connection that receives it: a broadcast to ten thousand connections encodes once per
 * protocol, never once per connection. Thread-safe; a race may encode twice but always publishes
 * equal bytes. The byte arrays handed out must not be modified.
 *
 * <p>Connections write the encoding through {@link #buffer}: a read-only view of one buffer per
 * protocol, so that no connection copies the bytes. A message sent to many connections
 * ({@link #forFanOut}) keeps that buffer in direct memory, which a socket writes without the
 * heap-to-direct copy it would otherwise make per connection; a message for one connection stays
 * on the heap (a direct buffer per message would cost more than the one copy it saves).
 */
public final class SerializedHubMessage {

    private static final int CACHE_SLOTS = 4;

    private final HubMessage message;
    private final boolean fanOut;
    private final AtomicReferenceArray<Encoding> cache = new AtomicReferenceArray<>(CACHE_SLOTS);

    /** One protocol's encoding: the bytes and the buffer whose views connections write. */
    private record Encoding(String protocol, byte[] bytes, ByteBuffer shared) {

        static Encoding of(String protocol, byte[] bytes, boolean direct) {
            ByteBuffer buffer;
            if (direct) {
                buffer = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            } else {
                buffer = ByteBuffer.wrap(bytes);
            }
            return new Encoding(protocol, bytes, buffer.asReadOnlyBuffer());
        }
    }

    /** A message for one connection (or a few): its shared buffer stays on the heap. */
    public SerializedHubMessage(HubMessage message) {
        this(message, false);
    }

    private SerializedHubMessage(HubMessage message, boolean fanOut) {
        this.message = message;
        this.fanOut = fanOut;
    }

    /**
     * A message that is sent to many connections (a broadcast, a group): each protocol's encoding
     * is also kept as one direct buffer that every connection's socket writes from.
     */
    public static SerializedHubMessage forFanOut(HubMessage message) {
        return new SerializedHubMessage(message, true);
    }

    /** A message whose encoding for {@code protocol} is already known (e.g. received from a backplane). */
    public static SerializedHubMessage preEncoded(HubMessage message, HubProtocol protocol, byte[] encoded) {
        SerializedHubMessage serialized = new SerializedHubMessage(message);
        serialized.cache.set(0, Encoding.of(protocol.name(), encoded, false));
        return serialized;
    }

    public HubMessage message() {
        return message;
    }

    /** The framed record for {@code protocol}, encoding it on first use. */
    public byte[] encoded(HubProtocol protocol) {
        Encoding encoding = encoding(protocol);
        return encoding != null ? encoding.bytes() : protocol.writeMessage(message);
    }

    /**
     * The framed record for {@code protocol} as a read-only buffer of its own (position 0, limit
     * the record's length) over the bytes every connection shares: no copy is made. Encodes on
     * first use.
     */
    public ByteBuffer buffer(HubProtocol protocol) {
        Encoding encoding = encoding(protocol);
        return encoding != null ? encoding.shared().duplicate()
                : ByteBuffer.wrap(protocol.writeMessage(message)).asReadOnlyBuffer();
    }

    /** The cached encoding for {@code protocol}, encoding it into a free slot; null when every slot is taken. */
    private Encoding encoding(HubProtocol protocol) {
        String name = protocol.name();
        for (int i = 0; i < CACHE_SLOTS; i++) {
            Encoding slot = cache.get(i);
            if (slot == null) {
                Encoding created = Encoding.of(name, protocol.writeMessage(message), fanOut);
                if (cache.compareAndSet(i, null, created)) {
                    return created;
                }
                slot = cache.get(i);
            }
            if (slot.protocol().equals(name)) {
                return slot;
            }
        }
        return null;
    }
}
