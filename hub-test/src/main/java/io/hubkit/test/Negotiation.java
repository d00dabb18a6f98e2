package io.hubkit.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Negotiate, as the official clients do: {@code POST {hub}/negotiate?negotiateVersion=1}, following
 * redirects (a hub service answers with another URL and an access token), and checks that the hub
 * offers WebSockets with text frames. Stateless; one request at a time per call.
 */
final class Negotiation {

    /** Where the WebSocket goes: the hub URL with the connection token, and the bearer token to send. */
    record Target(String webSocketUrl, String accessToken) {
    }

    private static final int MAX_REDIRECTS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Negotiation() {
    }

    /**
     * @param hubUrl      the hub's absolute http(s) URL, with the query parameters to send
     * @param headers     headers for every request
     * @param accessToken a bearer token, or null
     */
    static Target negotiate(String hubUrl, Map<String, String> headers, String accessToken, Duration timeout) {
        String url = hubUrl;
        String token = accessToken;
        for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
            JsonNode answer = post(negotiateUrl(url), headers, token, timeout);
            if (answer.hasNonNull("error")) {
                throw new AssertionError("Negotiate of " + url + " failed: " + answer.path("error").asText());
            }
            if (answer.hasNonNull("url")) {
                url = answer.path("url").asText();
                token = answer.hasNonNull("accessToken") ? answer.path("accessToken").asText() : token;
                continue;
            }
            if (!offersTextWebSockets(answer)) {
                throw new AssertionError("The hub at " + url + " does not offer WebSockets with text frames: " + answer);
            }
            String connectionToken = answer.hasNonNull("connectionToken")
                    ? answer.path("connectionToken").asText() : answer.path("connectionId").asText();
            return new Target(webSocketUrl(url, connectionToken), token);
        }
        throw new AssertionError("Negotiate of " + hubUrl + " was redirected more than " + MAX_REDIRECTS + " times");
    }

    private static JsonNode post(String url, Map<String, String> headers, String accessToken, Duration timeout) {
        HttpClient client = HttpClient.create(ConnectionProvider.newConnection()).headers(h -> {
            headers.forEach(h::set);
            if (accessToken != null) {
                h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + accessToken);
            }
        });
        Reply reply = client.post().uri(url).send(ByteBufFlux.fromString(Mono.just("")))
                .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                        .map(text -> new Reply(response.status().code(), text)))
                .block(timeout);
        if (reply == null || reply.status() != 200) {
            throw new AssertionError("Negotiate at " + url + " answered "
                    + (reply == null ? "nothing" : reply.status() + " " + reply.body()));
        }
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("Negotiate at " + url + " answered no JSON: " + reply.body(), e);
        }
    }

    private record Reply(int status, String body) {
    }

    private static boolean offersTextWebSockets(JsonNode answer) {
        for (JsonNode transport : answer.path("availableTransports")) {
            if ("WebSockets".equals(transport.path("transport").asText())) {
                for (JsonNode format : transport.path("transferFormats")) {
                    if ("Text".equals(format.asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static String negotiateUrl(String hubUrl) {
        int query = hubUrl.indexOf('?');
        String path = query < 0 ? hubUrl : hubUrl.substring(0, query);
        String rest = query < 0 ? "" : "&" + hubUrl.substring(query + 1);
        String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return base + "/negotiate?negotiateVersion=1" + rest;
    }

    static String webSocketUrl(String hubUrl, String connectionToken) {
        String url = hubUrl.startsWith("https:") ? "wss:" + hubUrl.substring("https:".length())
                : hubUrl.startsWith("http:") ? "ws:" + hubUrl.substring("http:".length()) : hubUrl;
        String id = "id=" + URLEncoder.encode(connectionToken, StandardCharsets.UTF_8);
        return url + (url.contains("?") ? "&" : "?") + id;
    }
}
