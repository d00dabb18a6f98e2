package io.hubkit.service.operations;

import io.hubkit.service.routing.HubSummary;
import io.hubkit.service.routing.LocalRouting;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's meters and the totals behind the status page. Meters (Micrometer):
 * <ul>
 *   <li>{@code hubkit.service.client.connections} (gauge, tag {@code hub}): client connections held here;</li>
 *   <li>{@code hubkit.service.server.connections} (gauge, tag {@code hub}): app server connections held here;</li>
 *   <li>{@code hubkit.service.messages} (counter, tags {@code hub}, {@code side} = client|server,
 *       {@code direction} = in|out): service-protocol messages to and from app servers, transport
 *       messages to and from clients.</li>
 * </ul>
 * Counting never blocks; gauges read the routing state when scraped. Thread-safe.
 */
public final class ServiceMeters {

    /** What the status page shows as totals since start. */
    public record Totals(long clientIn, long clientOut, long serverIn, long serverOut) {
    }

    private final MeterRegistry registry;
    private final LocalRouting routing;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Boolean> gauged = new ConcurrentHashMap<>();
    private final LongAdder clientIn = new LongAdder();
    private final LongAdder clientOut = new LongAdder();
    private final LongAdder serverIn = new LongAdder();
    private final LongAdder serverOut = new LongAdder();

    /** Meters in {@code registry} ({@code null}: totals only, no Micrometer meters). */
    public ServiceMeters(MeterRegistry registry, LocalRouting routing) {
        this.registry = registry;
        this.routing = routing;
    }

    /** Meters that count totals only, for tests and tools. */
    public static ServiceMeters totalsOnly(LocalRouting routing) {
        return new ServiceMeters(null, routing);
    }

    public void clientMessageIn(String hub) {
        clientIn.increment();
        count(hub, "client", "in");
    }

    public void clientMessageOut(String hub) {
        clientOut.increment();
        count(hub, "client", "out");
    }

    public void serverMessageIn(String hub) {
        serverIn.increment();
        count(hub, "server", "in");
    }

    public void serverMessageOut(String hub) {
        serverOut.increment();
        count(hub, "server", "out");
    }

    /** Registers the connection gauges of {@code hub} (once per hub). */
    public void hubSeen(String hub) {
        if (registry == null || gauged.putIfAbsent(hub, Boolean.TRUE) != null) {
            return;
        }
        Gauge.builder("hubkit.service.client.connections", routing, r -> count(r, hub, true))
                .description("Client connections held by this service instance").tag("hub", hub).register(registry);
        Gauge.builder("hubkit.service.server.connections", routing, r -> count(r, hub, false))
                .description("App server connections held by this service instance").tag("hub", hub).register(registry);
    }

    /** The message totals since start. */
    public Totals totals() {
        return new Totals(clientIn.sum(), clientOut.sum(), serverIn.sum(), serverOut.sum());
    }

    private void count(String hub, String side, String direction) {
        if (registry == null) {
            return;
        }
        counters.computeIfAbsent(hub + '\n' + side + '\n' + direction, key -> Counter.builder("hubkit.service.messages")
                .description("Messages between the service and its clients or app servers")
                .tag("hub", hub).tag("side", side).tag("direction", direction).register(registry)).increment();
    }

    private static double count(LocalRouting routing, String hub, boolean clients) {
        for (HubSummary summary : routing.summaries()) {
            if (summary.hub().equals(hub)) {
                return clients ? summary.clientConnections() : summary.serverConnections();
            }
        }
        return 0;
    }
}
