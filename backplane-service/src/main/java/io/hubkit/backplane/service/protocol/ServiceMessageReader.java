package io.hubkit.backplane.service.protocol;

import io.hubkit.core.protocol.BinaryMessageFraming;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts an inbound byte stream of framed service messages into whole messages, whatever the chunk
 * boundaries (a chunk may hold several messages, or part of one). Messages of unknown type ids
 * are skipped. A frame whose announced length exceeds the limit fails as soon as its prefix is
 * read, so at most one limit's worth of bytes (plus the current chunk) is ever buffered.
 *
 * <p>Not thread-safe: one reader per connection, fed in arrival order. After it has thrown, the
 * stream is out of sync and every further call throws.
 */
public final class ServiceMessageReader {

    private static final byte[] EMPTY = new byte[0];

    private final int maxMessageSize;
    private byte[] pending = EMPTY;
    private int pendingLength;
    private ServiceProtocolException failure;

    /** A reader with the default limit of {@link ServiceProtocol#DEFAULT_MAX_MESSAGE_SIZE}. */
    public ServiceMessageReader() {
        this(ServiceProtocol.DEFAULT_MAX_MESSAGE_SIZE);
    }

    /** A reader that rejects any message whose body is longer than {@code maxMessageSize} bytes. */
    public ServiceMessageReader(int maxMessageSize) {
        if (maxMessageSize <= 0) {
            throw new IllegalArgumentException("maxMessageSize must be positive, not " + maxMessageSize);
        }
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * Consumes all of {@code chunk} (its position moves to its limit) and returns the messages it
     * completed, in order; bytes of an incomplete message are kept (copied) for the next call.
     *
     * @throws ServiceProtocolException for a message over the limit or not a valid message
     */
    public List<ServiceMessage> read(ByteBuffer chunk) {
        if (failure != null) {
            throw new ServiceProtocolException("The stream failed before: " + failure.getMessage(), failure);
        }
        List<ServiceMessage> messages = new ArrayList<>(2);
        ByteBuffer input;
        if (pendingLength == 0) {
            input = chunk;
        } else {
            append(chunk);
            input = ByteBuffer.wrap(pending, 0, pendingLength);
        }
        try {
            while (input.hasRemaining()) {
                long announced = announcedLength(input);
                if (announced < 0) {
                    break;
                }
                if (announced > maxMessageSize) {
                    throw new ServiceProtocolException("The service message of " + announced
                            + " bytes exceeds the maximum message size of " + maxMessageSize + " bytes");
                }
                ByteBuffer body = BinaryMessageFraming.nextFrame(input);
                if (body == null) {
                    break;
                }
                ServiceMessage message = ServiceProtocol.parseBody(body);
                if (message != null) {
                    messages.add(message);
                }
            }
        } catch (ServiceProtocolException e) {
            fail(e);
            throw e;
        } catch (RuntimeException e) {
            ServiceProtocolException error = new ServiceProtocolException("Invalid service message frame: "
                    + e.getMessage(), e);
            fail(error);
            throw error;
        }
        keep(input);
        if (input != chunk) {
            chunk.position(chunk.limit());
        }
        return messages;
    }

    /** The number of bytes held of a message not yet complete. */
    public int bufferedBytes() {
        return pendingLength;
    }

    /** The length the frame at the position announces, or -1 when its prefix is incomplete. */
    private static long announcedLength(ByteBuffer input) {
        int start = input.position();
        int available = input.remaining();
        long length = 0;
        for (int i = 0; i < BinaryMessageFraming.MAX_PREFIX_SIZE; i++) {
            if (i >= available) {
                return -1;
            }
            int current = input.get(start + i) & 0xFF;
            length |= (long) (current & 0x7F) << (i * 7);
            if ((current & 0x80) == 0) {
                return length;
            }
        }
        throw new ServiceProtocolException("Invalid length prefix: more than five bytes");
    }

    private void append(ByteBuffer chunk) {
        int more = chunk.remaining();
        if (pending.length - pendingLength < more) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + more));
        }
        chunk.get(pending, pendingLength, more);
        pendingLength += more;
    }

    private void keep(ByteBuffer input) {
        int left = input.remaining();
        if (left == 0) {
            pendingLength = 0;
            if (pending.length > 64 * 1024) {
                pending = EMPTY;
            }
            return;
        }
        if (input.hasArray() && input.array() == pending) {
            System.arraycopy(pending, input.position(), pending, 0, left);
        } else {
            if (pending.length < left) {
                pending = new byte[Math.max(left, 256)];
            }
            input.get(pending, 0, left);
        }
        pendingLength = left;
    }

    private void fail(ServiceProtocolException error) {
        failure = error;
        pending = EMPTY;
        pendingLength = 0;
    }
}
