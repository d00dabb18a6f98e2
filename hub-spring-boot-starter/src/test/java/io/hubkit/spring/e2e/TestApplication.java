package io.hubkit.spring.e2e;

import io.hubkit.core.connection.UserIdProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The application the end-to-end tests start: the test hubs, a REST controller and a user-id provider. */
@SpringBootApplication
public class TestApplication {

    /** Users come from the {@code user} query parameter of the connection's request (tests only). */
    @Bean
    UserIdProvider queryParameterUserIdProvider() {
        return (principal, request) -> request.queryParam("user");
    }
}
