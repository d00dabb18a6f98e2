package io.hubkit.spring.web.sse;

import io.hubkit.core.connection.Transport;
import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.spring.web.http.HandoffStream;
import java.nio.ByteBuffer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import reactor.core.publisher.Mono;

/**
 * Carries one connection's server-to-client side over an event stream: each {@link #write} becomes
 * one event ({@link EventStreamFormat}), handed to the HTTP response; the write completes once the
 * response has taken it, which is how a slow client back-pressures the runtime. {@link #close()}
 * ends the stream (the response completes after the events already written). Text only. Follows
 * the runtime's single-writer contract ({@link Transport}).
 */
final class ServerSentEventsTransport implements Transport {

    /** The transport's name as clients know it. */
    static final String NAME = "ServerSentEvents";

    private final HandoffStream<DataBuffer> events;
    private final DataBufferFactory buffers;

    ServerSentEventsTransport(HandoffStream<DataBuffer> events, DataBufferFactory buffers) {
        this.events = events;
        this.buffers = buffers;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supportsBinary() {
        return false;
    }

    @Override
    public boolean needsKeepAlive() {
        return true;
    }

    @Override
    public Mono<Void> write(ByteBuffer payload, TransferFormat format) {
        if (format == TransferFormat.BINARY) {
            return Mono.error(new IllegalArgumentException("Server-Sent Events carry text only"));
        }
        return Mono.defer(() -> events.push(buffers.wrap(EventStreamFormat.event(payload))));
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(events::complete);
    }
}
