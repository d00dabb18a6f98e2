package io.hubkit.samples.interop;

import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The test server of the official SignalR clients' functional tests, on HubKit: the hubs, the raw
 * {@code /echo} endpoint and the HTTP endpoints those tests call, with the same behaviour as the
 * ASP.NET Core test server (detailed errors, PascalCase JSON payloads, MessagePack, a JWT-protected
 * hub, redirects, negotiate cookies, a CORS echo), plus {@code /routinghub} for scale-out tests.
 *
 * <p>Start it with {@code java -jar interop.jar [--server.port=N]}; it prints one
 * {@code Now listening on: <url>} line per listening URL once it accepts connections.
 */
@SpringBootApplication
public class InteropApplication {

    public static void main(String[] args) {
        SpringApplication.run(InteropApplication.class, args);
    }

    /**
     * JSON with PascalCase payload names (the test server sets {@code PropertyNamingPolicy = null})
     * and MessagePack; payload types in this sample name their properties explicitly anyway.
     */
    @Bean
    HubProtocols hubProtocols() {
        return HubProtocols.of(JsonHubProtocol.pascalCase(), new MessagePackHubProtocol());
    }
}
