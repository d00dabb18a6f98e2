package io.hubkit.service.client;

import java.io.ByteArrayOutputStream;

/**
 * Reassembles the pieces of one hub message an app server sent as {@code ConnectionData} with
 * {@code IsPartial=true}, up to a bound. Not thread-safe: used by one server connection's
 * (sequential) message handling at a time.
 */
final class PartialData {

    private final int maxSize;
    private ByteArrayOutputStream buffer;

    PartialData(int maxSize) {
        this.maxSize = maxSize;
    }

    /**
     * Adds a piece. Returns the whole message when {@code partial} is false (the buffered pieces
     * followed by this one), {@code null} while more pieces are expected.
     *
     * @throws IllegalStateException when the buffered pieces would exceed the bound
     */
    byte[] add(byte[] piece, boolean partial) {
        if (buffer == null && !partial) {
            return piece;
        }
        if (buffer == null) {
            buffer = new ByteArrayOutputStream(Math.min(maxSize, Math.max(256, piece.length * 2)));
        }
        if ((long) buffer.size() + piece.length > maxSize) {
            buffer = null;
            throw new IllegalStateException("A partial message from the app server exceeds " + maxSize + " bytes");
        }
        buffer.write(piece, 0, piece.length);
        if (partial) {
            return null;
        }
        byte[] whole = buffer.toByteArray();
        buffer = null;
        return whole;
    }
}
