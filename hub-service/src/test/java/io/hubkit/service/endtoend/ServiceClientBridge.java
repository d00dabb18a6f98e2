package io.hubkit.service.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.backplane.service.auth.AccessTokenIssuer;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import io.hubkit.core.connection.ConnectionInfo;
import io.hubkit.core.connection.ConnectionRequest;
import io.hubkit.core.connection.Transport;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.core.testing.WireClient;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Connects a hub-core {@link WireClient} to a hub through the hub-service instead of straight to
 * the app server's handler: it signs a client token (the user as {@code asrs.s.uid}, pinned to one
 * app server with {@code asrs.s.sn} + {@code asrs.s.ssticky=Required}), negotiates with the
 * service's {@code /client} endpoint, and carries the client's bytes over a real WebSocket (text
 * frames for JSON and for every handshake, binary for MessagePack), writing what the service sends
 * back to the client's in-memory transport. The connection id is the one the service gave.
 */
final class ServiceClientBridge {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String serviceUrl;
    private final String hubKey;
    private final AccessTokenIssuer issuer;
    private final HttpClient http = HttpClient.create().responseTimeout(Duration.ofSeconds(10));

    ServiceClientBridge(int servicePort, String hubKey, String accessKey) {
        this.serviceUrl = "http://localhost:" + servicePort;
        this.hubKey = hubKey;
        this.issuer = new AccessTokenIssuer(accessKey);
    }

    /** A client of the hub, routed by the service to the app server {@code serverId}, with its handshake done. */
    WireClient connect(String serverId, HubProtocol protocol, String user) {
        List<ServiceClaim> claims = new ArrayList<>();
        if (user != null) {
            claims.add(new ServiceClaim("asrs.s.uid", user));
        }
        claims.add(new ServiceClaim("asrs.s.sn", serverId));
        claims.add(new ServiceClaim("asrs.s.ssticky", "Required"));
        String token = issuer.issue("http://localhost/client/?hub=" + hubKey, claims);
        JsonNode negotiated = negotiate(token);
        String connectionId = negotiated.path("connectionId").asText();
        String url = serviceUrl.replace("http://", "ws://") + "/client/?hub=" + hubKey + "&id="
                + URLEncoder.encode(negotiated.path("connectionToken").asText(), StandardCharsets.UTF_8)
                + "&access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        ConnectionInfo info = new ConnectionInfo("WebSockets", "/hub", Map.of(),
                user == null ? Map.of() : Map.of("user", List.of(user)), Map.of(), null);
        return WireClient.connect((transport, inbound, request) -> run(url, protocol, transport, inbound),
                protocol, new ConnectionRequest(connectionId, null, info));
    }

    private JsonNode negotiate(String token) {
        String body = http.headers(h -> h.set("Authorization", "Bearer " + token))
                .post()
                .uri(serviceUrl + "/client/negotiate?hub=" + hubKey + "&negotiateVersion=1")
                .responseSingle((response, content) -> content.asString().defaultIfEmpty("")
                        .map(text -> {
                            if (response.status().code() != 200) {
                                throw new AssertionError("negotiate with the service: " + response.status() + " " + text);
                            }
                            return text;
                        }))
                .block(Duration.ofSeconds(10));
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Mono<Void> run(String url, HubProtocol protocol, Transport transport, Flux<ByteBuffer> inbound) {
        AtomicBoolean handshakeSent = new AtomicBoolean();
        boolean binary = protocol.transferFormat() == TransferFormat.BINARY;
        return http.websocket()
                .uri(url)
                .handle((in, out) -> {
                    Mono<Void> sending = out.sendObject(inbound.map(bytes -> {
                        boolean text = !binary || handshakeSent.compareAndSet(false, true);
                        ByteBuf content = Unpooled.wrappedBuffer(bytes);
                        WebSocketFrame frame = text ? new TextWebSocketFrame(content) : new BinaryWebSocketFrame(content);
                        return frame;
                    })).then();
                    Mono<Void> receiving = in.aggregateFrames(16 * 1024 * 1024).receiveFrames()
                            .concatMap(frame -> transport.write(copy(frame.content()),
                                    frame instanceof TextWebSocketFrame ? TransferFormat.TEXT : TransferFormat.BINARY))
                            .then();
                    return Mono.firstWithSignal(sending, receiving);
                })
                .then()
                .onErrorResume(e -> Mono.empty())
                .then(Mono.defer(transport::close));
    }

    private static ByteBuffer copy(ByteBuf content) {
        byte[] bytes = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), bytes);
        return ByteBuffer.wrap(bytes);
    }
}
