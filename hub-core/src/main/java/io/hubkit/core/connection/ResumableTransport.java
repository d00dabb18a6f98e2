package io.hubkit.core.connection;

import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;

/**
 * A connection's transport that outlives its socket, for stateful reconnect: the runtime writes to
 * and reads from this object, while the socket under it ({@linkplain #attach attached} by the
 * transport, e.g. a WebSocket) may be lost and replaced by the client's next one.
 *
 * <p>A transport that negotiated stateful reconnect hands {@code new ResumableTransport(…)} and its
 * {@link #inbound()} to {@code HubConnectionHandler.handle}, then {@link #attach}es the socket. The
 * runtime grants resumption when the client's handshake asks for protocol version 2 or higher
 * ({@link #isResumable()}); until then, and when it is not granted, losing the socket ends the
 * connection as usual.
 * <ul>
 *   <li>A socket whose inbound stream fails with {@link TransportLostException} (dropped without a
 *       close) while resumable leaves the connection <i>detached</i>: writes are dropped (the
 *       runtime keeps what must be sent again), {@link #onDetached} listeners are told, and the
 *       connection waits. A socket whose inbound completes (the client closed it) ends the
 *       connection.</li>
 *   <li>{@link #attach} of the next socket resumes: the runtime sends a Sequence and every message
 *       the client has not acknowledged, then carries on; it drops what the client sends until the
 *       client's Sequence. A socket attached while the previous one is still open replaces it (the
 *       previous one is closed).</li>
 *   <li>{@link #expire()} gives up on a detached connection: it ends as if the client had gone.</li>
 * </ul>
 * Thread-safe. Follows the runtime's single-writer contract ({@link Transport}).
 */
public final class ResumableTransport implements Transport {

    /** What a socket's inbound stream fails with when the socket was lost without a close. */
    public static final class TransportLostException extends RuntimeException {
        public TransportLostException(String message) {
            super(message, null, false, false);
        }
    }

    /** The runtime's side of a resumption (the connection's session). */
    interface ResumeListener {
        /** {@code next} replaces the lost socket; queue the resend. Called before {@code next}'s data flows. */
        void transportReplaced(Transport next);
    }

    private final String name;
    private final boolean supportsBinary;
    private final boolean needsKeepAlive;
    private final Relay relay = new Relay();
    private final ReentrantLock emitLock = new ReentrantLock();

    private Transport physical;
    private Attachment attachment;
    private boolean attachedOnce;
    private boolean resumable;
    private boolean closed;
    private ResumeListener listener;
    private Runnable detachedListener = () -> { };

    /**
     * A resumable transport named {@code name} (as clients know the transport of the sockets that
     * will be attached), with their capabilities.
     */
    public ResumableTransport(String name, boolean supportsBinary, boolean needsKeepAlive) {
        this.name = name;
        this.supportsBinary = supportsBinary;
        this.needsKeepAlive = needsKeepAlive;
    }

    /** The bytes of every attached socket in turn, as one stream for the runtime; completes when the connection ends. */
    public Flux<ByteBuffer> inbound() {
        return relay;
    }

    /** Whether the handshake granted stateful reconnect, so that a lost socket can be replaced. */
    public synchronized boolean isResumable() {
        return resumable && !closed;
    }

    /** Runs {@code listener} each time the connection becomes detached (e.g. to start the disconnect timeout). */
    public synchronized void onDetached(Runnable listener) {
        this.detachedListener = listener;
    }

    /**
     * Carries the connection over {@code socket} from now on: the first socket, or the next one
     * after a loss (which resumes the connection). Returns a {@code Mono} that completes when this
     * socket is done carrying it (its inbound ended or another socket replaced it); never fails. A
     * socket offered to a connection that has ended, or that cannot resume, is closed at once.
     */
    public Mono<Void> attach(Transport socket, Flux<ByteBuffer> socketInbound) {
        Attachment next = new Attachment(socket);
        Attachment previous;
        Transport previousSocket;
        ResumeListener resume;
        emitLock.lock();
        try {
            synchronized (this) {
                if (closed || (attachedOnce && !resumable)) {
                    next.done.tryEmitEmpty();
                    return socket.close().onErrorResume(e -> Mono.empty()).then(next.done.asMono());
                }
                previous = attachment;
                previousSocket = physical;
                attachment = next;
                resume = attachedOnce ? listener : null;
                physical = attachedOnce ? null : socket;
                attachedOnce = true;
            }
        } finally {
            emitLock.unlock();
        }
        if (previous != null) {
            previous.dispose();
            previous.done.tryEmitEmpty();
        }
        if (previousSocket != null) {
            previousSocket.close().onErrorResume(e -> Mono.empty()).subscribe();
        }
        if (resume != null) {
            resume.transportReplaced(socket);
        }
        socketInbound.subscribe(next);
        return next.done.asMono();
    }

    /** Ends a detached connection as if its client had gone away; has no effect while a socket is attached. */
    public void expire() {
        synchronized (this) {
            if (attachment != null) {
                return;
            }
            closed = true;
        }
        relay.complete();
    }

    // ---- Transport --------------------------------------------------------------------------------

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

    /** Writes to the attached socket; while detached the payload is dropped (what matters is kept for the resend). */
    @Override
    public Mono<Void> write(ByteBuffer payload, TransferFormat format) {
        return Mono.defer(() -> toSocket(socket -> socket.write(payload, format)));
    }

