package io.hubkit.service.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.backplane.redis.RedisBackplaneFactory;
import io.hubkit.backplane.redis.RedisBackplaneOptions;
import io.hubkit.backplane.redis.testing.RedisServer;
import io.hubkit.service.routing.RoutingOperation;
import io.hubkit.service.routing.RoutingQuery;
import io.hubkit.service.routing.ServiceBus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three buses on one real {@code redis-server}: operations, their order, questions and answers. */
class RedisServiceBusTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static RedisServer redis;
    private static RedisBackplaneFactory factory;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
        factory = new RedisBackplaneFactory(RedisBackplaneOptions.builder().uri(redis.uri())
                .channelPrefix("bus-test:").build());
    }

    @AfterAll
    static void stopRedis() {
        if (factory != null) {
            factory.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void operationsReachEveryOtherInstanceOnceAndInOrder() throws Exception {
        Recorder a = new Recorder(Set.of());
        Recorder b = new Recorder(Set.of());
        Recorder c = new Recorder(Set.of());
        RedisServiceBus busA = start(a);
        RedisServiceBus busB = start(b);
        RedisServiceBus busC = start(c);
        try {
            for (int i = 0; i < 50; i++) {
                busA.publish(new RoutingOperation.JoinGroup("chat", "conn-" + i, "g")).block(WAIT);
            }
            busB.publish(new RoutingOperation.Broadcast("chat", Map.of("json", new byte[] {1}), Set.of())).block(WAIT);

            await(() -> b.operations.size() == 50 && c.operations.size() == 51 && a.operations.size() == 1);
            assertThat(a.operations).hasSize(1).first().isInstanceOf(RoutingOperation.Broadcast.class);
            assertThat(b.operations).extracting(op -> ((RoutingOperation.JoinGroup) op).connectionId())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "conn-" + i).toList());
            assertThat(c.operations.subList(0, 50)).allMatch(op -> op instanceof RoutingOperation.JoinGroup);
        } finally {
            stop(busA, busB, busC);
        }
    }

    @Test
    void questionsAreTrueWhenAnyOtherInstanceSaysSoAndFalseWhenAllSayNo() {
        Recorder a = new Recorder(Set.of());
        Recorder b = new Recorder(Set.of(new RoutingQuery.ConnectionExists("chat", "on-b")));
        Recorder c = new Recorder(Set.of(new RoutingQuery.GroupExists("chat", "on-c")));
        RedisServiceBus busA = start(a);
        RedisServiceBus busB = start(b);
        RedisServiceBus busC = start(c);
        try {
            assertThat(busA.askOthers(new RoutingQuery.ConnectionExists("chat", "on-b")).block(WAIT)).isTrue();
            assertThat(busA.askOthers(new RoutingQuery.GroupExists("chat", "on-c")).block(WAIT)).isTrue();
            assertThat(busA.askOthers(new RoutingQuery.UserExists("chat", "nobody")).block(WAIT)).isFalse();
            assertThat(a.questions).as("an instance is never asked its own questions").isEmpty();
            assertThat(busB.askOthers(new RoutingQuery.ConnectionExists("chat", "on-b")).block(WAIT))
                    .as("only the other instances answer").isFalse();
            assertThat(b.questions).hasSize(3);
        } finally {
            stop(busA, busB, busC);
        }
    }

    @Test
    void aLoneInstanceGetsFalseWithoutWaitingForTheTimeout() {
        RedisServiceBus lone = new RedisServiceBus(factory, Duration.ofMinutes(5));
        lone.start(new Recorder(Set.of())).block(WAIT);
        try {
            assertThat(lone.askOthers(new RoutingQuery.UserExists("chat", "u")).block(WAIT)).isFalse();
        } finally {
            lone.stop().block(WAIT);
        }
    }

    @Test
    void aRedisOutageFailsNobodyAndTrafficResumesAfterwards() throws Exception {
        try (RedisServer own = RedisServer.start();
             RedisBackplaneFactory ownFactory = new RedisBackplaneFactory(RedisBackplaneOptions.builder()
                     .uri(own.uri()).commandTimeout(Duration.ofSeconds(2)).build())) {
            Recorder a = new Recorder(Set.of());
            Recorder b = new Recorder(Set.of(new RoutingQuery.UserExists("chat", "u")));
            RedisServiceBus busA = new RedisServiceBus(ownFactory, Duration.ofSeconds(2));
            RedisServiceBus busB = new RedisServiceBus(ownFactory, Duration.ofSeconds(2));
            busA.start(a).block(WAIT);
            busB.start(b).block(WAIT);
            try {
                own.kill();
                // neither publishing nor asking fails while Redis is gone
                busA.publish(new RoutingOperation.LeaveAllGroups("chat", "lost")).block(WAIT);
                assertThat(busA.askOthers(new RoutingQuery.UserExists("chat", "u")).block(WAIT)).isFalse();

                own.restart();
                // once both buses are back, operations and answers flow again
                await(() -> {
                    busA.publish(new RoutingOperation.LeaveAllGroups("chat", "after")).block(WAIT);
                    return b.operations.stream().anyMatch(op -> ((RoutingOperation.LeaveAllGroups) op).connectionId()
                            .equals("after"));
                });
                assertThat(busA.askOthers(new RoutingQuery.UserExists("chat", "u")).block(WAIT)).isTrue();
            } finally {
                stop(busA, busB);
            }
        }
    }

    private static RedisServiceBus start(ServiceBus.Receiver receiver) {
        RedisServiceBus bus = new RedisServiceBus(factory, Duration.ofSeconds(10));
        bus.start(receiver).block(WAIT);
        return bus;
    }

    private static void stop(RedisServiceBus... buses) {
        for (RedisServiceBus bus : buses) {
            bus.stop().block(WAIT);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(200);
        }
    }

    /** Records what it is given; answers true to the questions it was built with. */
    private static final class Recorder implements ServiceBus.Receiver {
        final List<RoutingOperation> operations = new CopyOnWriteArrayList<>();
        final List<RoutingQuery> questions = new CopyOnWriteArrayList<>();
        private final Set<RoutingQuery> yes;

        Recorder(Set<RoutingQuery> yes) {
            this.yes = yes;
        }

        @Override
        public void apply(RoutingOperation operation) {
            operations.add(operation);
        }

        @Override
        public boolean answer(RoutingQuery query) {
            questions.add(query);
            return yes.contains(query);
        }
    }
}
