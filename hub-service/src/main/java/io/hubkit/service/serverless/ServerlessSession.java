package io.hubkit.service.serverless;

import io.hubkit.core.protocol.CloseMessage;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HandshakeProtocol;
import io.hubkit.core.protocol.HandshakeRequestMessage;
import io.hubkit.core.protocol.HandshakeResponseMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocolException;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.InvocationBindingFailureMessage;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.PingMessage;
import io.hubkit.core.protocol.StreamInvocationMessage;
import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.service.routing.Claim;
import io.hubkit.service.routing.ClientConnection;
import io.hubkit.service.routing.ServiceRouter;
import io.hubkit.spring.connection.RawConnection;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One client connection in serverless mode: the service itself runs the hub protocol — handshake,
 * keep-alive pings, client timeout, close — registers the client with the routing core (so REST
 * sends reach it) and reports its connect, invocations and disconnect to the upstream.
 *
 * <p>Ordering: the client's messages are handled one at a time in arrival order; an invocation's
 * upstream call completes (and its completion is queued for the client) before the next message is
 * read, so a client is back-pressured by its own upstream. The {@code connected} event precedes
 * every invocation event, {@code disconnected} follows them all.
 *
 * <p>Invocations with an id are answered from the upstream's response: a 200 body is written to
 * the client as it is (it must be a framed completion), an empty 200 or a 204 is an empty
 * completion, anything else {@code "Invocation failed, status code N"}; without a matching upstream
 * the completion says so. Stream invocations are not forwarded (as in Azure) and get an error
 * completion; client results, stream items and cancellations are ignored.
 *
 * <p>Threading: the receive loop is sequential; {@link #send} and {@link #close} may be called from
 * any thread and never block. Outbound messages go through the raw connection's bounded send
 * queue; a send it refuses ends the connection (slow consumer).
 */
final class ServerlessSession implements ClientConnection {

    private static final Logger log = LoggerFactory.getLogger(ServerlessSession.class);
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final String CLOSED_WITH_ERROR = "Connection closed with an error.";
    private static final String CLIENT_TIMEOUT =
            "Client hasn't sent a message/ping within the configured ClientTimeoutInterval.";

    private final RawConnection raw;
    private final String hub;
    private final String userId;
    private final List<Claim> claims;
    private final ServiceRouter router;
    private final ServerlessUpstream upstream;
    private final ServerlessProperties properties;
    private final HubProtocols protocols;
    private final UpstreamRequest.ClientConnectionInfo info;
    private final boolean keepAlive;
    private final long handshakeDeadline;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Sinks.One<Boolean> endSignal = Sinks.one();
    private volatile HubProtocol protocol;
    private volatile boolean registered;
    private volatile boolean clientTimeoutStarted;
    private volatile boolean awaitingUpstream;
    private volatile String upstreamError;
    private volatile long lastReceived;
    private volatile long lastSent;
    private ClientRecordReader reader;
    private ByteBuffer pending = EMPTY;

    ServerlessSession(RawConnection raw, String hub, String userId, List<Claim> claims, ServiceRouter router,
                      ServerlessUpstream upstream, ServerlessProperties properties, HubProtocols protocols) {
        this.raw = raw;
        this.hub = hub;
        this.userId = userId;
        this.claims = List.copyOf(claims);
        this.router = router;
        this.upstream = upstream;
        this.properties = properties;
        this.protocols = protocols;
        this.info = new UpstreamRequest.ClientConnectionInfo(raw.connectionId(), userId,
                claims.stream().map(c -> c.type() + ": " + c.value()).toList(), QueryStrings.of(raw.info()));
        this.keepAlive = !"LongPolling".equals(raw.info().transport());
        long now = System.nanoTime();
        this.handshakeDeadline = now + properties.handshakeTimeout().toNanos();
        this.lastReceived = now;
        this.lastSent = now;
    }

    // ---- ClientConnection -------------------------------------------------------------------------

    @Override
    public String id() {
        return raw.connectionId();
    }

    @Override
    public String hub() {
        return hub;
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public List<Claim> claims() {
        return claims;
    }

    @Override
    public String protocol() {
        HubProtocol current = protocol;
        return current == null ? null : current.name();
    }

    @Override
    public String serverConnectionId() {
        return null;
    }

    @Override
    public void send(byte[] framedMessage) {
        HubProtocol current = protocol;
        if (ended.get() || current == null) {
            return;
        }
        write(framedMessage, current.transferFormat());
    }

    @Override
    public void close(String reason) {
        end(reason, reason, true);
    }

    /** The service shuts down: the client gets a Close that allows reconnecting (to another instance). */
    void shutdown() {
        end(null, "The service is shutting down.", true, true);
    }

    // ---- the run ----------------------------------------------------------------------------------

    /** Runs the connection until the client leaves or the service closes it; never fails. */
    Mono<Void> run() {
        return raw.receive()
                .takeUntilOther(endSignal.asMono())
                .concatMap(this::onChunk, 1)
                .then()
                .onErrorResume(e -> {
                    log.debug("Serverless connection {} failed", id(), e);
                    end(CLOSED_WITH_ERROR, e.toString(), true);
                    return Mono.empty();
                })
                .then(Mono.defer(this::finish));
    }

    /**
     * The shared heartbeat: handshake deadline, keep-alive ping, and the client timeout — which, as
     * in ASP.NET Core, starts with the client's first ping (long-polling clients never ping) and is
     * paused while the client's messages wait for an upstream call.
     */
    void onHeartbeat(long now) {
        if (ended.get()) {
            return;
        }
        HubProtocol current = protocol;
        if (current == null) {
            if (now - handshakeDeadline >= 0) {
                failHandshake("Handshake was canceled.");
            }
            return;
        }
        if (clientTimeoutStarted && !awaitingUpstream && now - lastReceived >= properties.clientTimeout().toNanos()) {
            end(CLOSED_WITH_ERROR, CLIENT_TIMEOUT, true);
            return;
        }
        if (keepAlive && now - lastSent >= properties.keepAliveInterval().toNanos()) {
            write(current.writeMessage(PingMessage.INSTANCE), current.transferFormat());
        }
    }

    private Mono<Void> onChunk(ByteBuffer chunk) {
        if (ended.get()) {
            return Mono.empty();
        }
        lastReceived = System.nanoTime();
        append(chunk);
        try {
            List<Mono<Void>> work = new ArrayList<>();
            if (protocol == null) {
                if (!readHandshake()) {
                    return Mono.empty();
                }
                work.add(upstream.connected(hub, info).then());
            }
            ClientRecord record;
            while (!ended.get() && (record = reader.next(pending)) != null) {
                Mono<Void> handled = handle(record);
                if (handled != null) {
                    work.add(handled);
                }
            }
            compact();
            if (work.isEmpty()) {
                return Mono.empty();
            }
            // while upstream calls run, the client's next bytes (its pings too) are not read: no client timeout then
            return Flux.concat(work).then()
                    .doFirst(() -> awaitingUpstream = true)
                    .doFinally(signal -> {
                        lastReceived = System.nanoTime();
                        awaitingUpstream = false;
                    });
        } catch (HubProtocolException e) {
            log.debug("Serverless connection {} sent invalid data: {}", id(), e.getMessage());
            end(CLOSED_WITH_ERROR, "InvalidDataException: " + e.getMessage(), true);
            return Mono.empty();
        }
    }

    /** Returns true once the handshake succeeded (the rest of {@link #pending} is hub messages). */
    private boolean readHandshake() {
        HandshakeRequestMessage request;
        try {
            request = HandshakeProtocol.parseRequest(pending);
        } catch (HubProtocolException e) {
            failHandshake("An unexpected error occurred during connection handshake.");
            return false;
        }
        if (request == null) {
            if (pending.remaining() > properties.maxMessageSize().toBytes()) {
                failHandshake("An unexpected error occurred during connection handshake.");
            }
            return false;
        }
        HubProtocol chosen = protocols.find(request.protocol());
        if (chosen == null) {
            failHandshake("The protocol '" + request.protocol() + "' is not supported.");
            return false;
        }
        if (!chosen.isVersionSupported(request.version())) {
            failHandshake("The server does not support version " + request.version() + " of the '"
                    + request.protocol() + "' protocol.");
            return false;
        }
        if (chosen.transferFormat() == TransferFormat.BINARY && !raw.supportsBinary()) {
            failHandshake("Cannot use the '" + chosen.name() + "' protocol on the current transport. The transport "
                    + "does not support '" + TransferFormat.BINARY.wireName() + "' transfer format.");
            return false;
        }
        reader = new ClientRecordReader(chosen, (int) properties.maxMessageSize().toBytes());
        protocol = chosen;
        write(HandshakeProtocol.writeResponse(HandshakeResponseMessage.SUCCESS), chosen.transferFormat());
        if (!router.register(this)) {
            log.warn("Serverless connection id {} is already registered in hub {}", id(), hub);
            end(CLOSED_WITH_ERROR, "duplicate connection id", true);
            return false;
        }
        registered = true;
        return true;
    }

    /** The upstream work for one client message, or {@code null} when there is none. */
    private Mono<Void> handle(ClientRecord record) {
        HubMessage message = record.message();
        if (message instanceof InvocationMessage invocation) {
            return invoke(invocation.invocationId(), invocation.target(), record.unframed());
        }
        if (message instanceof InvocationBindingFailureMessage failure && !failure.streaming()) {
            return invoke(failure.invocationId(), failure.target(), record.unframed());
        }
        if (message instanceof StreamInvocationMessage stream) {
            rejectStream(stream.invocationId());
        } else if (message instanceof InvocationBindingFailureMessage failure) {
            rejectStream(failure.invocationId());
        } else if (message instanceof PingMessage) {
            clientTimeoutStarted = true;
        } else if (message instanceof CloseMessage) {
            end(null, null, false);
        }
        return null; // pings, completions, stream items, cancellations, acks, sequences
    }

    private Mono<Void> invoke(String invocationId, String target, byte[] unframed) {
        if (invocationId == null) {
            return upstream.invocation(hub, info, target, protocol.name(), unframed).then();
        }
        return upstream.invocation(hub, info, target, protocol.name(), unframed)
                .map(response -> completion(invocationId, response))
                .defaultIfEmpty(encode(CompletionMessage.withError(invocationId,
                        "Invocation failed, no upstream is configured for '" + target + "'.")))
                .doOnNext(this::send)
                .then();
    }

    private byte[] completion(String invocationId, UpstreamResponse response) {
        if (response.status() == 200 && response.body().length > 0) {
            return response.body();
        }
        if (response.status() == 200 || response.status() == 204) {
            return encode(CompletionMessage.empty(invocationId));
        }
        return encode(CompletionMessage.withError(invocationId, "Invocation failed, status code " + response.status()));
    }

    private void rejectStream(String invocationId) {
        if (invocationId != null) {
            send(encode(CompletionMessage.withError(invocationId, "Stream invocations are not supported in serverless mode.")));
        }
    }

    private byte[] encode(HubMessage message) {
        return protocol.writeMessage(message);
    }

    // ---- the end ----------------------------------------------------------------------------------

    private void failHandshake(String error) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        log.debug("Handshake of serverless connection {} failed: {}", id(), error);
        raw.send(ByteBuffer.wrap(HandshakeProtocol.writeResponse(new HandshakeResponseMessage(error))), TransferFormat.TEXT)
                .onErrorResume(e -> Mono.empty())
                .then(raw.close())
                .subscribe(null, e -> log.debug("Closing serverless connection {} failed", id(), e));
        endSignal.tryEmitValue(true);
    }

    private void end(String clientError, String upstreamError, boolean sendClose) {
        end(clientError, upstreamError, sendClose, false);
    }

    /**
     * Ends the connection once: a Close message with {@code clientError} when {@code sendClose} (and
     * the handshake was done), then the transport closes; {@code upstreamError} is what the
     * disconnected event reports.
     */
    private void end(String clientError, String upstreamError, boolean sendClose, boolean allowReconnect) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        this.upstreamError = upstreamError;
        HubProtocol current = protocol;
        Mono<Void> farewell = Mono.empty();
        if (sendClose && current != null) {
            farewell = raw.send(ByteBuffer.wrap(current.writeMessage(new CloseMessage(clientError, allowReconnect))),
                    current.transferFormat()).onErrorResume(e -> Mono.empty());
        }
        farewell.then(raw.close())
                .subscribe(null, e -> log.debug("Closing serverless connection {} failed", id(), e));
        endSignal.tryEmitValue(true);
    }

    /** After the receive loop: unregister, report the disconnect, make sure the transport is closed. */
    private Mono<Void> finish() {
        ended.set(true);
        if (!registered) {
            return raw.close().onErrorResume(e -> Mono.empty());
        }
        router.unregister(this);
        return upstream.disconnected(hub, info, upstreamError)
                .then()
                .onErrorResume(e -> Mono.empty())
                .then(raw.close().onErrorResume(e -> Mono.empty()));
    }

    private void write(byte[] bytes, TransferFormat format) {
        lastSent = System.nanoTime();
        raw.send(ByteBuffer.wrap(bytes), format).subscribe(null, e -> {
            if (!ended.get()) {
                log.debug("Send to serverless connection {} failed: {}", id(), e.toString());
                end(CLOSED_WITH_ERROR, "The connection cannot take more messages: " + e.getMessage(), false);
            }
        });
    }

    // ---- inbound buffer ---------------------------------------------------------------------------

    private void append(ByteBuffer chunk) {
        if (!pending.hasRemaining()) {
            pending = chunk;
            return;
        }
        ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + chunk.remaining());
        joined.put(pending).put(chunk).flip();
        pending = joined;
    }

    private void compact() {
        if (!pending.hasRemaining()) {
            pending = EMPTY;
        }
    }
}
