package io.hubkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.HubOptions;
import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.backplane.BackplaneFactory;
import io.hubkit.core.backplane.LocalBackplane;
import io.hubkit.core.connection.UserIdProvider;
import io.hubkit.core.context.HubContext;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.spring.Hub;
import io.hubkit.spring.endpoint.HubEndpointRegistry;
import io.hubkit.spring.endpoint.HubRegistration;
import io.hubkit.spring.web.HubHandlerMapping;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;

class HubKitAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HubKitAutoConfiguration.class));

    @Test
    void everyHubGetsAnEndpointARouteAndATypedHubContext() {
        runner.withUserConfiguration(TwoHubs.class).run(context -> {
            assertThat(context).hasNotFailed()
                    .hasSingleBean(HubProtocols.class)
                    .hasSingleBean(BackplaneFactory.class)
                    .hasSingleBean(UserIdProvider.class)
                    .hasSingleBean(HubOptions.class)
                    .hasSingleBean(HubHandlerMapping.class);
            HubEndpointRegistry registry = context.getBean(HubEndpointRegistry.class);
            assertThat(registry.registrations()).extracting(HubRegistration::name, HubRegistration::path)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("ChatHub", "/hubs/chat"),
                            org.assertj.core.groups.Tuple.tuple("news", "/hubs/news"));
            assertThat(registry.findByPath("/HUBS/Chat/").map(HubRegistration::hubClass)).contains(ChatHub.class);
            assertThat(context.getBeanNamesForType(ChatHub.class)).as("the path is not taken for a bean name")
                    .containsExactly(ChatHub.class.getName());

            HubContext<?> chat = hubContext(context, ChatHub.class);
            HubContext<?> news = hubContext(context, NewsHub.class);
            assertThat(chat).isNotSameAs(news);
            assertThat(chat.clients()).isSameAs(registry.forHubClass(ChatHub.class).endpoint().hubContext().clients());
            assertThat(context.getBean(ChatHub.class).self.clients()).as("a hub may inject its own context")
                    .isSameAs(chat.clients());
            assertThat(context.getBean(NewsService.class).news).isNotNull();
        });
    }

    @Test
    void propertiesBecomeTheHubOptions() {
        runner.withUserConfiguration(TwoHubs.class)
                .withPropertyValues("hubkit.detailed-errors=true", "hubkit.keep-alive-interval=5s",
                        "hubkit.client-timeout-interval=1m", "hubkit.handshake-timeout=3s",
                        "hubkit.maximum-receive-message-size=64KB", "hubkit.stream-buffer-capacity=20",
                        "hubkit.maximum-parallel-invocations-per-client=4", "hubkit.client-result-timeout=7s",
                        "hubkit.outbound-queue-capacity=500", "hubkit.disconnect-timeout=20s",
                        "hubkit.backplane.type=local")
                .run(context -> {
                    HubOptions options = context.getBean(HubOptions.class);
                    assertThat(options.enableDetailedErrors()).isTrue();
                    assertThat(options.keepAliveInterval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(options.clientTimeoutInterval()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(options.handshakeTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(options.maximumReceiveMessageSize()).isEqualTo(65536);
                    assertThat(options.streamBufferCapacity()).isEqualTo(20);
                    assertThat(options.maximumParallelInvocationsPerClient()).isEqualTo(4);
                    assertThat(options.clientResultTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(options.outboundQueueCapacity()).isEqualTo(500);
                    assertThat(context.getBean(HubKitProperties.class).getDisconnectTimeout())
                            .isEqualTo(Duration.ofSeconds(20));
                });
    }

    @Test
    void theDefaultsAreTheOfficialServersDefaults() {
        runner.withUserConfiguration(TwoHubs.class).run(context -> {
            HubOptions options = context.getBean(HubOptions.class);
            HubOptions defaults = HubOptions.builder().build();
            assertThat(options.toString()).isEqualTo(defaults.toString());
            assertThat(context.getBean(HubKitProperties.class).getDisconnectTimeout()).isEqualTo(Duration.ofSeconds(15));
            assertThat(context.getBean(HubKitProperties.class).getBackplane().getType())
                    .isEqualTo(HubKitProperties.BackplaneType.LOCAL);
        });
    }

    @Test
    void theApplicationsOwnBeansReplaceTheDefaults() {
        runner.withUserConfiguration(TwoHubs.class, OwnBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(HubOptions.class)).isSameAs(OwnBeans.OPTIONS);
            assertThat(context.getBean(UserIdProvider.class)).isSameAs(OwnBeans.USERS);
            assertThat(context.getBean(BackplaneFactory.class)).isSameAs(context.getBean(OwnBeans.class).backplanes);
            assertThat(context.getBean(OwnBeans.class).created).hasValue(2);
        });
    }

    @Test
    void hubsAreClosedWhenTheContextCloses() {
        OwnBeans own = new OwnBeans();
        runner.withUserConfiguration(TwoHubs.class)
                .withBean(BackplaneFactory.class, () -> own.backplanes)
                .run(context -> assertThat(own.closed).hasValue(0));
        assertThat(own.closed).hasValue(2);
    }

    @Test
    void twoHubsOnOnePathFailTheStartup() {
        runner.withUserConfiguration(ClashingHubs.class).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalStateException.class).hasMessageContainingAll("both mapped to the path", "SecondChatHub"));
    }

    @Test
    void nothingHappensOutsideAReactiveWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HubKitAutoConfiguration.class))
                .withUserConfiguration(NewsHub.class)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(NewsHub.class)
                        .doesNotHaveBean(HubEndpointRegistry.class).doesNotHaveBean(HubContext.class));
    }

    private static HubContext<?> hubContext(org.springframework.context.ApplicationContext context, Class<?> hub) {
        return (HubContext<?>) context.getBeanProvider(ResolvableType.forClassWithGenerics(HubContext.class, hub))
                .getObject();
    }

    @Hub("/hubs/chat")
    static class ChatHub {
        @Autowired
        HubContext<ChatHub> self;

        public String echo(String text) {
            return text;
        }
    }

    @Hub(path = "hubs/news/", name = "news")
    static class NewsHub {
        public String latest() {
            return "none";
        }
    }

    @Component
    static class NewsService {
        @Autowired
        HubContext<NewsHub> news;
    }

    @Configuration(proxyBeanMethods = false)
    @Import({ChatHub.class, NewsHub.class, NewsService.class})
    static class TwoHubs {
    }

    @Hub("/HUBS/chat/")
    static class SecondChatHub {
    }

    @Configuration(proxyBeanMethods = false)
    @Import({ChatHub.class, SecondChatHub.class})
    static class ClashingHubs {
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        static final HubOptions OPTIONS = HubOptions.builder().keepAliveInterval(Duration.ofSeconds(3)).build();
        static final UserIdProvider USERS = (principal, request) -> "everyone";

        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final BackplaneFactory backplanes = hub -> {
            created.incrementAndGet();
            Backplane local = new LocalBackplane(hub);
            return (Backplane) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Backplane.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            closed.incrementAndGet();
                        }
                        try {
                            return method.invoke(local, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };

        @Bean
        HubOptions hubOptions() {
            return OPTIONS;
        }

        @Bean
        UserIdProvider userIdProvider() {
            return USERS;
        }

        @Bean
        BackplaneFactory backplaneFactory() {
            return backplanes;
        }
    }
}
