package io.hubkit.samples.chat.service;

import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives a chat server started by a test its own Reactor Netty event loops. Several applications
 * share one JVM in these tests, and an application closing with the global resources would shut
 * them down for all (the hub-service and the other chat server included). Not a component: it is
 * added as a source by the tests that need it.
 */
class PrivateNettyResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
