package io.hubkit.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * How a SignalR client reaches a hub through a hub service, as the official clients do it: negotiate
 * with the app server ({@code POST <hub path>/negotiate?negotiateVersion=1}), which answers with a
 * redirect {@code {"url", "accessToken"}}; negotiate with the service at that URL
 * ({@code POST <url path>/negotiate?<url query>&negotiateVersion=1} with
 * {@code Authorization: Bearer <accessToken>}), which answers with a connection token; then the
 * WebSocket URL is the redirect URL with {@code id=<connectionToken>&access_token=<accessToken>}
 * added. Stateless and thread-safe; each call makes two HTTP requests on the given client.
 */
final class ServiceRedirect {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceRedirect() {
    }

    /**
     * The WebSocket URI at the service for one new connection to the hub the app server serves at
     * {@code appServerHub} ({@code ws://host:port/hubs/bench}).
     */
    static Mono<URI> resolve(HttpClient http, URI appServerHub) {
        String appNegotiate = "http://" + appServerHub.getHost() + ":" + appServerHub.getPort()
                + trimSlash(appServerHub.getRawPath()) + "/negotiate?negotiateVersion=1";
        return post(http, appNegotiate, null).flatMap(redirect -> {
            String url = redirect.path("url").asText(null);
            String accessToken = redirect.path("accessToken").asText(null);
            if (url == null || accessToken == null) {
                return Mono.error(new IllegalStateException("the app server did not redirect to a hub service: "
                        + redirect));
            }
            return post(http, negotiateUrl(url), accessToken)
                    .map(negotiated -> webSocketUri(url, connectionToken(negotiated), accessToken));
        });
    }

    /** {@code …/client/?hub=bench&…} becomes {@code …/client/negotiate?hub=bench&…&negotiateVersion=1}. */
    static String negotiateUrl(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query + 1);
        StringBuilder negotiate = new StringBuilder(base);
        if (!base.endsWith("/")) {
            negotiate.append('/');
        }
        negotiate.append("negotiate?");
        if (!rest.isEmpty()) {
            negotiate.append(rest).append('&');
        }
        return negotiate.append("negotiateVersion=1").toString();
    }

    /** The redirect URL as a WebSocket URL, with the connection token and the access token added. */
    static URI webSocketUri(String url, String connectionToken, String accessToken) {
        String webSocket;
        if (url.startsWith("https://")) {
            webSocket = "wss://" + url.substring("https://".length());
        } else if (url.startsWith("http://")) {
            webSocket = "ws://" + url.substring("http://".length());
        } else {
            throw new IllegalStateException("unexpected redirect URL " + url);
        }
        return URI.create(webSocket + (webSocket.contains("?") ? "&" : "?") + "id=" + encode(connectionToken)
                + "&access_token=" + encode(accessToken));
    }

    private static String connectionToken(JsonNode negotiated) {
        String token = negotiated.path("connectionToken").asText(null);
        if (token == null) {
            throw new IllegalStateException("the hub service's negotiate answer has no connectionToken: " + negotiated);
        }
        return token;
    }

    private static Mono<JsonNode> post(HttpClient http, String url, String bearer) {
        HttpClient client = bearer == null ? http
                : http.headers(headers -> headers.set("Authorization", "Bearer " + bearer));
        return client.post()
                .uri(url)
                .send(Mono.empty())
                .responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(text -> {
                            if (response.status().code() != 200) {
                                throw new IllegalStateException("POST " + url + " answered " + response.status().code()
                                        + ": " + abbreviate(text));
                            }
                            try {
                                return JSON.readTree(text);
                            } catch (IOException e) {
                                throw new UncheckedIOException("POST " + url + " answered no JSON: " + abbreviate(text), e);
                            }
                        }));
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
