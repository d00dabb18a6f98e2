package io.hubkit.backplane.service.client;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Reassembles a client's data frames marked partial: pieces are kept until a frame that is not
 * partial arrives, then handed on together. Bounded: more than {@code maxBytes} pending is an
 * error. Not thread-safe: used by the one thread that reads the server connection.
 */
public final class PartialData {

    private final int maxBytes;
    private ByteArrayOutputStream pending;

    public PartialData(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Takes one data frame. Returns the bytes to hand to the connection (the frame itself, or the
     * frame appended to the pending pieces), or {@code null} while the record is still partial.
     *
     * @throws IllegalStateException when the pending pieces would exceed the limit
     */
    public ByteBuffer accept(byte[] payload, boolean partial) {
        if (pending == null && !partial) {
            return ByteBuffer.wrap(payload);
        }
        if (pending == null) {
            pending = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(256, payload.length * 2)));
        }
        if ((long) pending.size() + payload.length > maxBytes) {
            pending = null;
            throw new IllegalStateException("A partial client message exceeded " + maxBytes + " bytes");
        }
        pending.writeBytes(payload);
        if (partial) {
            return null;
        }
        ByteBuffer whole = ByteBuffer.wrap(pending.toByteArray());
        pending = null;
        return whole;
    }

    /** Forgets pending pieces (e.g. the client reconnected statefully). */
    public void reset() {
        pending = null;
    }
}
