package io.hubkit.benchmarks.load;

import io.hubkit.benchmarks.Progress;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.LoopResources;

/**
 * Opens and holds the load connections of one scenario, all in this process, on its own Reactor
 * Netty event loops (one per core). Connections are spread round-robin over several loopback
 * source addresses ({@code 127.0.0.1}, {@code 127.0.0.2}, …) so that the 28k ephemeral ports of one
 * source address never run short. SignalR connections are pinged every ten seconds so the server's
 * client timeout never fires on idle connections. A target reached through a hub service negotiates
 * first, on the same source address ({@link ServiceRedirect}). Thread-safe; close it to release everything.
 */
public final class LoadClient implements AutoCloseable {

    /** Handshakes in flight at once while connecting. */
    public static final int DEFAULT_CONNECT_PARALLELISM = 128;

    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_FRAME = 1 << 20;

    private final LoopResources loops;
    private final List<HttpClient> clients = new ArrayList<>();
    private final List<LoadConnection> connections = Collections.synchronizedList(new ArrayList<>());
    private final LoadListener listener;
    private final ScheduledExecutorService keepAlive;
    private int nextIndex;

    /**
     * @param sourceAddresses how many loopback source addresses to spread connections over (1–250)
     * @param listener        told about every delivery on every connection
     */
    public LoadClient(int sourceAddresses, LoadListener listener) {
        if (sourceAddresses < 1 || sourceAddresses > 250) {
            throw new IllegalArgumentException("sourceAddresses must be 1..250");
        }
        this.listener = listener;
        this.loops = LoopResources.create("load-client", Runtime.getRuntime().availableProcessors(), true);
        for (int i = 0; i < sourceAddresses; i++) {
            InetSocketAddress source = new InetSocketAddress("127.0.0." + (i + 1), 0);
            clients.add(HttpClient.newConnection()
                    .runOn(loops)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 20_000)
                    .bindAddress(() -> source));
        }
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-keepalive");
            thread.setDaemon(true);
            return thread;
        });
        keepAlive.scheduleAtFixedRate(this::pingAll, 10, 10, TimeUnit.SECONDS);
    }

    /**
     * Opens {@code count} connections to {@code target}, at most {@code parallelism} handshakes at a
     * time, and waits until all are open. Each URI in {@code uris} (one per server) gets every
     * n-th connection.
     *
     * @throws IllegalStateException when a connection cannot be opened (the first error's text)
     */
    public List<LoadConnection> connect(Target target, List<URI> uris, int count, int parallelism) {
        List<LoadConnection> opened = Flux.range(0, count)
                .flatMap(i -> open(target, uris.get(i % uris.size())), parallelism)
                .collectList()
                .block(OPEN_TIMEOUT.multipliedBy(Math.max(1, count / 2000 + 1)));
        return opened == null ? List.of() : opened;
    }

    /** Opens {@code count} connections to {@code target}'s own URI. */
    public List<LoadConnection> connect(Target target, int count) {
        return connect(target, List.of(target.uri()), count, DEFAULT_CONNECT_PARALLELISM);
    }

    private Mono<LoadConnection> open(Target target, URI uri) {
        int index;
        HttpClient client;
        synchronized (this) {
            index = nextIndex++;
            client = clients.get(index % clients.size());
        }
        LoadConnection connection = new LoadConnection(index, target.newSession(listener), listener);
        connections.add(connection);
        Mono<URI> endpoint = target.viaService() ? ServiceRedirect.resolve(client, uri) : Mono.just(uri);
        WebsocketClientSpec spec = WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME).build();
        endpoint.flatMap(webSocket -> client.websocket(spec)
                        .uri(webSocket)
                        .handle((inbound, outbound) -> {
                            inbound.withConnection(c -> connection.attach(c.channel()));
                            return inbound.receiveFrames().doOnNext(connection::onFrame).then();
                        })
                        .then())
                .subscribe(null, connection::failOpening);
        return connection.ready().timeout(OPEN_TIMEOUT);
    }

    /** Every connection opened so far, in opening order. */
    public List<LoadConnection> connections() {
        synchronized (connections) {
            return List.copyOf(connections);
        }
    }

    /** How many connections are open now. */
    public int openCount() {
        int open = 0;
        for (LoadConnection connection : connections()) {
            if (connection.isOpen()) {
                open++;
            }
        }
        return open;
    }

    private void pingAll() {
        for (LoadConnection connection : connections()) {
            connection.keepAlive();
        }
    }

    /** Closes every connection (close frames, then the sockets) and the event loops. */
    @Override
    public void close() {
        keepAlive.shutdownNow();
        List<LoadConnection> all = connections();
        for (LoadConnection connection : all) {
            connection.close();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && openSockets(all) > 0) {
            sleep(50);
        }
        for (LoadConnection connection : all) {
            connection.abort();
        }
        try {
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(30)).block(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            // the event loops are daemon threads: a slow shutdown must not end the run
            Progress.say("load client event loops did not stop in time: " + e.getMessage());
        }
    }

    private static int openSockets(List<LoadConnection> all) {
        int open = 0;
        for (LoadConnection connection : all) {
            if (connection.hasSocket()) {
                open++;
            }
        }
        return open;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
