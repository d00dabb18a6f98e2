package io.hubkit.service.endtoend;

import io.hubkit.core.connection.UserIdProvider;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * An app server of the end-to-end tests: the {@link EndToEndHub}, user ids from the {@code user}
 * query parameter, and Reactor Netty event loops of its own (several applications share the test
 * JVM; one closing with the global resources would stop them for all). Started by the tests with
 * {@code hubkit.backplane.type=service} and a connection string to the hub-service. Not a
 * component, so that the hub-service's component scan does not pick it up.
 */
@EnableAutoConfiguration
@Import(EndToEndHub.class)
public class AppServer {

    @Bean
    UserIdProvider queryParameterUserIds() {
        return (principal, request) -> request.queryParam("user");
    }

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
