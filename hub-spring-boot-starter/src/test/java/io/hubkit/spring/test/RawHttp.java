package io.hubkit.spring.test;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * Plain HTTP requests against a local server for transport-level tests: each answer is the status,
 * the headers and the whole body as text; nothing is retried or followed. Requests are lazy
 * {@code Mono}s, so several can be in flight at once (a held poll and the request that ends it).
 * Thread-safe.
 */
public final class RawHttp {

    /** One complete answer. */
    public record Reply(int status, HttpHeaders headers, String body) {

        /** The first value of header {@code name}, or {@code null}. */
        public String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * An open event stream: status, headers and the body's chunks as text (replayed to every
     * subscriber). {@link #drop()} cuts the connection.
     */
    public record EventStream(int status, HttpHeaders headers, Flux<String> chunks, Disposable connection) {

        /** Everything received so far and later, joined, until {@code until} appears in it. */
        public Mono<String> textUntil(String until) {
            return chunks.scan("", String::concat).filter(text -> text.contains(until)).next().timeout(TIMEOUT);
        }

        public void drop() {
            connection.dispose();
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;

    public RawHttp(int port) {
        this.client = HttpClient.create().baseUrl("http://127.0.0.1:" + port).responseTimeout(TIMEOUT);
    }

    public Mono<Reply> get(String uri) {
        return request(HttpMethod.GET, uri, Map.of(), null);
    }

    public Mono<Reply> post(String uri, String body) {
        return request(HttpMethod.POST, uri, Map.of(), body);
    }

    public Mono<Reply> delete(String uri) {
        return request(HttpMethod.DELETE, uri, Map.of(), null);
    }

    public Mono<Reply> request(HttpMethod method, String uri, Map<String, String> headers, String body) {
        Mono<String> content = body == null ? Mono.empty() : Mono.just(body);
        return client.headers(h -> headers.forEach(h::set))
                .request(method)
                .uri(uri)
                .send(ByteBufFlux.fromString(content, StandardCharsets.UTF_8, ByteBufAllocator.DEFAULT))
                .responseSingle((response, bytes) -> bytes.asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .map(text -> new Reply(response.status().code(), response.responseHeaders(), text)))
                .timeout(TIMEOUT);
    }

    /** Opens an event stream ({@code GET} with {@code Accept: text/event-stream}); completes once the headers are in. */
    public Mono<EventStream> openEventStream(String uri) {
        return Mono.<EventStream>create(sink -> {
            Sinks.Many<String> chunks = Sinks.many().replay().all();
            Disposable[] connection = new Disposable[1];
            connection[0] = client.headers(h -> h.set("Accept", "text/event-stream"))
                    .get()
                    .uri(uri)
                    .response((response, content) -> {
                        sink.success(new EventStream(response.status().code(), response.responseHeaders(),
                                chunks.asFlux(), () -> connection[0].dispose()));
                        return content.asString(StandardCharsets.UTF_8).doOnNext(chunks::tryEmitNext);
                    })
                    .subscribe(null, error -> {
                        chunks.tryEmitError(error);
                        sink.error(error);
                    }, chunks::tryEmitComplete);
        }).timeout(TIMEOUT);
    }
}
