package io.hubkit.benchmarks.jmh;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.connection.ConnectionInfo;
import io.hubkit.core.connection.ConnectionRequest;
import io.hubkit.core.protocol.HandshakeProtocol;
import io.hubkit.core.protocol.HandshakeRequestMessage;
import io.hubkit.core.protocol.HubProtocol;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/**
 * A hub endpoint with N in-memory connections that completed their handshake: what the fan-out
 * and dispatch benchmarks drive. Not thread-safe; one per benchmark trial.
 */
final class HubHarness implements AutoCloseable {

    /** The hub the benchmarks call. */
    public static final class BenchHub {
        public String echo(String payload) {
            return payload;
        }
    }

    final HubEndpoint endpoint;
    final AtomicLong writes = new AtomicLong();
    final AtomicLong records = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    private final List<CountingTransport> transports = new ArrayList<>();
    private final List<Sinks.Many<ByteBuffer>> inbound = new ArrayList<>();
    private final List<Disposable> running = new ArrayList<>();

    HubHarness(HubProtocol protocol, int connections) {
        endpoint = HubEndpoint.builder(new BenchHub()).build();
        byte[] handshake = HandshakeProtocol.writeRequest(new HandshakeRequestMessage(protocol.name(), 1));
        for (int i = 0; i < connections; i++) {
            Sinks.Many<ByteBuffer> sink = Sinks.many().unicast().onBackpressureBuffer();
            inbound.add(sink);
            ConnectionInfo info = new ConnectionInfo("WebSockets", "/bench", Map.of(), Map.of(), Map.of(), null);
            CountingTransport transport = new CountingTransport(writes, records, bytes);
            transports.add(transport);
            running.add(endpoint.connectionHandler()
                    .handle(transport, sink.asFlux(), new ConnectionRequest("c" + i, null, info))
                    .subscribe());
            sink.tryEmitNext(ByteBuffer.wrap(handshake));
        }
        // every connection answers its handshake with one write
        awaitAtLeast(writes::get, connections);
        writes.set(0);
        records.set(0);
        bytes.set(0);
    }

    /** Every connection's next write stays in flight (a busy socket) until {@link #releaseWrites()}. */
    void holdWrites() {
        transports.forEach(CountingTransport::hold);
    }

    /** Completes every connection's write in flight; what queued up behind it leaves as one write. */
    void releaseWrites() {
        transports.forEach(CountingTransport::release);
    }

    /** Hands {@code record} to connection {@code index} as if its client had sent it. */
    void receive(int index, byte[] record) {
        inbound.get(index).tryEmitNext(ByteBuffer.wrap(record));
    }

    /** Spins until {@code counter} reaches {@code target}; fails after ten seconds (a broken runtime, not a slow one). */
    static void awaitAtLeast(LongSupplier counter, long target) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (counter.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("expected " + target + ", saw " + counter.getAsLong());
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        inbound.forEach(Sinks.Many::tryEmitComplete);
        running.forEach(Disposable::dispose);
        endpoint.close();
    }
}
