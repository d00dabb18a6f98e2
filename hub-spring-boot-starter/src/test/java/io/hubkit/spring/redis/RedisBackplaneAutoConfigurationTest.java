package io.hubkit.spring.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.backplane.redis.RedisBackplane;
import io.hubkit.backplane.redis.RedisBackplaneFactory;
import io.hubkit.backplane.redis.RedisBackplaneOptions;
import io.hubkit.backplane.redis.RedisMode;
import io.hubkit.backplane.redis.testing.RedisServer;
import io.hubkit.core.backplane.BackplaneFactory;
import io.hubkit.core.backplane.LocalBackplane;
import io.hubkit.spring.autoconfigure.HubKitAutoConfiguration;
import io.hubkit.spring.endpoint.HubEndpointRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code hubkit.backplane.type: redis} and {@code hubkit.backplane.redis.*} are all an application
 * needs: the factory is built from the properties and used by every hub, its health indicator
 * goes DOWN when Redis dies and UP when it is back; without the property nothing changes, and
 * without backplane-redis on the class path the startup says what is missing.
 */
class RedisBackplaneAutoConfigurationTest {

    private static RedisServer redis;

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HubKitAutoConfiguration.class,
                    RedisBackplaneAutoConfiguration.class, RedisBackplaneHealthAutoConfiguration.class,
                    RedisBackplaneUnavailableAutoConfiguration.class))
            .withUserConfiguration(OneHub.class);

    @Configuration(proxyBeanMethods = false)
    @Import(ScaleOutHub.class)
    static class OneHub {
    }

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void thePropertiesConfigureTheRedisBackplaneOfEveryHub() {
        runner.withPropertyValues("hubkit.backplane.type=redis",
                        "hubkit.backplane.redis.uri=" + redis.uri(),
                        "hubkit.backplane.redis.channel-prefix=app1",
                        "hubkit.backplane.redis.hub-channel-names.ScaleOutHub=MyApp.Hubs.ScaleOutHub",
                        "hubkit.backplane.redis.ack-timeout=2s",
                        "hubkit.backplane.redis.client-result-timeout=9s",
                        "hubkit.backplane.redis.command-timeout=3s",
                        "hubkit.backplane.redis.max-reconnect-delay=500ms",
                        "hubkit.backplane.redis.server-name=server-one")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RedisBackplaneFactory.class)
                            .hasSingleBean(RedisBackplaneHealthIndicator.class);
                    RedisBackplaneOptions options = context.getBean(RedisBackplaneFactory.class).options();
                    assertThat(options.uris()).containsExactly(redis.uri());
                    assertThat(options.mode()).isEqualTo(RedisMode.STANDALONE);
                    assertThat(options.ackTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(options.clientResultTimeout()).isEqualTo(Duration.ofSeconds(9));
                    assertThat(options.commandTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(options.maxReconnectDelay()).isEqualTo(Duration.ofMillis(500));

                    RedisBackplane backplane = (RedisBackplane) context.getBean(HubEndpointRegistry.class)
                            .forHubClass(ScaleOutHub.class).endpoint().backplane();
                    assertThat(backplane.channels().all()).isEqualTo("app1MyApp.Hubs.ScaleOutHub:all");
                    assertThat(backplane.channels().serverName()).isEqualTo("server-one");
                    assertThat(backplane.isConnected()).isTrue();
                });
    }

    @Test
    void clusterModesTakeTheirSeedNodes() {
        RedisBackplaneProperties properties = new RedisBackplaneProperties();
        properties.setMode(RedisMode.CLUSTER_SHARDED);
        properties.setNodes(List.of("redis://10.0.0.1:7000", "redis://10.0.0.2:7000"));

        RedisBackplaneOptions options = properties.toOptions();

        assertThat(options.mode()).isEqualTo(RedisMode.CLUSTER_SHARDED);
        assertThat(options.uris()).containsExactly("redis://10.0.0.1:7000", "redis://10.0.0.2:7000");
    }

    @Test
    void theLocalBackplaneStaysTheDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(RedisBackplaneFactory.class)
                    .doesNotHaveBean(RedisBackplaneHealthIndicator.class);
            assertThat(context.getBean(HubEndpointRegistry.class).forHubClass(ScaleOutHub.class).endpoint()
                    .backplane()).isInstanceOf(LocalBackplane.class);
        });
    }

    @Test
    void withoutBackplaneRedisTheStartupSaysWhatIsMissing() {
        runner.withClassLoader(new FilteredClassLoader("io.hubkit.backplane.redis"))
                .withPropertyValues("hubkit.backplane.type=redis")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("io.hubkit:backplane-redis"));
    }

    @Test
    void anApplicationsOwnBackplaneFactoryWins() {
        runner.withPropertyValues("hubkit.backplane.type=redis")
                .withBean(BackplaneFactory.class, () -> LocalBackplane::new)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RedisBackplaneFactory.class));
    }

    @Test
    void theHealthIndicatorGoesDownWhenRedisDiesAndUpWhenItIsBack() {
        try (RedisServer own = RedisServer.start()) {
            runner.withPropertyValues("hubkit.backplane.type=redis", "hubkit.backplane.redis.uri=" + own.uri(),
                            "hubkit.backplane.redis.max-reconnect-delay=200ms")
                    .run(context -> {
                        RedisBackplaneHealthIndicator indicator = context.getBean(RedisBackplaneHealthIndicator.class);
                        Health up = indicator.health().block(Duration.ofSeconds(10));
                        assertThat(up.getStatus()).isEqualTo(Status.UP);
                        assertThat(up.getDetails()).containsEntry("mode", "standalone").containsKey("hubs");

                        own.kill();
                        eventually(() -> indicator.health().block(Duration.ofSeconds(10)).getStatus() == Status.DOWN);
                        own.restart();
                        eventually(() -> indicator.health().block(Duration.ofSeconds(10)).getStatus() == Status.UP);
                    });
        }
    }

    /** Waits (bounded, only to avoid hangs) until {@code condition} holds. */
    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
