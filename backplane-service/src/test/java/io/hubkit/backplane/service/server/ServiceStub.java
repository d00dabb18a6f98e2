package io.hubkit.backplane.service.server;

import io.hubkit.backplane.service.protocol.HandshakeRequestMessage;
import io.hubkit.backplane.service.protocol.HandshakeResponseMessage;
import io.hubkit.backplane.service.protocol.PingMessage;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.ServiceMessage;
import io.hubkit.backplane.service.protocol.ServiceMessageReader;
import io.hubkit.backplane.service.protocol.ServiceProtocol;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A minimal service peer for tests: a real Reactor Netty WebSocket server on a free port that
 * accepts server connections, answers their handshake (or refuses it), answers {@code fin} with
 * {@code finack}, records every message each connection sends, and lets the test send messages
 * to a connection or drop it. Thread-safe.
 */
public final class ServiceStub implements AutoCloseable {

    /** One server connection as the stub saw it. */
    public static final class Peer {

        public final URI uri;
        public final Map<String, String> headers;
        public final BlockingQueue<ServiceMessage> received = new LinkedBlockingQueue<>();
        final Sinks.Many<ServiceMessage> toSend = Sinks.many().unicast().onBackpressureBuffer();
        final Sinks.Empty<Void> drop = Sinks.empty();
        public volatile HandshakeRequestMessage handshake;

        Peer(URI uri, Map<String, String> headers) {
            this.uri = uri;
            this.headers = headers;
        }

        public synchronized void send(ServiceMessage message) {
            toSend.tryEmitNext(message);
        }

        public void drop() {
            drop.tryEmitEmpty();
        }

        /** The next message other than a ping, waiting up to 10 s. */
        public ServiceMessage next() throws InterruptedException {
            for (;;) {
                ServiceMessage message = received.poll(10, TimeUnit.SECONDS);
                if (message == null) {
                    throw new AssertionError("nothing received within 10 s");
                }
                if (!(message instanceof PingMessage)) {
                    return message;
                }
            }
        }
    }

    public final List<Peer> peers = new CopyOnWriteArrayList<>();
    public final BlockingQueue<Peer> connected = new LinkedBlockingQueue<>();
    public volatile String refusal;
    private final AtomicInteger ids = new AtomicInteger();
    private final DisposableServer server;

    public ServiceStub() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    Map<String, String> headers = new ConcurrentHashMap<>();
                    request.requestHeaders().forEach(e -> headers.put(e.getKey().toLowerCase(), e.getValue()));
                    Peer peer = new Peer(URI.create(request.uri()), headers);
                    peers.add(peer);
                    return response.sendWebsocket((in, out) -> {
                        ServiceMessageReader reader = new ServiceMessageReader();
                        in.receiveFrames().doOnNext(frame -> {
                            byte[] bytes = new byte[frame.content().readableBytes()];
                            frame.content().getBytes(frame.content().readerIndex(), bytes);
                            for (ServiceMessage message : reader.read(java.nio.ByteBuffer.wrap(bytes))) {
                                onMessage(peer, message);
                            }
                        }).subscribe(null, e -> peer.drop.tryEmitEmpty(), peer.drop::tryEmitEmpty);
                        return out.sendObject(peer.toSend.asFlux().map(ServiceStub::frame))
                                .then()
                                .or(peer.drop.asMono());
                    });
                })
                .bindNow(Duration.ofSeconds(10));
    }

    public int port() {
        return server.port();
    }

    private void onMessage(Peer peer, ServiceMessage message) {
        if (message instanceof HandshakeRequestMessage handshake) {
            peer.handshake = handshake;
            String error = refusal;
            peer.send(new HandshakeResponseMessage(error == null ? "" : error, ServiceExtensions.NONE,
                    "svc-" + ids.incrementAndGet()));
            if (error == null) {
                connected.add(peer);
            }
            return;
        }
        if (message instanceof PingMessage ping && "shutdown".equals(ping.messages().isEmpty() ? null
                : ping.messages().get(0))) {
            peer.send(PingMessage.of("shutdown", "finack"));
        }
        peer.received.add(message);
    }

    private static WebSocketFrame frame(ServiceMessage message) {
        return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(ServiceProtocol.write(message)));
    }

    /** The next connection that completed its handshake, waiting up to 10 s. */
    public Peer nextConnected() throws InterruptedException {
        Peer peer = connected.poll(10, TimeUnit.SECONDS);
        if (peer == null) {
            throw new AssertionError("no server connection within 10 s");
        }
        return peer;
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
