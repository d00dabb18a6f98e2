package io.hubkit.benchmarks.jmh;

import io.hubkit.core.connection.Transport;
import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * A transport that completes every write at once and only counts writes and bytes: the runtime's
 * own cost with the socket taken away. Thread-safe.
 */
final class CountingTransport implements Transport {

    private final AtomicLong writes;
    private final AtomicLong bytes;

    /** Counts into the given totals (shared by many transports in the fan-out benchmark). */
    CountingTransport(AtomicLong writes, AtomicLong bytes) {
        this.writes = writes;
        this.bytes = bytes;
    }

    @Override
    public String name() {
        return "WebSockets";
    }

    @Override
    public boolean supportsBinary() {
        return true;
    }

    @Override
    public boolean needsKeepAlive() {
        return false;
    }

    @Override
    public Mono<Void> write(ByteBuffer payload, TransferFormat format) {
        bytes.addAndGet(payload.remaining());
        writes.incrementAndGet();
        return Mono.empty();
    }

    @Override
    public Mono<Void> close() {
        return Mono.empty();
    }
}
