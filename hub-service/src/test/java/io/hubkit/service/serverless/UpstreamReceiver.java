package io.hubkit.service.serverless;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real HTTP server on a free loopback port standing in for an upstream webhook: it records every
 * request (path, headers, body) and answers with what the test's responder returns (200 with an
 * empty body by default). Thread-safe.
 */
final class UpstreamReceiver implements AutoCloseable {

    /** One request the upstream received. Header names are lower-cased. */
    record Received(String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What the upstream answers. */
    record Answer(int status, byte[] body) {

        static Answer ok() {
            return new Answer(200, new byte[0]);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final DisposableServer server;
    private volatile Function<Received, Answer> responder = request -> Answer.ok();

    UpstreamReceiver() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                        .flatMap(body -> {
                            Map<String, String> headers = request.requestHeaders().entries().stream()
                                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue,
                                            (a, b) -> a + ", " + b));
                            Received r = new Received(request.uri(), headers, body);
                            received.add(r);
                            Answer answer = responder.apply(r);
                            return response.status(answer.status()).sendByteArray(Mono.just(answer.body())).then();
                        }))
                .bindNow(Duration.ofSeconds(10));
    }

    /** {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    void respondWith(Function<Received, Answer> responder) {
        this.responder = responder;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits (bounded) until a request matching {@code condition} arrived; returns it. */
    Received await(Predicate<Received> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : received) {
                if (condition.test(r)) {
                    return r;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the upstream never received " + what + "; it received " + received.stream()
                .map(Received::path).toList());
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
