package io.hubkit.service.routing;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A {@link ServiceBus} between service instances in one JVM: the buses of one {@link Network}
 * deliver to each other synchronously, on the publishing thread, in publish order. A bus on a
 * network of its own (the {@link #standalone()} default) has no other instances: publishing does
 * nothing and every question is answered {@code false}. A receiver's failure is logged and does
 * not reach the publisher. Thread-safe.
 */
public final class InProcessServiceBus implements ServiceBus {

    /** The instances that see each other's operations. Thread-safe. */
    public static final class Network {
        private final CopyOnWriteArrayList<InProcessServiceBus> members = new CopyOnWriteArrayList<>();

        /** A new bus on this network with a random instance id. */
        public InProcessServiceBus join() {
            return new InProcessServiceBus(this, UUID.randomUUID().toString());
        }
    }

    private static final Logger log = LoggerFactory.getLogger(InProcessServiceBus.class);

    private final Network network;
    private final String instanceId;
    private volatile Receiver receiver;

    private InProcessServiceBus(Network network, String instanceId) {
        this.network = network;
        this.instanceId = instanceId;
    }

    /** A bus for a single instance. */
    public static InProcessServiceBus standalone() {
        return new Network().join();
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public Mono<Void> start(Receiver receiver) {
        return Mono.fromRunnable(() -> {
            this.receiver = Objects.requireNonNull(receiver, "receiver");
            network.members.addIfAbsent(this);
        });
    }

    @Override
    public Mono<Void> publish(RoutingOperation operation) {
        return Mono.fromRunnable(() -> {
            for (InProcessServiceBus member : network.members) {
                Receiver target = member.receiver;
                if (member == this || target == null) {
                    continue;
                }
                try {
                    target.apply(operation);
                } catch (RuntimeException e) {
                    log.warn("Instance {} failed to apply {}", member.instanceId, operation.getClass().getSimpleName(), e);
                }
            }
        });
    }

    @Override
    public Mono<Boolean> askOthers(RoutingQuery query) {
        return Mono.fromSupplier(() -> {
            for (InProcessServiceBus member : network.members) {
                Receiver target = member.receiver;
                if (member != this && target != null && target.answer(query)) {
                    return true;
                }
            }
            return false;
        });
    }

    @Override
    public Mono<Void> stop() {
        return Mono.fromRunnable(() -> network.members.remove(this));
    }
}
