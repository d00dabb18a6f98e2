package io.hubkit.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/** A test client sees the reconnectable Close of a server that shuts down gracefully. */
class ServerShutdownTest {

    /** Event loops of the server's own, so that stopping it leaves Reactor Netty's global ones to the client. */
    @Configuration(proxyBeanMethods = false)
    static class OwnEventLoops {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            factory.setShutdownQuietPeriod(Duration.ZERO);
            return factory;
        }
    }

    @Test
    void aGracefulShutdownAllowsReconnecting() throws Exception {
        ConfigurableApplicationContext server = new SpringApplicationBuilder(SampleApplication.class, OwnEventLoops.class)
                .properties("server.port=0").registerShutdownHook(false).run();
        try {
            String port = server.getEnvironment().getRequiredProperty("local.server.port");
            HubTestClient hubs = HubTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
            HubTestConnection sample = hubs.connect("/hubs/sample").start();
            sample.invoke("echo", "before").expectResult(String.class).isEqualTo("before");

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);

            sample.expectClose().allowsReconnect().hasNoError();
            stopping.get(30, TimeUnit.SECONDS);
            sample.close();
        } finally {
            server.close();
        }
    }
}
