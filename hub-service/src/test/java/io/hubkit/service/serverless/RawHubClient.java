package io.hubkit.service.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

/**
 * A hand-driven JSON hub client over a real WebSocket, for tests that must send what the official
 * clients never send (bad handshakes, malformed or oversized records, silence): negotiates with the
 * service, opens the WebSocket and exposes the text frames it receives, one record each (the
 * {@code 0x1E} removed). Not for production use.
 */
final class RawHubClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Marks the end of the socket among the received records. */
    static final String CLOSED = "<closed>";

    private final Sinks.Many<String> sink;
    private final BlockingQueue<String> queue;
    private final Disposable socket;
    final String connectionId;

    private RawHubClient(String connectionId, Sinks.Many<String> sink, BlockingQueue<String> queue, Disposable socket) {
        this.connectionId = connectionId;
        this.sink = sink;
        this.queue = queue;
        this.socket = socket;
    }

    /** Negotiates and connects to {@code hub} of the service at {@code base} with {@code token}. */
    static RawHubClient connect(URI base, String hub, String token) throws Exception {
        String negotiated = HttpClient.create()
                .headers(h -> h.set("Authorization", "Bearer " + token))
                .post()
                .uri(base + "/client/negotiate?hub=" + hub + "&negotiateVersion=1")
                .responseSingle((response, body) -> body.asString().defaultIfEmpty(""))
                .block(Duration.ofSeconds(20));
        JsonNode negotiate = JSON.readTree(negotiated);
        String connectionId = negotiate.path("connectionId").asText();
        String connectionToken = negotiate.path("connectionToken").asText(connectionId);
        String ws = base.toString().replaceFirst("^http", "ws") + "/client/?hub=" + hub + "&id="
                + URLEncoder.encode(connectionToken, StandardCharsets.UTF_8) + "&access_token=" + token;
        Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Disposable socket = HttpClient.create().websocket().uri(ws)
                .handle((in, outbound) -> {
                    Mono<Void> reading = in.aggregateFrames().receiveFrames()
                            .doOnNext(frame -> {
                                String text = frame.content().toString(StandardCharsets.UTF_8);
                                for (String record : text.split("\u001e")) {
                                    if (!record.isEmpty()) {
                                        received.add(record);
                                    }
                                }
                            })
                            .then();
                    outbound.sendString(out.asFlux()).then().subscribe(v -> { }, e -> { });
                    return reading; // the exchange ends when the service closes the socket
                })
                .doFinally(signal -> received.add(CLOSED))
                .subscribe(v -> { }, e -> received.add(CLOSED));
        return new RawHubClient(connectionId, out, received, socket);
    }

    /** Sends {@code text} as one text frame, as it is (add the {@code 0x1E} yourself). */
    void sendRaw(String text) {
        sink.tryEmitNext(text);
    }

    /** Sends one JSON record (the separator is added). */
    void send(String json) {
        sendRaw(json + "\u001e");
    }

    /** The next record received, waiting at most {@code timeout}; {@link #CLOSED} once the socket ended. */
    String next(Duration timeout) throws InterruptedException {
        String record = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (record == null) {
            throw new AssertionError("nothing received within " + timeout);
        }
        return record;
    }

    /** The next record that is not a ping. */
    String nextNonPing(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String record = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (!record.equals("{\"type\":6}")) {
                return record;
            }
        }
    }

    @Override
    public void close() {
        sink.tryEmitComplete();
        socket.dispose();
    }
}
