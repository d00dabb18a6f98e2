package io.hubkit.service.scaleout;

import io.hubkit.backplane.redis.RedisBackplaneFactory;
import io.hubkit.backplane.redis.RedisBus;
import io.hubkit.service.routing.RoutingOperation;
import io.hubkit.service.routing.RoutingQuery;
import io.hubkit.service.routing.ServiceBus;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A {@link ServiceBus} over Redis pub/sub, so that several hub-service instances sharing one Redis
 * act as one service: every instance subscribes to {@code {prefix}hubkit-service:ops} (operations)
 * and {@code {prefix}hubkit-service:questions} (existence questions), and to its own
 * {@code {prefix}hubkit-service:answers:{instanceId}}. The Redis connections (subscriber and
 * publisher, reconnect, fail-fast commands, command timeouts) are backplane-redis's: a bus is
 * opened through {@link RedisBackplaneFactory#openBus}.
 *
 * <p>Delivery and ordering: each operation is one {@code PUBLISH} on the publisher connection, so the
 * operations one instance publishes in order reach every other instance in that order; a receiving
 * instance applies them on its subscriber connection's thread, one at a time. An instance skips its
 * own messages (it applied the operation before publishing). While Redis is known to be
 * unreachable, operations are logged and lost, never queued, and the caller's local work is not
 * failed (an operation already in flight when the connection drops may still arrive once it is back,
 * as Lettuce retries it).
 *
 * <p>Questions: the asker publishes the question; Redis reports how many subscribers received it;
 * every other instance answers on the asker's answer channel. The result is {@code true} at the
 * first {@code true}, {@code false} once every other instance answered {@code false}, or when
 * {@code questionTimeout} passes (also the answer when Redis is unreachable). With Redis Cluster's
 * classic pub/sub the receiver count covers one node only, so a {@code false} there is only known
 * at the timeout.
 *
 * <p>Thread-safe.
 */
public final class RedisServiceBus implements ServiceBus {

    private static final Logger log = LoggerFactory.getLogger(RedisServiceBus.class);

    private final Function<RedisBus.Listener, RedisBus> busOpener;
    private final String instanceId;
    private final String opsChannel;
    private final String questionsChannel;
    private final String answersPrefix;
    private final Duration questionTimeout;
    private final AtomicLong questionIds = new AtomicLong();
    private final Map<Long, PendingQuestion> pending = new ConcurrentHashMap<>();
    private volatile RedisBus bus;
    private volatile Receiver receiver;

    /**
     * @param factory         opens the bus (its options decide the Redis mode, URIs, timeouts and channel prefix)
     * @param questionTimeout the longest wait for the other instances' answers to a question
     */
    public RedisServiceBus(RedisBackplaneFactory factory, Duration questionTimeout) {
        this(factory::openBus, factory.options().channelPrefix(), questionTimeout);
    }

    RedisServiceBus(Function<RedisBus.Listener, RedisBus> busOpener, String channelPrefix, Duration questionTimeout) {
        this.busOpener = Objects.requireNonNull(busOpener, "busOpener");
        this.instanceId = UUID.randomUUID().toString().replace("-", "");
        String base = Objects.requireNonNull(channelPrefix, "channelPrefix") + "hubkit-service:";
        this.opsChannel = base + "ops";
        this.questionsChannel = base + "questions";
        this.answersPrefix = base + "answers:";
        this.questionTimeout = Objects.requireNonNull(questionTimeout, "questionTimeout");
        if (questionTimeout.isNegative() || questionTimeout.isZero()) {
            throw new IllegalArgumentException("questionTimeout must be positive");
        }
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public Mono<Void> start(Receiver receiver) {
        return Mono.defer(() -> {
            this.receiver = Objects.requireNonNull(receiver, "receiver");
            RedisBus opened = busOpener.apply(new Listener());
            this.bus = opened;
            CompletableFuture<Void> subscribed = CompletableFuture.allOf(
                    opened.subscribe(opsChannel),
                    opened.subscribe(questionsChannel),
                    opened.subscribe(answersPrefix + instanceId));
            return Mono.fromFuture(subscribed)
                    .doOnSuccess(v -> log.info("Scale-out over Redis ({}) started: instance {}", opened.describe(), instanceId));
        });
    }

    @Override
    public Mono<Void> publish(RoutingOperation operation) {
        return Mono.defer(() -> {
            RedisBus current = bus;
            if (current == null) {
                return Mono.empty();
            }
            byte[] message = BusCodec.encode(new BusMessage.Operation(instanceId, operation));
            return current.publish(opsChannel, message)
                    .onErrorResume(e -> {
                        log.warn("Could not publish {} of hub {} to the other instances: {}",
                                operation.getClass().getSimpleName(), operation.hub(), e.toString());
                        return Mono.empty();
                    })
                    .then();
        });
    }

    @Override
    public Mono<Boolean> askOthers(RoutingQuery query) {
        return Mono.defer(() -> {
            RedisBus current = bus;
            if (current == null) {
                return Mono.just(false);
            }
            long id = questionIds.incrementAndGet();
            PendingQuestion question = new PendingQuestion(current.publishCountsAreExact());
            pending.put(id, question);
            byte[] message = BusCodec.encode(new BusMessage.Question(instanceId, id, query));
            current.publish(questionsChannel, message).subscribe(
                    receivers -> question.receivers(receivers - 1), // this instance hears its own question too
                    e -> {
                        log.warn("Could not ask the other instances about hub {}: {}", query.hub(), e.toString());
                        question.result.complete(false);
                    });
            return Mono.fromFuture(question.result)
                    .timeout(questionTimeout, Mono.just(false))
                    .doFinally(signal -> pending.remove(id));
        });
    }

    @Override
    public Mono<Void> stop() {
        return Mono.fromRunnable(() -> {
            RedisBus current = bus;
            bus = null;
            if (current != null) {
                current.close();
            }
            pending.values().forEach(q -> q.result.complete(false));
            pending.clear();
        });
    }

    private void onMessage(String channel, byte[] payload) {
        BusMessage message;
        try {
            message = BusCodec.decode(payload);
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring an invalid scale-out message on {}: {}", channel, e.getMessage());
            return;
        }
        if (message.origin().equals(instanceId)) {
            return;
        }
        Receiver target = receiver;
        if (message instanceof BusMessage.Operation op) {
            try {
                target.apply(op.operation());
            } catch (RuntimeException e) {
                log.warn("Failed to apply {} of hub {} from instance {}", op.operation().getClass().getSimpleName(),
                        op.operation().hub(), op.origin(), e);
            }
        } else if (message instanceof BusMessage.Question q) {
            answer(q, target);
        } else if (message instanceof BusMessage.Answer a) {
            PendingQuestion question = pending.get(a.questionId());
            if (question != null) {
                question.answer(a.answer());
            }
        }
    }

    private void answer(BusMessage.Question question, Receiver target) {
        boolean answer;
        try {
            answer = target.answer(question.query());
        } catch (RuntimeException e) {
            log.warn("Failed to answer a question of instance {}", question.origin(), e);
            answer = false;
        }
        RedisBus current = bus;
        if (current == null) {
            return;
        }
        byte[] message = BusCodec.encode(new BusMessage.Answer(instanceId, question.questionId(), answer));
        current.publish(answersPrefix + question.origin(), message).subscribe(
                receivers -> { },
                e -> log.debug("Could not answer instance {}: {}", question.origin(), e.toString()));
    }

    /** Collects the answers to one question; completes at the first true or when all answered false. */
    private static final class PendingQuestion {

        final CompletableFuture<Boolean> result = new CompletableFuture<>();
        private final boolean countsAreExact;
        private long expected = -1;
        private long falseAnswers;

        PendingQuestion(boolean countsAreExact) {
            this.countsAreExact = countsAreExact;
        }

        synchronized void receivers(long others) {
            expected = others;
            settleIfAllAnswered();
        }

        synchronized void answer(boolean answer) {
            if (answer) {
                result.complete(true);
                return;
            }
            falseAnswers++;
            settleIfAllAnswered();
        }

        private void settleIfAllAnswered() {
            if (countsAreExact && expected >= 0 && falseAnswers >= expected) {
                result.complete(false);
            }
        }
    }

    /** Hands what the bus hears to this instance. */
    private final class Listener implements RedisBus.Listener {

        @Override
        public void message(String channel, byte[] payload) {
            onMessage(channel, payload);
        }

        @Override
        public void connectionLost() {
            log.warn("Scale-out: the connection to Redis was lost; other instances' operations are missed until it is back");
        }

        @Override
        public void connectionRestored() {
            log.info("Scale-out: the connection to Redis is back");
        }
    }
}
