package io.hubkit.spring.redis;

import io.hubkit.core.connection.UserIdProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** One app server of the scale-out tests: the {@link ScaleOutHub} only. */
@SpringBootApplication
public class ScaleOutApplication {

    /** Users come from the {@code user} query parameter of the connection's request (tests only). */
    @Bean
    UserIdProvider queryParameterUserIdProvider() {
        return (principal, request) -> request.queryParam("user");
    }
}
