package io.hubkit.backplane.service.rest;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real HTTP server on a free loopback port that records every request and answers as the test
 * scripts it (a status, an {@code x-ms-error-code}, a body, or no answer at all).
 */
final class RecordingServer implements AutoCloseable {

    /** One request as it arrived. */
    record Recorded(String method, String uri, String authorization, String contentType, String body) {

        String token() {
            return authorization == null ? null : authorization.substring("Bearer ".length());
        }
    }

    /** What to answer. */
    record Reply(int status, String errorCode, String body, boolean hang) {

        static Reply status(int status) {
            return new Reply(status, null, null, false);
        }

        static Reply error(int status, String errorCode, String body) {
            return new Reply(status, errorCode, body, false);
        }

        static Reply never() {
            return new Reply(0, null, null, true);
        }
    }

    private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
    private final List<Reply> script = new ArrayList<>();
    private volatile Function<Recorded, Reply> fallback = request -> Reply.status(request.method().equals("POST")
            ? 202 : 200);
    private final DisposableServer server;

    RecordingServer() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asString().defaultIfEmpty("")
                        .flatMap(body -> {
                            Recorded recorded = new Recorded(request.method().name(), request.uri(),
                                    request.requestHeaders().get("Authorization"),
                                    request.requestHeaders().get("Content-Type"), body);
                            requests.add(recorded);
                            Reply reply = next(recorded);
                            if (reply.hang()) {
                                return Mono.never();
                            }
                            response.status(HttpResponseStatus.valueOf(reply.status()));
                            if (reply.errorCode() != null) {
                                response.header("x-ms-error-code", reply.errorCode());
                            }
                            if (reply.body() == null || request.method().name().equals("HEAD")) {
                                return response.send().then();
                            }
                            return response.sendString(Mono.just(reply.body())).then();
                        }))
                .bindNow(Duration.ofSeconds(30));
    }

    /** Answers the next requests with {@code replies}, one each, then with the default (200, or 202 for POST). */
    RecordingServer replying(Reply... replies) {
        synchronized (script) {
            script.addAll(List.of(replies));
        }
        return this;
    }

    /** Answers every request not scripted with {@code reply}. */
    RecordingServer always(Reply reply) {
        fallback = request -> reply;
        return this;
    }

    int port() {
        return server.port();
    }

    String connectionString(String accessKey) {
        return "Endpoint=http://127.0.0.1;Port=" + port() + ";AccessKey=" + accessKey + ";Version=1.0;";
    }

    /** The next request, waiting up to 30 s. */
    Recorded take() throws InterruptedException {
        Recorded request = requests.poll(30, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("No request arrived within 30 s");
        }
        return request;
    }

    /** How many requests have arrived and not been taken. */
    int pending() {
        return requests.size();
    }

    private Reply next(Recorded request) {
        synchronized (script) {
            if (!script.isEmpty()) {
                return script.remove(0);
            }
        }
        return fallback.apply(request);
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(30));
    }
}