    /** As {@link #write(ByteBuffer, TransferFormat)}, handing the records to the socket's own gathering write. */
    @Override
    public Mono<Void> write(List<ByteBuffer> records, TransferFormat format) {
        return Mono.defer(() -> toSocket(socket -> socket.write(records, format)));
    }

    private Mono<Void> toSocket(Function<Transport, Mono<Void>> write) {
        Transport target;
        boolean canResume;
        synchronized (this) {
            target = physical;
            canResume = resumable;
        }
        if (target == null) {
            return Mono.empty();
        }
        Mono<Void> written = write.apply(target);
        return canResume ? written.onErrorResume(e -> Mono.empty()) : written;
    }

    /** Closes the attached socket, if any; no socket is accepted afterwards. */
    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            Transport target;
            Attachment current;
            synchronized (this) {
                closed = true;
                target = physical;
                current = attachment;
                physical = null;
            }
            if (current != null) {
                current.done.tryEmitEmpty();
            }
            return target == null ? Mono.empty() : target.close();
        });
    }

    // ---- the runtime's side -------------------------------------------------------------------------

    /** The handshake granted stateful reconnect: from now on a lost socket detaches instead of ending. */
    synchronized void enableResume(ResumeListener resumeListener) {
        this.listener = resumeListener;
        this.resumable = true;
    }

    /** Whether the connection has lost its socket and waits for the next one. */
    synchronized boolean isDetached() {
        return attachedOnce && attachment == null && !closed;
    }

    /** Writes go to {@code socket} from now on (called by the runtime when it starts the resend). */
    synchronized void switchTo(Transport socket) {
        if (!closed && attachment != null && attachment.socket == socket) {
            physical = socket;
        }
    }

    private void lost(Attachment lostAttachment, Throwable error) {
        boolean detach;
        Runnable onDetach;
        synchronized (this) {
            if (attachment != lostAttachment) {
                return;
            }
            detach = resumable && !closed && error instanceof TransportLostException;
            attachment = null;
            physical = null;
            onDetach = detachedListener;
        }
        if (detach) {
            onDetach.run();
        } else {
            relay.complete();
        }
    }

    /**
     * One attached socket's inbound stream, relayed to the runtime while it is the current one. It is
     * asked for exactly what the runtime asked for and has not received: demand is handed over under
     * the transport's lock, so a socket attached while a request is in flight is asked once, not twice.
     */
    private final class Attachment extends BaseSubscriber<ByteBuffer> {
        final Transport socket;
        final Sinks.Empty<Void> done = Sinks.empty();
        private boolean subscribed;

        Attachment(Transport socket) {
            this.socket = socket;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            long demand;
            synchronized (ResumableTransport.this) {
                subscribed = true;
                demand = attachment == this ? relay.requested : 0;
            }
            if (demand > 0) {
                subscription.request(demand);
            }
        }

        @Override
        protected void hookOnNext(ByteBuffer chunk) {
            emitLock.lock();
            try {
                boolean current;
                synchronized (ResumableTransport.this) {
                    current = attachment == this && relay.requested > 0;
                    if (current) {
                        relay.requested--;
                    }
                }
                if (current) {
                    relay.emit(chunk);
                }
            } finally {
                emitLock.unlock();
            }
        }

        @Override
        protected void hookOnComplete() {
            done.tryEmitEmpty();
            lost(this, null);
        }

        @Override
        protected void hookOnError(Throwable error) {
            done.tryEmitEmpty();
            lost(this, error);
        }
    }

    /** The single-subscriber stream the runtime reads; its demand is passed to the current socket. */
    private final class Relay extends Flux<ByteBuffer> implements Subscription {
        /** What the runtime asked for and has not received yet; guarded by the transport's lock. */
        long requested;
        private volatile CoreSubscriber<? super ByteBuffer> downstream;
        private volatile boolean terminated;

        @Override
        public void subscribe(CoreSubscriber<? super ByteBuffer> actual) {
            if (downstream != null) {
                Operators.error(actual, new IllegalStateException("The inbound stream allows one subscriber"));
                return;
            }
            downstream = actual;
            actual.onSubscribe(this);
        }

        void emit(ByteBuffer chunk) {
            CoreSubscriber<? super ByteBuffer> actual = downstream;
            if (actual != null && !terminated) {
                actual.onNext(chunk);
            }
        }

        void complete() {
            emitLock.lock();
            try {
                if (terminated) {
                    return;
                }
                terminated = true;
                CoreSubscriber<? super ByteBuffer> actual = downstream;
                if (actual != null) {
                    actual.onComplete();
                }
            } finally {
                emitLock.unlock();
            }
        }

        @Override
        public void request(long n) {
            if (!Operators.validate(n)) {
                return;
            }
            Attachment forwardTo = null;
            synchronized (ResumableTransport.this) {
                requested = Operators.addCap(requested, n);
                if (attachment != null && attachment.subscribed) {
                    forwardTo = attachment;
                }
            }
            if (forwardTo != null) {
                forwardTo.request(n);
            }
        }

        @Override
        public void cancel() {
            terminated = true;
            Attachment current;
            synchronized (ResumableTransport.this) {
                current = attachment;
            }
            if (current != null) {
                current.dispose();
            }
        }
    }
}
