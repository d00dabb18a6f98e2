package io.hubkit.benchmarks.apps.netty;

import io.hubkit.benchmarks.apps.stats.MemoryProbe;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Starts the ceiling server: {@code GET /ws} upgrades to a WebSocket handled by
 * {@link RawSocketHandler}, {@code GET /bench/stats} reports memory. Arguments:
 * {@code --port=N} (default 8080). Runs until the process is killed.
 */
public final class BareNettyServer {

    private BareNettyServer() {
    }

    public static void main(String[] args) {
        int port = 8080;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            }
        }
        RawSocketHandler sockets = new RawSocketHandler();
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .route(routes -> routes
                        .get("/bench/stats", (request, response) -> response
                                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                .sendString(Mono.fromCallable(() -> MemoryProbe.measure(sockets.connectionCount()).toJson())
                                        .subscribeOn(Schedulers.boundedElastic())))
                        .ws("/ws", sockets::handle, WebsocketServerSpec.builder().maxFramePayloadLength(65536).build()))
                .bindNow(Duration.ofSeconds(30));
        server.onDispose().block();
    }
}
