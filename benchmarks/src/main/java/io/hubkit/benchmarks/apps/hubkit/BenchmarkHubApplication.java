package io.hubkit.benchmarks.apps.hubkit;

import io.hubkit.benchmarks.apps.stats.ConnectionCounter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Starts the HubKit benchmark server (WebFlux on Reactor Netty). Settings come from
 * {@code hubkit-bench.yml} on the class path and from the command line, e.g.
 * {@code --server.port=8080}. The web stack is fixed to reactive because the STOMP peer's servlet
 * stack shares the class path.
 */
@SpringBootApplication
public class BenchmarkHubApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(BenchmarkHubApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=hubkit-bench")
                .run(args);
    }

    @Bean
    ConnectionCounter connectionCounter() {
        return new ConnectionCounter();
    }
}
