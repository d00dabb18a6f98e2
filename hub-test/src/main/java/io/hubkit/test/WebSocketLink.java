package io.hubkit.test;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;

/**
 * One WebSocket to a hub, on Reactor Netty's client: text frames out (in the order {@link #send}
 * was called, from any thread), whole messages in (continuation frames aggregated), and one report
 * when the socket ends. {@link #close()} ends the sending side, which closes the socket normally
 * (1000). Thread-safe.
 */
final class WebSocketLink {

    private static final int MAX_MESSAGE = 4 * 1024 * 1024;

    private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable connection;

    /**
     * Opens the socket.
     *
     * @param onMessage told each received message, on the socket's thread
     * @param onClosed  told once when the socket ended, with the error if it failed (or could not open)
     */
    WebSocketLink(String url, Map<String, String> headers, String accessToken, Consumer<byte[]> onMessage,
                  Consumer<Throwable> onClosed) {
        HttpClient client = HttpClient.create(ConnectionProvider.newConnection()).headers(h -> {
            headers.forEach(h::set);
            if (accessToken != null) {
                h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + accessToken);
            }
        });
        this.connection = client
                .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(MAX_MESSAGE).build())
                .uri(url)
                .handle((in, out) -> {
                    Mono<Void> receiving = in.aggregateFrames(MAX_MESSAGE).receive().asByteArray()
                            .doOnNext(onMessage)
                            .doFinally(signal -> close())
                            .then();
                    Mono<Void> sending = out.sendString(outgoing.asFlux(), StandardCharsets.UTF_8).then()
                            .then(Mono.defer(() -> out.sendClose(1000, "")).onErrorResume(e -> Mono.empty()));
                    return Mono.when(receiving, sending);
                })
                .then()
                .subscribe(null, onClosed::accept, () -> onClosed.accept(null));
    }

    /** Sends one text frame; dropped once the socket is closing. */
    void send(String text) {
        synchronized (outgoing) {
            outgoing.tryEmitNext(text);
        }
    }

    /** Closes the socket normally once what was sent has gone out. */
    void close() {
        synchronized (outgoing) {
            outgoing.tryEmitComplete();
        }
    }

    /** Drops the socket at once (used when the test is done waiting). */
    void abort() {
        connection.dispose();
    }
}
