package io.hubkit.spring.metrics;

import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.connection.HubConnection;
import io.hubkit.core.observe.BackplaneInspection;
import io.hubkit.core.observe.BackplaneOperation;
import io.hubkit.core.observe.CloseReason;
import io.hubkit.core.observe.ConnectionObserver;
import io.hubkit.core.observe.HubObserver;
import io.hubkit.core.protocol.HubMessage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one hub: per-hub gauges (outbound queue depth; groups and users when the backplane
 * is a {@link BackplaneInspection}), {@link TransportMeters} per transport and protocol seen, and
 * the backplane publish timers. Meters are registered when first needed and looked up once per
 * connection, so the per-message cost is a few counter increments. Thread-safe.
 */
final class HubMeters implements HubObserver {

    private final MeterRegistry registry;
    private final String hub;
    private final String backplaneType;
    private final Set<HubConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, TransportMeters> byTransport = new ConcurrentHashMap<>();
    private final Map<String, Timer> publishTimers = new ConcurrentHashMap<>();

    HubMeters(MeterRegistry registry, String hub, Backplane backplane) {
        this.registry = registry;
        this.hub = hub;
        this.backplaneType = BackplaneInspection.typeOf(backplane);
        Gauge.builder(HubMeterNames.OUTBOUND_QUEUED, this, HubMeters::queuedMessages)
                .tag(HubMeterNames.TAG_HUB, hub)
                .baseUnit("messages")
                .description("Messages waiting in the outbound queues of the hub's connections")
                .register(registry);
        if (backplane instanceof BackplaneInspection inspection) {
            Gauge.builder(HubMeterNames.GROUPS, inspection, BackplaneInspection::localGroupCount)
                    .tag(HubMeterNames.TAG_HUB, hub)
                    .description("Groups with at least one member connected to this server")
                    .register(registry);
            Gauge.builder(HubMeterNames.USERS, inspection, BackplaneInspection::localUserCount)
                    .tag(HubMeterNames.TAG_HUB, hub)
                    .description("Distinct users connected to this server")
                    .register(registry);
        }
    }

    @Override
    public ConnectionObserver connectionOpened(HubConnection connection) {
        String transport = connection.transport();
        String protocol = connection.protocol().name();
        TransportMeters meters = byTransport.computeIfAbsent(transport + '\n' + protocol,
                key -> new TransportMeters(registry, hub, transport, protocol));
        connections.add(connection);
        meters.opened();
        return new ConnectionMetrics(connection, meters);
    }

    @Override
    public void backplaneCall(BackplaneOperation operation, long durationNanos, Throwable error) {
        String exception = error == null ? "none" : error.getClass().getSimpleName();
        String key = operation.name() + '\n' + exception;
        Timer timer = publishTimers.computeIfAbsent(key, ignored -> Timer.builder(HubMeterNames.BACKPLANE_PUBLISH)
                .tags(Tags.of(HubMeterNames.TAG_HUB, hub, HubMeterNames.TAG_BACKPLANE, backplaneType,
                        HubMeterNames.TAG_OPERATION, operation.tagValue(),
                        HubMeterNames.TAG_OUTCOME, error == null ? "success" : "error",
                        HubMeterNames.TAG_EXCEPTION, exception))
                .description("Sends and group changes handed to the backplane")
                .register(registry));
        timer.record(durationNanos, TimeUnit.NANOSECONDS);
    }

    private double queuedMessages() {
        long total = 0;
        for (HubConnection connection : connections) {
            total += connection.queuedMessages();
        }
        return total;
    }

    /** The traffic of one connection, recorded in its transport's meters. */
    private final class ConnectionMetrics implements ConnectionObserver {

        private final HubConnection connection;
        private final TransportMeters meters;

        ConnectionMetrics(HubConnection connection, TransportMeters meters) {
            this.connection = connection;
            this.meters = meters;
        }

        @Override
        public void messageReceived(HubMessage message, int bytes) {
            meters.received(message.type(), bytes);
        }

        @Override
        public void messagesSent(int messages, int bytes) {
            meters.sent(messages, bytes);
        }

        @Override
        public void closed(CloseReason reason, Throwable error) {
            connections.remove(connection);
            meters.closed(reason);
        }
    }
}
