package io.hubkit.backplane.redis.testing;

import io.hubkit.backplane.redis.RedisBackplane;
import io.hubkit.backplane.redis.RedisBackplaneFactory;
import io.hubkit.backplane.redis.RedisBackplaneOptions;
import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubOptions;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.testing.WireClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One app server of a test: a hub endpoint on its own {@link RedisBackplaneFactory} (its own Redis
 * connections and server name), with clients connected through the real connection handler
 * ({@link WireClient}). Users come from the {@code user} query parameter. {@link #close()}
 * disconnects its clients and stops the endpoint and the factory.
 */
public final class HubServer implements AutoCloseable {

    /** The hub of the tests: clients only receive. */
    public static class TestHub {

        public String echo(String text) {
            return text;
        }
    }

    private final RedisBackplaneFactory factory;
    private final HubEndpoint endpoint;
    private final List<WireClient> clients = new ArrayList<>();

    private HubServer(RedisBackplaneFactory factory, HubEndpoint endpoint) {
        this.factory = factory;
        this.endpoint = endpoint;
    }

    /** Starts a server of hub {@code TestHub} on {@code options}, offering {@code protocols}. */
    public static HubServer start(RedisBackplaneOptions options, HubProtocols protocols) {
        RedisBackplaneFactory factory = new RedisBackplaneFactory(options);
        try {
            HubEndpoint endpoint = HubEndpoint.builder(new TestHub())
                    .name("TestHub")
                    .protocols(protocols)
                    .options(HubOptions.builder().clientResultTimeout(WireClient.TIMEOUT).build())
                    .userIdProvider((principal, request) -> request.queryParam("user"))
                    .backplaneFactory(factory)
                    .build();
            return new HubServer(factory, endpoint);
        } catch (RuntimeException e) {
            factory.close();
            throw e;
        }
    }

    public RedisBackplaneFactory factory() {
        return factory;
    }

    public RedisBackplane backplane() {
        return (RedisBackplane) endpoint.backplane();
    }

    public HubEndpoint endpoint() {
        return endpoint;
    }

    /**
     * A connected client speaking {@code protocol}, as {@code user} (may be null), once other
     * servers can reach it (the handshake completes a moment before the backplane registered it).
     */
    public WireClient connect(HubProtocol protocol, String user) {
        WireClient client = connectWithoutWaiting(protocol, user);
        long deadline = System.nanoTime() + WireClient.TIMEOUT.toNanos();
        while (!backplane().isReachable(client.connectionId())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Connection " + client.connectionId() + " not reachable within "
                        + WireClient.TIMEOUT);
            }
            RedisServer.sleep(Duration.ofMillis(2));
        }
        return client;
    }

    /** A connected client (handshake done), without waiting until other servers can reach it. */
    public WireClient connectWithoutWaiting(HubProtocol protocol, String user) {
        Map<String, List<String>> query = user == null ? Map.of() : Map.of("user", List.of(user));
        WireClient client = WireClient.connect(endpoint.connectionHandler(), protocol, WireClient.request(null, query));
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /**
     * The first arguments of the {@code target} invocations {@code client} received before the
     * invocation whose first argument is {@code marker}, in order.
     */
    public static List<Object> receivedBefore(WireClient client, String target, String marker) {
        List<Object> texts = new ArrayList<>();
        for (;;) {
            InvocationMessage message = client.awaitInvocation(target);
            Object first = message.arguments().isEmpty() ? null : message.arguments().get(0);
            if (marker.equals(first)) {
                return texts;
            }
            texts.add(first);
        }
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(WireClient::disconnect);
        }
        try {
            endpoint.close();
        } finally {
            factory.close();
        }
    }
}
