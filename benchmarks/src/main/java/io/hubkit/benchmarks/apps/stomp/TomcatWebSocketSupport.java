package io.hubkit.benchmarks.apps.stomp;

import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Installs Tomcat's WebSocket container in the embedded server — what Spring Boot's own websocket
 * module does, which this build cannot use (see the module's pom).
 */
@Component
class TomcatWebSocketSupport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addServletContainerInitializer(new WsSci(), null));
    }
}
