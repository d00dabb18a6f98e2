package io.hubkit.service.rest;

import io.hubkit.service.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Raw HTTP calls to the REST API for tests that look at statuses and headers: each call carries a
 * fresh token whose audience is the request URL (as the .NET SDK signs them, host without port),
 * unless the test passes its own {@code Authorization} value. Thread-safe.
 */
public final class RestCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String key;

    /**
     * @param base the service, e.g. {@code http://localhost:8888}
     * @param key  the access key tokens are signed with
     */
    public RestCalls(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    /** The token the SDK would send for {@code pathAndQuery}: audience = URL without the port. */
    public String tokenFor(String pathAndQuery) {
        return TestTokens.token(key, "http://" + base.getHost() + pathAndQuery, Map.of("nameid", "test"),
                Duration.ofHours(1));
    }

    public HttpResponse<String> call(String method, String pathAndQuery) {
        return call(method, pathAndQuery, null, null, "Bearer " + tokenFor(pathAndQuery));
    }

    public HttpResponse<String> send(String pathAndQuery, String target, String argumentsJson) {
        String body = "{\"target\":\"" + target + "\",\"arguments\":" + argumentsJson + "}";
        return call("POST", pathAndQuery, "application/json", body.getBytes(StandardCharsets.UTF_8),
                "Bearer " + tokenFor(pathAndQuery));
    }

    /** Any call: {@code authorization} {@code null} sends no Authorization header. */
    public HttpResponse<String> call(String method, String pathAndQuery, String contentType, byte[] body,
                                     String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
