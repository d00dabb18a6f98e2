package io.hubkit.core.testing;

import io.hubkit.core.connection.Transport;
import io.hubkit.core.protocol.TransferFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A {@link Transport} that keeps every payload the runtime writes (copied, with its transfer
 * format), so tests can decode them with the real protocols. It checks the transport contract:
 * {@link #overlappingWrites()} is true if a write started before the previous one completed.
 * Writes can be held back ({@link #holdWrites()}) to observe coalescing, or made to fail.
 * Thread-safe.
 */
public final class InMemoryTransport implements Transport {

    /** One transport message as written: its bytes and frame type. */
    public record Frame(byte[] bytes, TransferFormat format) {
    }

    private final String name;
    private final boolean supportsBinary;
    private final boolean needsKeepAlive;
    private final BlockingQueue<Frame> unread = new LinkedBlockingQueue<>();
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean overlapped = new AtomicBoolean();
    private final AtomicBoolean failWrites = new AtomicBoolean();
    private final Sinks.Empty<Void> closed = Sinks.empty();
    private final AtomicBoolean closedFlag = new AtomicBoolean();
    private volatile Sinks.Empty<Void> gate;

    public InMemoryTransport(String name, boolean supportsBinary, boolean needsKeepAlive) {
        this.name = name;
        this.supportsBinary = supportsBinary;
        this.needsKeepAlive = needsKeepAlive;
    }

    /** Like a WebSocket: binary frames and keep-alive pings. */
    public static InMemoryTransport webSockets() {
        return new InMemoryTransport("WebSockets", true, true);
    }

    /** Like Server-Sent Events: text only. */
    public static InMemoryTransport serverSentEvents() {
        return new InMemoryTransport("ServerSentEvents", false, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean supportsBinary() {
        return supportsBinary;
    }

    @Override
    public boolean needsKeepAlive() {
        return needsKeepAlive;
    }

    @Override
    public Mono<Void> write(ByteBuffer payload, TransferFormat format) {
        if (inFlight.incrementAndGet() != 1) {
            overlapped.set(true);
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        Frame frame = new Frame(bytes, format);
        frames.add(frame);
        unread.add(frame);
        if (failWrites.get()) {
            inFlight.decrementAndGet();
            return Mono.error(new IOException("The in-memory transport is broken"));
        }
        Sinks.Empty<Void> held = gate;
        Mono<Void> done = held == null ? Mono.empty() : held.asMono();
        return done.then(Mono.fromRunnable(inFlight::decrementAndGet));
    }

    @Override
    public Mono<Void> close() {
        closedFlag.set(true);
        closed.tryEmitEmpty();
        return Mono.empty();
    }

    /** Writes from now on stay in flight until {@link #releaseWrites()}. */
    public void holdWrites() {
        gate = Sinks.empty();
    }

    /** Completes the held writes; later writes complete at once. */
    public void releaseWrites() {
        Sinks.Empty<Void> held = gate;
        gate = null;
        if (held != null) {
            held.tryEmitEmpty();
        }
    }

    /** Writes from now on fail with an I/O error. */
    public void failWrites() {
        failWrites.set(true);
    }

    /** The next frame not yet taken, waiting up to {@code timeout}; null if none came. */
    public Frame nextFrame(Duration timeout) throws InterruptedException {
        return unread.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every frame written so far, in order. */
    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** Whether the runtime closed the transport. */
    public boolean isClosed() {
        return closedFlag.get();
    }

    /** Completes when the runtime closes the transport. */
    public Mono<Void> whenClosed() {
        return closed.asMono();
    }

    /** Whether a write ever started before the previous one completed (a contract violation). */
    public boolean overlappingWrites() {
        return overlapped.get();
    }
}
