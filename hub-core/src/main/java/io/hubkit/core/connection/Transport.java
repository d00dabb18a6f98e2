package io.hubkit.core.connection;

import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The byte pipe under one connection, implemented by each transport. Inbound bytes are handed to
 * the runtime separately (a {@code Flux<ByteBuffer>} given to the connection handler); this side
 * only writes and closes.
 *
 * <p>Threading: the runtime calls {@link #write} from one thread at a time and never again before
 * the previous write's {@code Mono} has completed, so an implementation needs no locking for
 * ordering. {@link #close} may be called from any thread, at any time, more than once.
 *
 * <p>Buffers handed to a write may be shared: a broadcast hands every connection a read-only view
 * of the same encoded bytes. A transport reads them from position to limit and never writes into
 * them; it may move the position of the view it was given (each write gets its own). The bytes
 * behind a view never change, so a transport may keep the view after its write completed (e.g.
 * queued for a later send).
 */
public interface Transport {

    /** The transport's name as clients know it: {@code WebSockets}, {@code ServerSentEvents}, {@code LongPolling}. */
    String name();

    /** Whether binary frames can be carried (false for Server-Sent Events). */
    boolean supportsBinary();

    /** Whether the server should send keep-alive pings (false for long polling, whose polls keep it alive). */
    boolean needsKeepAlive();

    /**
     * Writes {@code payload} — one or more whole records — as one transport message (one WebSocket
     * frame of the given format, one SSE event, one poll body). The buffer is only read (see the
     * type's note on shared buffers).
     */
    Mono<Void> write(ByteBuffer payload, TransferFormat format);

    /**
     * Writes {@code records} — whole records, in order — as one transport message, exactly as
     * {@link #write(ByteBuffer, TransferFormat)} writes their concatenation; the runtime uses it
     * for a coalesced batch. The list is never empty, and is the runtime's to reuse once the
     * returned {@code Mono} completes: a transport that needs the records later keeps its own copy
     * of the list. This default joins the records into one new buffer; a transport that can hand
     * several buffers to the socket at once (a gathering write) overrides it to send the shared
     * buffers without copying them.
     */
    default Mono<Void> write(List<ByteBuffer> records, TransferFormat format) {
        if (records.size() == 1) {
            return write(records.get(0), format);
        }
        int total = 0;
        for (ByteBuffer record : records) {
            total += record.remaining();
        }
        ByteBuffer joined = ByteBuffer.allocate(total);
        for (ByteBuffer record : records) {
            joined.put(record.duplicate());
        }
        return write(joined.flip(), format);
    }

    /**
     * Ends the transport normally (WebSocket close 1000, end of the event stream, 204 to the next
     * poll). Completes once the transport has been told; idempotent.
     */
    Mono<Void> close();
}
