package io.hubkit.backplane.redis;

import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.backplane.BackplaneFactory;
import io.hubkit.core.backplane.BackplaneHubContext;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates the {@link RedisBackplane} of each hub of an application, all on one set of Lettuce
 * {@link ClientResources} (event loops, reconnect back-off). Each backplane opens its own two Redis
 * connections (subscriber and publisher) and gets a unique server name unless
 * {@link RedisBackplaneOptions#serverName()} fixes one.
 *
 * <p>{@link #create} connects to Redis and fails fast (with a {@link RedisBackplaneException} or
 * Lettuce's connection error) if Redis is unreachable at startup; after that, outages are
 * survived. {@link #health()} is what a health indicator reports. {@link #close()} closes every
 * backplane still open and the resources the factory created. Thread-safe.
 */
public final class RedisBackplaneFactory implements BackplaneFactory, AutoCloseable {

    private final RedisBackplaneOptions options;
    private final ClientResources resources;
    private final boolean ownsResources;
    private final List<RedisBackplane> backplanes = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** A factory with its own client resources (closed with it). */
    public RedisBackplaneFactory(RedisBackplaneOptions options) {
        this(options, DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(1), options.maxReconnectDelay(), 2,
                        TimeUnit.MILLISECONDS))
                .build(), true);
    }

    /**
     * A factory on shared client resources (e.g. those of the application's other Redis clients); they
     * are not closed with it, and their reconnect delay applies instead of
     * {@link RedisBackplaneOptions#maxReconnectDelay()}.
     */
    public RedisBackplaneFactory(RedisBackplaneOptions options, ClientResources sharedResources) {
        this(options, sharedResources, false);
    }

    private RedisBackplaneFactory(RedisBackplaneOptions options, ClientResources resources, boolean ownsResources) {
        this.options = Objects.requireNonNull(options, "options");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.ownsResources = ownsResources;
    }

    public RedisBackplaneOptions options() {
        return options;
    }

    @Override
    public RedisBackplane create(BackplaneHubContext hub) {
        if (closed) {
            throw new IllegalStateException("The Redis backplane factory is closed");
        }
        String serverName = options.serverName() != null ? options.serverName() : generatedServerName();
        RedisBackplane backplane = new RedisBackplane(hub, options, serverName, this::openBus, backplanes::remove);
        backplanes.add(backplane);
        return backplane;
    }

    /** The backplanes created and not yet closed. */
    public List<RedisBackplane> backplanes() {
        return List.copyOf(backplanes);
    }

    /**
     * UP when every open backplane reaches Redis (a round trip within the command timeout), DOWN
     * otherwise; the details name each hub's state. With no hub yet, a fresh round trip decides.
     * Never fails.
     */
    public Mono<RedisBackplaneHealth> health() {
        List<RedisBackplane> current = backplanes();
        if (current.isEmpty()) {
            return probe();
        }
        return Flux.fromIterable(current)
                .concatMap(RedisBackplane::health)
                .collectList()
                .map(list -> {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("mode", options.mode().name().toLowerCase(Locale.ROOT));
                    List<Map<String, Object>> hubs = new ArrayList<>();
                    boolean up = true;
                    for (RedisBackplaneHealth health : list) {
                        hubs.add(health.details());
                        up &= health.up();
                    }
                    details.put("hubs", hubs);
                    return new RedisBackplaneHealth(up, details);
                });
    }

    /** A health check without any hub: opens a bus briefly and pings. */
    private Mono<RedisBackplaneHealth> probe() {
        return Mono.fromCallable(() -> openBus(new RedisBus.Listener() {
                    @Override
                    public void message(String channel, byte[] payload) {
                    }

                    @Override
                    public void connectionLost() {
                    }

                    @Override
                    public void connectionRestored() {
                    }
                }))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .flatMap(bus -> bus.ping().timeout(options.commandTimeout())
                        .map(pong -> RedisBackplaneHealth.up(Map.of("mode", modeName(), "redis", bus.describe())))
                        .doFinally(signal -> bus.close()))
                .onErrorResume(e -> Mono.just(RedisBackplaneHealth.down(
                        Map.of("mode", modeName(), "error", String.valueOf(e.getMessage())))));
    }

    /** Closes every backplane still open, then the client resources if the factory created them. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RedisBackplane backplane : backplanes()) {
            backplane.close();
        }
        if (ownsResources) {
            resources.shutdown(0, options.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Opens a bus of this factory's mode and options on its client resources, for pub/sub that is
     * not a hub's backplane (e.g. the hub service's scale-out): connects at once (failing fast when
     * Redis is unreachable), then survives outages as the backplanes do. The caller closes it.
     */
    public RedisBus openBus(RedisBus.Listener listener) {
        return switch (options.mode()) {
            case STANDALONE -> new StandaloneRedisBus(resources, options, listener);
            case CLUSTER -> new ClusterRedisBus(resources, options, false, listener);
            case CLUSTER_SHARDED -> new ClusterRedisBus(resources, options, true, listener);
        };
    }

    private String modeName() {
        return options.mode().name().toLowerCase(Locale.ROOT);
    }

    /** {@code {host}_{32 hex digits}}, as ASP.NET Core names its servers. */
    private static String generatedServerName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = System.getenv("COMPUTERNAME");
        }
        if (host == null || host.isBlank()) {
            host = "hubkit";
        }
        return host + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
