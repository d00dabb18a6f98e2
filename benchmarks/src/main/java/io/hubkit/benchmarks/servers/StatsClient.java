package io.hubkit.benchmarks.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.benchmarks.apps.stats.ServerStats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a server's {@code GET /bench/stats} answer. Thread-safe. */
public final class StatsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    /** HTTP/1.1 only: an h2c upgrade request would be taken for a WebSocket upgrade by socket.io. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public StatsClient(URI uri) {
        this.uri = uri;
    }

    /** Fetches the figures; the server runs a full GC first, so this takes a moment. */
    public ServerStats fetch() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new ServerStats(body.path("connections").asLong(), body.path("heapUsedBytes").asLong(),
                body.path("directUsedBytes").asLong(), body.path("rssBytes").asLong());
    }
}
