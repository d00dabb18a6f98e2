package io.hubkit.service.client;

import io.hubkit.backplane.service.protocol.CloseConnectionMessage;
import io.hubkit.backplane.service.protocol.ConnectionDataMessage;
import io.hubkit.backplane.service.protocol.OpenConnectionMessage;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.core.protocol.CloseMessage;
import io.hubkit.core.protocol.HandshakeProtocol;
import io.hubkit.core.protocol.HandshakeRequestMessage;
import io.hubkit.core.protocol.HandshakeResponseMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocolException;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.service.operations.ServiceMeters;
import io.hubkit.service.routing.Claim;
import io.hubkit.service.routing.ServiceRouter;
import io.hubkit.service.security.ClientPrincipal;
import io.hubkit.service.server.ServerEndpoint;
import io.hubkit.service.server.ServerRoutedClient;
import io.hubkit.service.server.ServerSession;
import io.hubkit.spring.connection.RawConnection;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * One client in default mode, tunnelled to an app server of its hub: the client's bytes go to the
 * server as {@code ConnectionData} (starting with its handshake, from which the service learns the
 * hub protocol), and what the server and the routing core send goes back to the client, each
 * message as one transport message, in order.
 *
 * <p>Lifecycle: {@link #run} serves the connection; it ends when the client goes away (the server
 * gets {@code CloseConnection}), when the server closes it, when the service closes it (the client
 * gets a hub close message with the reason; the server gets {@code CloseConnection}), or when its
 * server connection goes away (close message allowing reconnect). A client that sends no complete
 * handshake within the handshake timeout is dropped; an invalid handshake, a binary protocol on a
 * text transport or a hub without app server get a handshake error response.
 *
 * <p>Bounded: at most {@link RawConnection#MAX_QUEUED_SENDS} messages wait for the client; a client
 * that cannot keep up is closed (slow consumer). Messages that accumulate while a write is in
 * flight go out together ({@link ClientOutbox}). Thread-safe.
 */
final class TunnelledClient implements ServerRoutedClient {

    /** The close reason of a client that could not keep up with what it was sent. */
    static final String SLOW_CONSUMER = "The client is not reading its messages fast enough.";

    /** The most bytes of several messages coalesced into one transport message. */
    static final int MAX_BATCH_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(TunnelledClient.class);
    private static final HubProtocols KNOWN = HubProtocols.defaults();

    private final RawConnection raw;
    private final ClientPrincipal principal;
    private final ServiceRouter router;
    private final ServiceMeters meters;
    private final ClientHandshakeReader handshake;
    private final PartialData partial;
    private final Duration handshakeTimeout;
    private final Map<String, List<String>> forwardedHeaders;
    private final String queryString;
    private final ClientOutbox outbox;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean serverInformed = new AtomicBoolean();

    private volatile boolean handshaken;
    private volatile boolean registered;
    private volatile String protocol;
    private volatile TransferFormat format = TransferFormat.TEXT;
    private volatile ServerSession server;

    TunnelledClient(RawConnection raw, ClientPrincipal principal, ServiceRouter router, ServiceMeters meters,
                    ClientSettings settings) {
        this.raw = raw;
        this.principal = principal;
        this.router = router;
        this.meters = meters;
        this.handshake = new ClientHandshakeReader(settings.maxHandshakeSize());
        this.partial = new PartialData(settings.maxServerMessageSize());
        this.handshakeTimeout = settings.handshakeTimeout();
        this.forwardedHeaders = ForwardedRequest.headers(raw.info(), router.instanceId());
        this.queryString = ForwardedRequest.queryString(raw.info());
        this.outbox = new ClientOutbox(raw, () -> format, RawConnection.MAX_QUEUED_SENDS, MAX_BATCH_BYTES);
    }

    // ---- ClientConnection

    @Override
    public String id() {
        return raw.connectionId();
    }

    @Override
    public String hub() {
        return principal.hub();
    }

    @Override
    public String userId() {
        return principal.userId();
    }

    @Override
    public List<Claim> claims() {
        return principal.claims();
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public String serverConnectionId() {
        ServerSession carrier = server;
        return carrier == null ? null : carrier.id();
    }

    @Override
    public void send(byte[] framedMessage) {
        enqueue(framedMessage);
    }

    @Override
    public void close(String reason) {
        if (closing.compareAndSet(false, true)) {
            enqueueClose(reason, false);
            finishOutbound();
            informServer(reason);
        }
    }

    // ---- ServerRoutedClient

    @Override
    public void deliverFromServer(byte[] payload, boolean isPartial) {
        byte[] whole;
        try {
            synchronized (partial) {
                whole = partial.add(payload, isPartial);
            }
        } catch (IllegalStateException tooLarge) {
            log.warn("Connection {}: {}", id(), tooLarge.getMessage());
            close("The app server sent a message larger than the service accepts.");
            return;
        }
        if (whole != null) {
            enqueue(whole);
        }
    }

    @Override
    public void closeFromServer(String error) {
        serverInformed.set(true);
        if (closing.compareAndSet(false, true)) {
            finishOutbound();
        }
    }

    @Override
    public void serverLost(String reason) {
        serverInformed.set(true);
        if (closing.compareAndSet(false, true)) {
            enqueueClose(reason, true);
            finishOutbound();
        }
    }

    // ---- running

    /** Serves the connection until it ends; never fails. */
    Mono<Void> run() {
        Disposable inbound = raw.receive().subscribe(this::onClientBytes, this::onClientGone, () -> onClientGone(null));
        Disposable timer = Mono.delay(handshakeTimeout).subscribe(tick -> {
            if (!handshaken && closing.compareAndSet(false, true)) {
                log.debug("Connection {} sent no handshake within {}", id(), handshakeTimeout);
                finishOutbound();
            }
        });
        return outbox.done()
                .doFinally(signal -> {
                    inbound.dispose();
                    timer.dispose();
                    closing.set(true);
                    informServer(null);
                    if (registered) {
                        router.unregister(this);
                    }
                });
    }

    private void onClientBytes(ByteBuffer chunk) {
        meters.clientMessageIn(hub());
        if (closing.get()) {
            return;
        }
        if (handshaken) {
            forward(chunk);
            return;
        }
        HandshakeRequestMessage request;
        try {
            request = handshake.add(chunk);
        } catch (HubProtocolException invalid) {
            rejectHandshake(invalid.getMessage());
            return;
        }
        if (request != null) {
            handshaken = true;
            start(request);
        }
    }

    private void start(HandshakeRequestMessage request) {
        HubProtocol known = KNOWN.find(request.protocol());
        if (known != null && known.transferFormat() == TransferFormat.BINARY && !raw.supportsBinary()) {
            rejectHandshake("Cannot use the '" + known.name() + "' protocol on the current transport. "
                    + "The transport does not support 'Binary' transfer format.");
            return;
        }
        protocol = request.protocol();
        format = known != null ? known.transferFormat() : TransferFormat.TEXT;
        String preferred = principal.claim("asrs.s.sn");
        boolean required = "Required".equalsIgnoreCase(principal.claim("asrs.s.ssticky"));
        ServerSession picked = (ServerSession) router.pickServer(hub(), preferred, required);
        if (picked == null) {
            rejectHandshake("No app server is connected to hub '" + hub() + "'. Try again later.");
            return;
        }
        server = picked;
        if (!router.register(this)) {
            server = null;
            rejectHandshake("A connection with id '" + id() + "' is already connected.");
            return;
        }
        registered = true;
        meters.hubSeen(hub());
        List<ServiceClaim> claims = principal.claims().stream().map(c -> new ServiceClaim(c.type(), c.value())).toList();
        boolean opened = picked.send(new OpenConnectionMessage(id(), claims, forwardedHeaders, queryString,
                ServiceExtensions.NONE.withProtocol(protocol)))
                && picked.send(new ConnectionDataMessage(id(), handshake.received(), ServiceExtensions.NONE));
        if (!opened) {
            // the server connection closed after it was picked (registered first, so no close is missed):
            // the client has no handshake answer yet, so it gets a handshake error
            serverInformed.set(true);
            rejectHandshake(ServerEndpoint.SERVER_GONE);
        }
    }

    private void forward(ByteBuffer chunk) {
        ServerSession carrier = server;
        if (carrier == null) {
            return;
        }
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        carrier.send(new ConnectionDataMessage(id(), bytes, ServiceExtensions.NONE));
    }

    private void rejectHandshake(String error) {
        if (closing.compareAndSet(false, true)) {
            handshaken = true;
            enqueueRaw(HandshakeProtocol.writeResponse(new HandshakeResponseMessage(error)));
            finishOutbound();
        }
    }

    private void onClientGone(Throwable error) {
        if (error != null) {
            log.debug("Connection {} failed: {}", id(), error.toString());
        }
        if (closing.compareAndSet(false, true)) {
            finishOutbound();
        }
        informServer(null);
    }

    /** Tells the app server (once) that the client is gone, unless it is the one that closed it. */
    private void informServer(String reason) {
        ServerSession carrier = server;
        if (carrier != null && registered && serverInformed.compareAndSet(false, true)) {
            carrier.send(new CloseConnectionMessage(id(), reason == null ? "" : reason, Map.of(), ServiceExtensions.NONE));
        }
    }

    private void enqueue(byte[] message) {
        if (closing.get()) {
            return;
        }
        enqueueRaw(message);
    }

    private void enqueueRaw(byte[] message) {
        if (outbox.offer(message)) {
            meters.clientMessageOut(hub());
            return;
        }
        log.warn("Connection {} is not reading fast enough; closing it", id());
        if (closing.compareAndSet(false, true)) {
            finishOutbound();
            informServer(SLOW_CONSUMER);
        }
    }

    private void enqueueClose(String reason, boolean allowReconnect) {
        HubProtocol known = handshaken && protocol != null ? KNOWN.find(protocol) : null;
        if (known != null && registered) {
            enqueueRaw(known.writeMessage(new CloseMessage(reason, allowReconnect)));
        }
    }

    private void finishOutbound() {
        outbox.complete();
    }
}
