package io.hubkit.spring.actuate;

import io.hubkit.core.connection.UserIdProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Two hubs and Actuator. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({InspectedHub.class, QuietHub.class})
public class ActuatorTestApplication {

    /** Users come from the {@code user} query parameter (tests only). */
    @Bean
    UserIdProvider queryParameterUserIdProvider() {
        return (principal, request) -> request.queryParam("user");
    }
}
