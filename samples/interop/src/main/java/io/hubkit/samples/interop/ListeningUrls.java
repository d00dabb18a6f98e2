package io.hubkit.samples.interop;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints {@code Now listening on: <url>} once per listening URL when the application is ready — the
 * line the official test runner waits for: the HTTPS listener first (when started with TLS, see
 * {@link HttpsListener}), then the HTTP server. The host is {@code server.address}, or
 * {@code 127.0.0.1} when the server listens on every interface.
 */
@Component
class ListeningUrls implements ApplicationListener<ApplicationReadyEvent> {

    private final Environment environment;
    private final ObjectProvider<HttpsListener> https;

    ListeningUrls(Environment environment, ObjectProvider<HttpsListener> https) {
        this.environment = environment;
        this.https = https;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        List<String> urls = new ArrayList<>();
        HttpsListener tls = https.getIfAvailable();
        if (tls != null && tls.port() > 0) {
            urls.add("https://" + host() + ":" + tls.port());
        }
        urls.add("http://" + host() + ":" + web.getWebServer().getPort());
        PrintStream out = System.out;
        for (String url : urls) {
            out.println("Now listening on: " + url);
        }
        out.flush();
    }

    private String host() {
        String address = environment.getProperty("server.address");
        if (address == null || address.isBlank()) {
            return "127.0.0.1";
        }
        try {
            InetAddress inet = InetAddress.getByName(address);
            if (inet.isAnyLocalAddress()) {
                return "127.0.0.1";
            }
        } catch (UnknownHostException e) {
            return address;
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
