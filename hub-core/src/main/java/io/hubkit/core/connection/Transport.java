package io.hubkit.core.connection;

import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import reactor.core.publisher.Mono;

/**
 * The byte pipe under one connection, implemented by each transport. Inbound bytes are handed to
 * the runtime separately (a {@code Flux<ByteBuffer>} given to the connection handler); this side
 * only writes and closes.
 *
 * <p>Threading: the runtime calls {@link #write} from one thread at a time and never again before
 * the previous write's {@code Mono} has completed, so an implementation needs no locking for
 * ordering. {@link #close} may be called from any thread, at any time, more than once.
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
     * frame of the given format, one SSE event, one poll body). The buffer is only read, and only
     * until the returned {@code Mono} completes.
     */
    Mono<Void> write(ByteBuffer payload, TransferFormat format);

    /**
     * Ends the transport normally (WebSocket close 1000, end of the event stream, 204 to the next
     * poll). Completes once the transport has been told; idempotent.
     */
    Mono<Void> close();
}
