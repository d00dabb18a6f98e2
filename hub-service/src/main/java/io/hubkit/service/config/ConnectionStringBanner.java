package io.hubkit.service.config;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Logs, once the server listens, the connection string applications use to reach the service.
 * With the development key the whole string is printed (it is public anyway, as the emulator's
 * is), with a warning; a configured key is not written to the log: the string shows
 * {@code AccessKey=<your access key>} instead.
 */
public final class ConnectionStringBanner implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ConnectionStringBanner.class);

    private final ServiceProperties properties;
    private final AccessKeys keys;

    public ConnectionStringBanner(ServiceProperties properties, AccessKeys keys) {
        this.properties = properties;
        this.keys = keys;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return; // the management server's context, if separate
        }
        URI endpoint = ConnectionStrings.publicEndpoint(properties.getPublicEndpoint(), event.getWebServer().getPort());
        if (keys.development()) {
            log.warn("No hubkit.service.access-keys configured: using the public development key. "
                    + "Configure your own keys before exposing this service.");
            log.info("Hub service ({} mode) connection string: {}", modeName(),
                    ConnectionStrings.of(endpoint, keys.primary()));
        } else {
            log.info("Hub service ({} mode) connection string: {} ({} access key(s) configured)", modeName(),
                    ConnectionStrings.of(endpoint, "<your access key>"), keys.keys().size());
        }
    }

    private String modeName() {
        return properties.getMode().name().toLowerCase(java.util.Locale.ROOT);
    }
}
