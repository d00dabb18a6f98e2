package io.hubkit.spring.limits;

import io.hubkit.core.connection.UserIdProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** One hub; users come from the {@code user} query parameter (tests only). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(LimitedHub.class)
public class LimitsTestApplication {

    @Bean
    UserIdProvider queryParameterUserIdProvider() {
        return (principal, request) -> request.queryParam("user");
    }
}
