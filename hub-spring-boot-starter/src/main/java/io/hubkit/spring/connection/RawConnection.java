package io.hubkit.spring.connection;

import io.hubkit.core.connection.ConnectionInfo;
import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One client connection of a raw {@link ConnectionHandler} endpoint: the bytes the client sends and
 * a way to send bytes back, without any hub protocol. Thread-safe.
 *
 * <p>Delivery: what {@link #send} is given arrives in order, each call as one transport message
 * (one WebSocket frame, one server-sent event, one poll body). Sends are queued one behind the
 * other; at most {@value #MAX_QUEUED_SENDS} may wait, beyond that a send fails.
 */
public interface RawConnection {

    /** Sends waiting behind the one in flight before further sends fail. */
    int MAX_QUEUED_SENDS = 1024;

    /** The public connection id (the negotiate response's {@code connectionId}). */
    String connectionId();

    /** The authenticated principal of the request that opened the connection, or {@code null}. */
    Principal principal();

    /** The request that opened the connection, and the transport's name. */
    ConnectionInfo info();

    /** Whether binary transport messages can be sent (false for Server-Sent Events). */
    boolean supportsBinary();

    /**
     * The bytes the client sends, in order, in the chunks they arrived in (a chunk does not
     * necessarily match what the client sent in one call). Completes when the client goes away.
     * One subscriber only; buffers are the subscriber's to keep.
     */
    Flux<ByteBuffer> receive();

    /**
     * Sends {@code payload} as one transport message. {@link TransferFormat#TEXT} must be UTF-8;
     * {@link TransferFormat#BINARY} needs {@link #supportsBinary()}. Completes once written (for
     * long polling: once a poll has taken it); fails once the connection is closed.
     */
    Mono<Void> send(ByteBuffer payload, TransferFormat format);

    /** Sends {@code text} as one UTF-8 text message. */
    default Mono<Void> sendText(String text) {
        return send(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), TransferFormat.TEXT);
    }

    /** Ends the connection from the server side (WebSocket close 1000, end of stream, 204 to the next poll). Idempotent. */
    Mono<Void> close();
}
