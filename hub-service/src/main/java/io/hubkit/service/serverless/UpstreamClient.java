package io.hubkit.service.serverless;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * POSTs events to upstream webhooks with the {@code X-ASRS-*} headers and signature of Azure
 * SignalR Service, over Reactor Netty. Thread-safe; one instance serves the whole service.
 *
 * <p>Bounded: each call is given {@link UpstreamProperties#timeout()} from connect to the last
 * response byte; at most {@link UpstreamProperties#maxConcurrentRequests()} calls per upstream host
 * are in flight, eight times that many may wait for a connection (beyond that a call fails at
 * once); a response body larger than {@link UpstreamProperties#maxResponseSize()} fails the call.
 * The returned {@code Mono} fails for transport errors and timeouts; any HTTP status is a response.
 */
public final class UpstreamClient implements AutoCloseable {

    /** Header names, as Azure SignalR Service sends them. */
    public static final String CONNECTION_ID = "X-ASRS-Connection-Id";
    public static final String HUB = "X-ASRS-Hub";
    public static final String CATEGORY = "X-ASRS-Category";
    public static final String EVENT = "X-ASRS-Event";
    public static final String USER_ID = "X-ASRS-User-Id";
    public static final String USER_CLAIMS = "X-ASRS-User-Claims";
    public static final String CLIENT_QUERY = "X-ASRS-Client-Query";
    public static final String SIGNATURE = "X-ASRS-Signature";

    private final HttpClient http;
    private final ConnectionProvider connections;
    private final List<String> accessKeys;
    private final Duration timeout;
    private final int maxResponseSize;

    /**
     * @param properties the bounds
     * @param accessKeys the keys every request is signed with, in order (at least one)
     */
    public UpstreamClient(UpstreamProperties properties, List<String> accessKeys) {
        Objects.requireNonNull(properties, "properties");
        if (accessKeys == null || accessKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one access key is needed to sign upstream requests");
        }
        this.accessKeys = List.copyOf(accessKeys);
        this.timeout = properties.timeout();
        this.maxResponseSize = (int) properties.maxResponseSize().toBytes();
        this.connections = ConnectionProvider.builder("hubkit-upstream")
                .maxConnections(properties.maxConcurrentRequests())
                .pendingAcquireMaxCount(properties.maxConcurrentRequests() * 8)
                .pendingAcquireTimeout(timeout)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout);
    }

    /** Sends {@code request}; emits the response (any status) or fails for transport errors and timeouts. */
    public Mono<UpstreamResponse> send(UpstreamRequest request) {
        UpstreamRequest.ClientConnectionInfo connection = request.connection();
        String signature = UpstreamSignature.header(connection.connectionId(), accessKeys);
        return http
                .headers(headers -> {
                    headers.set(CONNECTION_ID, connection.connectionId());
                    headers.set(HUB, request.hub());
                    headers.set(CATEGORY, request.category());
                    headers.set(EVENT, request.event());
                    if (connection.userId() != null && !connection.userId().isEmpty()) {
                        headers.set(USER_ID, connection.userId());
                    }
                    if (!connection.claims().isEmpty()) {
                        headers.set(USER_CLAIMS, String.join(", ", connection.claims()));
                    }
                    if (!connection.queryString().isEmpty()) {
                        headers.set(CLIENT_QUERY, connection.queryString());
                    }
                    headers.set(SIGNATURE, signature);
                    headers.set(HttpHeaderNames.CONTENT_TYPE, request.contentType());
                })
                .post()
                .uri(request.url())
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(request.body())))
                .responseConnection((response, conn) -> {
                    int status = response.status().code();
                    return conn.inbound().receive()
                            .reduce(new ByteArrayOutputStream(), (out, chunk) -> append(out, chunk))
                            .map(out -> new UpstreamResponse(status, out.toByteArray()));
                })
                .next()
                .defaultIfEmpty(new UpstreamResponse(0, new byte[0]))
                .timeout(timeout);
    }

    private ByteArrayOutputStream append(ByteArrayOutputStream out, ByteBuf chunk) {
        int readable = chunk.readableBytes();
        if (out.size() + (long) readable > maxResponseSize) {
            throw new UpstreamResponseTooLargeException(maxResponseSize);
        }
        byte[] bytes = new byte[readable];
        chunk.readBytes(bytes);
        out.write(bytes, 0, bytes.length);
        return out;
    }

    /** Closes the connection pool; idempotent. */
    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(5));
    }

    /** An upstream answered with a body over the configured limit. */
    public static final class UpstreamResponseTooLargeException extends RuntimeException {

        UpstreamResponseTooLargeException(int limit) {
            super("The upstream response is larger than " + limit + " bytes", null, false, false);
        }
    }
}
