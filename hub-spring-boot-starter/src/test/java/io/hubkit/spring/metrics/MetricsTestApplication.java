package io.hubkit.spring.metrics;

import io.hubkit.core.connection.UserIdProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** One hub, a gauge snapshot controller, and a SimpleMeterRegistry the test reads. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({MeteredHub.class, MeterSnapshotController.class})
public class MetricsTestApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    /** Users come from the {@code user} query parameter (tests only). */
    @Bean
    UserIdProvider queryParameterUserIdProvider() {
        return (principal, request) -> request.queryParam("user");
    }
}
