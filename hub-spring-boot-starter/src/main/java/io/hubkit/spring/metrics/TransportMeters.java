package io.hubkit.spring.metrics;

import io.hubkit.core.observe.CloseReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The connection meters of one hub for one transport and protocol: open connections, opened and
 * closed (by reason), messages and bytes each way. Counters of message types and close reasons are
 * registered on first use. Thread-safe.
 */
final class TransportMeters {

    /** The {@code type} tag of each hub message type number (1 Invocation … 9 Sequence). */
    private static final String[] TYPE_NAMES = {"unknown", "invocation", "stream_item", "completion",
            "stream_invocation", "cancel_invocation", "ping", "close", "ack", "sequence"};

    private final MeterRegistry registry;
    private final Tags tags;
    private final AtomicInteger active = new AtomicInteger();
    private final Counter opened;
    private final Counter messagesSent;
    private final Counter dataSent;
    private final Counter dataReceived;
    private final AtomicReferenceArray<Counter> receivedByType = new AtomicReferenceArray<>(TYPE_NAMES.length);
    private final Map<CloseReason, Counter> closedByReason = new EnumMap<>(CloseReason.class);

    TransportMeters(MeterRegistry registry, String hub, String transport, String protocol) {
        this.registry = registry;
        this.tags = Tags.of(HubMeterNames.TAG_HUB, hub, HubMeterNames.TAG_TRANSPORT, transport,
                HubMeterNames.TAG_PROTOCOL, protocol);
        Gauge.builder(HubMeterNames.CONNECTIONS_ACTIVE, active, AtomicInteger::get)
                .tags(tags)
                .baseUnit("connections")
                .description("Open hub connections")
                .register(registry);
        this.opened = Counter.builder(HubMeterNames.CONNECTIONS_OPENED).tags(tags).baseUnit("connections")
                .description("Hub connections that completed their handshake").register(registry);
        this.messagesSent = Counter.builder(HubMeterNames.MESSAGES_SENT).tags(tags).baseUnit("messages")
                .description("Hub messages written to clients").register(registry);
        this.dataSent = Counter.builder(HubMeterNames.DATA_SENT).tags(tags).baseUnit("bytes")
                .description("Hub message bytes written to clients").register(registry);
        this.dataReceived = Counter.builder(HubMeterNames.DATA_RECEIVED).tags(tags).baseUnit("bytes")
                .description("Hub message bytes received from clients").register(registry);
    }

    void opened() {
        active.incrementAndGet();
        opened.increment();
    }

    void closed(CloseReason reason) {
        active.decrementAndGet();
        Counter counter;
        synchronized (closedByReason) {
            counter = closedByReason.computeIfAbsent(reason, key -> Counter.builder(HubMeterNames.CONNECTIONS_CLOSED)
                    .tags(tags.and(HubMeterNames.TAG_REASON, key.tagValue()))
                    .baseUnit("connections")
                    .description("Hub connections that ended, by reason")
                    .register(registry));
        }
        counter.increment();
    }

    void received(int type, int bytes) {
        int index = type > 0 && type < TYPE_NAMES.length ? type : 0;
        Counter counter = receivedByType.get(index);
        if (counter == null) {
            counter = Counter.builder(HubMeterNames.MESSAGES_RECEIVED)
                    .tags(tags.and(HubMeterNames.TAG_TYPE, TYPE_NAMES[index]))
                    .baseUnit("messages")
                    .description("Hub messages received from clients")
                    .register(registry);
            receivedByType.set(index, counter);
        }
        counter.increment();
        dataReceived.increment(bytes);
    }

    void sent(int messages, int bytes) {
        messagesSent.increment(messages);
        dataSent.increment(bytes);
    }
}
