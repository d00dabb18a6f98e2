package io.hubkit.spring.web.longpolling;

import io.hubkit.core.connection.Transport;
import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.spring.web.HttpResponses;
import io.hubkit.spring.web.connection.Activation;
import io.hubkit.spring.web.connection.ConnectionChannel;
import io.hubkit.spring.web.connection.NegotiatedConnection;
import io.hubkit.spring.web.connection.NegotiatedConnections;
import io.hubkit.spring.web.http.ClientSends;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * One long-polling connection: the runtime's {@link Transport} and the state later requests need.
 *
 * <p>Each runtime {@link #write} is the body of one poll: it waits until a poll is there to take
 * it and completes once that poll's response was written (a poll that fails before its body went
 * out leaves the payload for the next poll, so nothing is lost to an aborted request). A poll
 * waits up to the poll timeout for data, then answers 200 with an empty body; it answers 204 when
 * the connection has ended or a newer poll replaced it. Between polls the connection is idle in
 * the registry, which expires it after the disconnect timeout ({@link #expire()}).
 *
 * <p>When the client has gone (DELETE, expiry) writes complete at once without effect. Thread-safe:
 * state changes happen under the instance's lock, responses are written outside it.
 */
final class LongPollingTransport implements Transport, ConnectionChannel {

    /** The transport's name as clients know it. */
    static final String NAME = "LongPolling";

    private static final Logger log = LoggerFactory.getLogger(LongPollingTransport.class);

    private final NegotiatedConnection connection;
    private final NegotiatedConnections connections;
    private final Duration pollTimeout;
    private final Scheduler timer;
    private final ClientSends sends = new ClientSends();

    private Poll current;
    private Pending pending;
    private boolean closed;
    private boolean clientGone;

    LongPollingTransport(NegotiatedConnection connection, NegotiatedConnections connections, Duration pollTimeout,
                         Scheduler timer) {
        this.connection = connection;
        this.connections = connections;
        this.pollTimeout = pollTimeout;
        this.timer = timer;
    }

    ClientSends sends() {
        return sends;
    }

    // ---- Transport ----------------------------------------------------------------------------

    @Override
    public String name() {
        return NAME;
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
        return Mono.create(sink -> offer(new Pending(payload, sink)));
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(() -> {
            Poll ended = null;
            synchronized (this) {
                closed = true;
                if (pending == null && current != null && current.waiting) {
                    ended = current;
                    ended.waiting = false;
                }
            }
            if (ended != null) {
                ended.resolve(Outcome.ENDED);
            }
        });
    }

    // ---- requests -----------------------------------------------------------------------------

    /** The first poll, which started the connection, has been answered. */
    void firstPollAnswered() {
        synchronized (this) {
            if (current == null) {
                connections.markIdle(connection);
            }
        }
    }

    /** Serves a poll after the first. */
    Mono<Void> poll(ServerWebExchange exchange) {
        Poll poll = new Poll();
        Poll replaced;
        Pending taken = null;
        Outcome immediate = null;
        synchronized (this) {
            Activation activation = connection.activate(NAME);
            if (activation == Activation.GONE || activation == Activation.OTHER_TRANSPORT) {
                return HttpResponses.text(exchange, HttpStatus.NOT_FOUND, "No Connection with that ID");
            }
            replaced = current != null && current.waiting ? current : null;
            if (replaced != null) {
                replaced.waiting = false;
            }
            current = poll;
            if (pending != null) {
                taken = pending;
                pending = null;
                poll.data = taken;
                immediate = Outcome.DATA;
            } else if (closed || clientGone) {
                immediate = Outcome.ENDED;
            } else {
                poll.waiting = true;
            }
        }
        if (replaced != null) {
            replaced.resolve(Outcome.ENDED);
        }
        if (immediate != null) {
            poll.resolve(immediate);
        } else {
            poll.timeout = timer.schedule(() -> timedOut(poll), pollTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (log.isTraceEnabled()) {
            log.trace("Poll of {}: {}", connection.connectionId(), immediate == null ? "waiting" : immediate);
        }
        return poll.outcome.asMono()
                .doOnNext(decision -> log.trace("Poll of {} answered: {}", connection.connectionId(), decision))
                .flatMap(decision -> respond(exchange, poll, decision))
                .doOnCancel(() -> abandoned(poll))
                .doFinally(signal -> finished(poll));
    }

    /** DELETE: the client ends the connection. */
    void terminate() {
        clientGone();
    }

    /** No poll came within the disconnect timeout. */
    @Override
    public void expire() {
        clientGone();
    }

    private void clientGone() {
        log.trace("Client of {} gone", connection.connectionId());
        Pending dropped;
        Poll ended = null;
        synchronized (this) {
            if (clientGone) {
                return;
            }
            clientGone = true;
            dropped = pending;
            pending = null;
            if (current != null && current.waiting) {
                ended = current;
                ended.waiting = false;
            }
        }
        if (dropped != null) {
            dropped.sink.success();
        }
        if (ended != null) {
            ended.resolve(Outcome.ENDED);
        }
        sends.clientGone();
    }

    // ---- internals ----------------------------------------------------------------------------

    private void offer(Pending payload) {
        Poll taker = null;
        synchronized (this) {
            if (clientGone) {
                payload.sink.success();
                return;
            }
            if (closed) {
                payload.sink.error(new IllegalStateException("The long-polling transport is closed"));
                return;
            }
            if (current != null && current.waiting) {
                taker = current;
                taker.waiting = false;
                taker.data = payload;
            } else {
                pending = payload;
            }
        }
        if (taker != null) {
            taker.resolve(Outcome.DATA);
        }
    }

    private void timedOut(Poll poll) {
        synchronized (this) {
            if (!poll.waiting) {
                return;
            }
            poll.waiting = false;
        }
        poll.resolve(Outcome.TIMED_OUT);
    }

    private Mono<Void> respond(ServerWebExchange exchange, Poll poll, Outcome outcome) {
        ServerHttpResponse response = exchange.getResponse();
        switch (outcome) {
            case DATA:
                Pending data = poll.data;
                response.setStatusCode(HttpStatus.OK);
                response.getHeaders().setContentType(MediaType.APPLICATION_OCTET_STREAM);
                response.getHeaders().setContentLength(data.payload.remaining());
                return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(data.payload.duplicate())))
                        .doOnSuccess(done -> {
                            poll.delivered = true;
                            data.sink.success();
                        })
                        .doOnError(error -> requeue(poll));
            case TIMED_OUT:
                return HttpResponses.empty(exchange, HttpStatus.OK);
            default:
                return HttpResponses.empty(exchange, HttpStatus.NO_CONTENT);
        }
    }

    /** The client aborted the poll: stop waiting, and keep any payload it had taken for the next poll. */
    private void abandoned(Poll poll) {
        synchronized (this) {
            poll.waiting = false;
        }
        poll.resolve(Outcome.ENDED);
        requeue(poll);
    }

    private void requeue(Poll poll) {
        Pending data;
        synchronized (this) {
            data = poll.data;
            if (data == null || poll.delivered || poll.requeued) {
                return;
            }
            poll.requeued = true;
        }
        offer(data);
    }

    private void finished(Poll poll) {
        log.trace("Poll of {} finished", connection.connectionId());
        if (poll.timeout != null) {
            poll.timeout.dispose();
        }
        synchronized (this) {
            if (current == poll) {
                current = null;
                connections.markIdle(connection);
            }
        }
    }

    private enum Outcome { DATA, TIMED_OUT, ENDED }

    /** A runtime write waiting for a poll. */
    private record Pending(ByteBuffer payload, MonoSink<Void> sink) {
    }

    /**
     * One poll request. {@code waiting}, {@code data} (the payload it took) and {@code requeued} are
     * set under the transport's lock.
     */
    private static final class Poll {
        final Sinks.One<Outcome> outcome = Sinks.one();
        boolean waiting;
        volatile Pending data;
        volatile boolean delivered;
        boolean requeued;
        volatile Disposable timeout;

        /** Settles the poll; only the first outcome counts. */
        void resolve(Outcome decision) {
            outcome.tryEmitValue(decision);
        }
    }
}
