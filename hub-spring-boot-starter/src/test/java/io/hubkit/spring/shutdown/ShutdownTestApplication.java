package io.hubkit.spring.shutdown;

import java.time.Duration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;

/** One instance of a rolling deployment: the draining hub. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DrainingHub.class)
public class ShutdownTestApplication {

    /**
     * Event loops of its own: two instances run in one JVM, and closing one must not stop Reactor
     * Netty's global resources under the other (nor wait for a quiet period: the test knows when it is done).
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setShutdownQuietPeriod(Duration.ZERO);
        return factory;
    }
}
