package io.hubkit.benchmarks.apps.stomp;

import io.hubkit.benchmarks.apps.stats.ConnectionCounter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Starts the STOMP peer on Tomcat. Settings come from {@code stomp-peer.yml} and the command line
 * ({@code --server.port=8080}). The web stack is fixed to servlet because HubKit's reactive stack
 * shares the class path.
 */
@SpringBootApplication
public class StompPeerApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(StompPeerApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=stomp-peer")
                .run(args);
    }

    @Bean
    ConnectionCounter connectionCounter() {
        return new ConnectionCounter();
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        connectionCounter().opened();
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        connectionCounter().closed();
    }
}
