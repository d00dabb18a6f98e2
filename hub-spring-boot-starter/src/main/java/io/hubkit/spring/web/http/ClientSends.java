package io.hubkit.spring.web.http;

import io.hubkit.spring.support.AsyncMutex;
import io.hubkit.spring.web.HttpResponses;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The client-to-server half of a Server-Sent Events or long-polling connection: each POST's body is
 * copied chunk by chunk into the connection's inbound {@link HandoffStream}, at the pace the runtime reads,
 * and answered 200 (empty body) once all of it was handed over. POSTs of one connection are served
 * one after the other, in arrival order (at most {@value #MAX_WAITING_POSTS} wait; more get 409).
 * A POST for a connection that no longer reads gets 404; one whose body could not be read, 400.
 * Thread-safe.
 */
public final class ClientSends {

    /** POSTs of one connection that may wait behind the one being read. */
    public static final int MAX_WAITING_POSTS = 16;

    private static final Logger log = LoggerFactory.getLogger(ClientSends.class);

    private final HandoffStream<ByteBuffer> inbound = new HandoffStream<>();
    private final AsyncMutex posts = new AsyncMutex(MAX_WAITING_POSTS);

    /** What the runtime reads: the POST bodies' bytes, in order; completes once {@link #clientGone()} was called. */
    public Flux<ByteBuffer> inbound() {
        return inbound;
    }

    /** The client has ended the connection (or it expired): the inbound stream completes. */
    public void clientGone() {
        inbound.complete();
    }

    /** Serves one POST of the connection. */
    public Mono<Void> handlePost(ServerWebExchange exchange) {
        return posts.exclusive(() -> {
                    if (inbound.isClosed()) {
                        return Mono.error(new HandoffStream.ClosedException());
                    }
                    return exchange.getRequest().getBody()
                            .map(ClientSends::copy)
                            .concatMap(inbound::push, 1)
                            .then();
                })
                .then(Mono.defer(() -> HttpResponses.empty(exchange, HttpStatus.OK)))
                .onErrorResume(error -> {
                    if (exchange.getResponse().isCommitted()) {
                        return Mono.error(error);
                    }
                    if (error instanceof HandoffStream.ClosedException) {
                        return HttpResponses.text(exchange, HttpStatus.NOT_FOUND, "No Connection with that ID");
                    }
                    if (error instanceof AsyncMutex.BusyException) {
                        return HttpResponses.text(exchange, HttpStatus.CONFLICT, "Too many concurrent send requests.");
                    }
                    log.debug("Reading a send request failed", error);
                    return HttpResponses.text(exchange, HttpStatus.BAD_REQUEST, "Reading the request body failed.");
                });
    }

    private static ByteBuffer copy(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return ByteBuffer.wrap(bytes);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
