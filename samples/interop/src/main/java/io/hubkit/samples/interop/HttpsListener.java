package io.hubkit.samples.interop;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.stereotype.Component;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A second listener, for HTTPS, serving the same application as the HTTP server — the official test
 * runner wants one of each. Present only when {@code interop.https.port} is set (0 picks a free
 * port); the certificate is the Spring SSL bundle named by {@code interop.https.bundle} (default
 * {@code interop}, e.g. {@code spring.ssl.bundle.jks.interop.keystore.location=…}). Binds to
 * {@code server.address} when set, otherwise to every interface. Thread-safe.
 */
@Component
@ConditionalOnProperty(prefix = "interop.https", name = "port")
class HttpsListener implements SmartLifecycle {

    private final HttpHandler handler;
    private final SslBundles bundles;
    private final Environment environment;
    private volatile DisposableServer server;

    HttpsListener(HttpHandler handler, SslBundles bundles, Environment environment) {
        this.handler = handler;
        this.bundles = bundles;
        this.environment = environment;
    }

    /** The bound port, or 0 when not started. */
    int port() {
        DisposableServer current = server;
        return current == null ? 0 : current.port();
    }

    @Override
    public void start() {
        SslBundle bundle = bundles.getBundle(environment.getProperty("interop.https.bundle", "interop"));
        SslContext ssl;
        try {
            ssl = SslContextBuilder.forServer(bundle.getManagers().getKeyManagerFactory()).build();
        } catch (SSLException e) {
            throw new IllegalStateException("Cannot set up TLS for the HTTPS listener", e);
        }
        HttpServer http = HttpServer.create()
                .port(environment.getRequiredProperty("interop.https.port", Integer.class))
                .secure(spec -> spec.sslContext(ssl))
                .handle(new ReactorHttpHandlerAdapter(handler));
        String address = environment.getProperty("server.address");
        if (address != null && !address.isBlank()) {
            http = http.host(address);
        }
        server = http.bindNow();
    }

    @Override
    public void stop() {
        DisposableServer current = server;
        server = null;
        if (current != null) {
            current.disposeNow();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
