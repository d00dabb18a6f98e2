package io.hubkit.service.serverless;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The events serverless mode reports upstream (reference: Azure SignalR Service's upstream
 * settings): category {@code connections} with events {@code connected} ({@code {"type":10}}) and
 * {@code disconnected} ({@code {"type":11,"error":…}}, the error omitted when none), and category
 * {@code messages} whose event is the invocation target and whose body is the client's invocation
 * as the client encoded it, without framing ({@code application/json} or {@code application/x-msgpack}).
 * The first template that matches gets the event; none matching means the event is not sent.
 *
 * <p>Never fails: a transport error or a timeout is logged and reported as a 500 response (as
 * Azure's emulator does), so the caller can answer the client. Thread-safe.
 */
public final class ServerlessUpstream {

    /** Category of connect and disconnect events. */
    public static final String CONNECTIONS = "connections";
    /** Category of client invocations. */
    public static final String MESSAGES = "messages";
    /** Event of a client's connection. */
    public static final String CONNECTED = "connected";
    /** Event of a client's disconnection. */
    public static final String DISCONNECTED = "disconnected";

    private static final Logger log = LoggerFactory.getLogger(ServerlessUpstream.class);
    private static final byte[] CONNECTED_BODY = "{\"type\":10}".getBytes(StandardCharsets.UTF_8);
    private static final String JSON = "application/json";
    private static final String MESSAGE_PACK = "application/x-msgpack";

    private final List<UpstreamTemplate> templates;
    private final UpstreamClient client;

    public ServerlessUpstream(List<UpstreamTemplate> templates, UpstreamClient client) {
        this.templates = List.copyOf(templates);
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Whether some template matches {@code event} of {@code category} on {@code hub}. */
    public boolean hasUpstream(String hub, String category, String event) {
        return template(hub, category, event).isPresent();
    }

    /** Reports a connected client; emits the response, or nothing when no template matches. */
    public Mono<UpstreamResponse> connected(String hub, UpstreamRequest.ClientConnectionInfo connection) {
        return send(hub, CONNECTIONS, CONNECTED, connection, JSON, CONNECTED_BODY);
    }

    /** Reports a disconnected client with the error that ended it ({@code null}: none). */
    public Mono<UpstreamResponse> disconnected(String hub, UpstreamRequest.ClientConnectionInfo connection, String error) {
        return send(hub, CONNECTIONS, DISCONNECTED, connection, JSON, disconnectedBody(error));
    }

    /**
     * Reports a client invocation of {@code target}; {@code unframedInvocation} is the record as the
     * client's {@code protocol} encoded it, without its framing.
     */
    public Mono<UpstreamResponse> invocation(String hub, UpstreamRequest.ClientConnectionInfo connection, String target,
                                             String protocol, byte[] unframedInvocation) {
        String contentType = "json".equalsIgnoreCase(protocol) ? JSON : MESSAGE_PACK;
        return send(hub, MESSAGES, target, connection, contentType, unframedInvocation);
    }

    private Mono<UpstreamResponse> send(String hub, String category, String event,
                                        UpstreamRequest.ClientConnectionInfo connection, String contentType, byte[] body) {
        Optional<UpstreamTemplate> template = template(hub, category, event);
        if (template.isEmpty()) {
            return Mono.empty();
        }
        UpstreamRequest request;
        try {
            request = new UpstreamRequest(template.get().url(hub, category, event), hub, category, event, connection,
                    contentType, body);
        } catch (IllegalArgumentException e) {
            log.warn("Upstream URL for {}/{}/{} is invalid: {}", hub, category, event, e.getMessage());
            return Mono.just(new UpstreamResponse(500, new byte[0]));
        }
        return client.send(request)
                .doOnNext(response -> {
                    if (!response.isExpected()) {
                        log.warn("Upstream {} answered {} to {}/{}/{} of connection {}", request.url(), response.status(),
                                hub, category, event, connection.connectionId());
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Upstream {} failed for {}/{}/{} of connection {}: {}", request.url(), hub, category, event,
                            connection.connectionId(), e.toString());
                    return Mono.just(new UpstreamResponse(500, new byte[0]));
                });
    }

    private Optional<UpstreamTemplate> template(String hub, String category, String event) {
        return templates.stream().filter(t -> t.matches(hub, category, event)).findFirst();
    }

    static byte[] disconnectedBody(String error) {
        if (error == null) {
            return "{\"type\":11}".getBytes(StandardCharsets.UTF_8);
        }
        return ("{\"type\":11,\"error\":" + jsonString(error) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonString(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
