package io.hubkit.service.serverless;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One POST to an upstream: the URL the matching template produced, the event it reports, the
 * client connection it concerns and the body. Immutable; {@code body} is not copied.
 *
 * @param url          where to POST
 * @param hub          the hub key ({@code X-ASRS-Hub})
 * @param category     {@code connections} or {@code messages} ({@code X-ASRS-Category})
 * @param event        {@code connected}, {@code disconnected} or the invocation target ({@code X-ASRS-Event})
 * @param connection   the client connection the event is about
 * @param contentType  the body's media type
 * @param body         the body bytes
 */
public record UpstreamRequest(URI url, String hub, String category, String event, ClientConnectionInfo connection,
                              String contentType, byte[] body) {

    public UpstreamRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /**
     * What an upstream is told about a client connection.
     *
     * @param connectionId the connection id ({@code X-ASRS-Connection-Id}, and what the signature signs)
     * @param userId       the user id, or {@code null} ({@code X-ASRS-User-Id} only when present)
     * @param claims       the claims as {@code "type: value"} strings ({@code X-ASRS-User-Claims})
     * @param queryString  the connect request's query string with its leading {@code ?}, or empty ({@code X-ASRS-Client-Query})
     */
    public record ClientConnectionInfo(String connectionId, String userId, List<String> claims, String queryString) {

        public ClientConnectionInfo {
            Objects.requireNonNull(connectionId, "connectionId");
            claims = claims == null ? List.of() : List.copyOf(claims);
            queryString = queryString == null ? "" : queryString;
        }
    }
}
