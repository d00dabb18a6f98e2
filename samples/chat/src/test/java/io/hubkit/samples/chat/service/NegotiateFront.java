package io.hubkit.samples.chat.service;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * What a load balancer in front of several app servers does, reduced to what the test needs: a
 * real HTTP server on a free port that forwards each request (the clients' negotiate; with the
 * service backplane nothing else reaches the app servers) to the first app server that answers,
 * trying them in order. A stopped app server is skipped, as a balancer's health check would.
 */
final class NegotiateFront implements AutoCloseable {

    private final DisposableServer server;

    NegotiateFront(Supplier<List<String>> backends) {
        HttpClient client = HttpClient.create().responseTimeout(Duration.ofSeconds(10));
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                        .flatMap(body -> Flux.fromIterable(backends.get())
                                .concatMap(backend -> client
                                        .headers(h -> request.requestHeaders().forEach(e -> {
                                            if (!e.getKey().equalsIgnoreCase(HttpHeaderNames.HOST.toString())) {
                                                h.add(e.getKey(), e.getValue());
                                            }
                                        }))
                                        .request(request.method())
                                        .uri(backend + request.uri())
                                        .send(ByteBufFlux.fromInbound(Mono.just(body)))
                                        .responseSingle((status, content) -> content.asByteArray()
                                                .defaultIfEmpty(new byte[0])
                                                .map(bytes -> new Answer(status.status().code(),
                                                        status.responseHeaders().get("Content-Type"), bytes)))
                                        .onErrorResume(e -> Mono.empty()), 1)
                                .next())
                        .flatMap(answer -> {
                            response.status(answer.status());
                            if (answer.contentType() != null) {
                                response.header("Content-Type", answer.contentType());
                            }
                            return response.sendByteArray(Mono.just(answer.body())).then();
                        })
                        .switchIfEmpty(Mono.defer(() -> response.status(502).send())))
                .bindNow(Duration.ofSeconds(10));
    }

    private record Answer(int status, String contentType, byte[] body) {
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
