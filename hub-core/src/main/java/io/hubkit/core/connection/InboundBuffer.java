package io.hubkit.core.connection;

import java.nio.ByteBuffer;

/**
 * The bytes a connection received but has not parsed yet. A chunk arriving while nothing is left
 * over is used as it is (no copy); leftovers are joined with the next chunk in a buffer that grows
 * geometrically, so many small chunks cost linear copying. Parsers read from {@link #data()} and
 * advance its position. Not thread-safe: used by the receive loop only. Its size is bounded by the
 * caller (the message size limit fails a connection whose unparsed bytes exceed it).
 */
final class InboundBuffer {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final int MIN_CAPACITY = 4096;

    private ByteBuffer data = EMPTY;
    private boolean owned;

    /** Appends a chunk; the buffer takes ownership of it. */
    void append(ByteBuffer chunk) {
        if (!chunk.hasRemaining()) {
            return;
        }
        if (!data.hasRemaining()) {
            data = chunk;
            owned = false;
            return;
        }
        int needed = data.remaining() + chunk.remaining();
        if (owned && data.capacity() - data.limit() >= chunk.remaining()) {
            int limit = data.limit();
            ByteBuffer tail = data.duplicate();
            tail.limit(limit + chunk.remaining()).position(limit);
            tail.put(chunk);
            data.limit(tail.position());
            return;
        }
        if (owned && data.capacity() >= needed) {
            data.compact().put(chunk).flip();
            return;
        }
        ByteBuffer grown = ByteBuffer.allocate(Math.max(needed, Math.max(MIN_CAPACITY, data.capacity() * 2)));
        grown.put(data).put(chunk).flip();
        data = grown;
        owned = true;
    }

    /** Lets go of the last chunk (or grown buffer) once everything in it was parsed: an idle connection keeps none. */
    void releaseIfEmpty() {
        if (!data.hasRemaining()) {
            data = EMPTY;
            owned = false;
        }
    }

    /** The unparsed bytes, from position to limit. */
    ByteBuffer data() {
        return data;
    }

    int remaining() {
        return data.remaining();
    }
}
