package io.hubkit.service.serverless;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How serverless mode runs the hub protocol for directly connected clients
 * ({@code hubkit.service.serverless.*}); the defaults are ASP.NET Core SignalR's.
 *
 * @param maxMessageSize    the largest hub message a client may send (32 KB)
 * @param handshakeTimeout  how long a client has to send its handshake (15 s)
 * @param keepAliveInterval how often the service pings an idle client (15 s)
 * @param clientTimeout     how long a client that has pinged once may stay silent before it is dropped (30 s)
 */
@ConfigurationProperties("hubkit.service.serverless")
public record ServerlessProperties(@DefaultValue("32KB") DataSize maxMessageSize,
                                   @DefaultValue("15s") Duration handshakeTimeout,
                                   @DefaultValue("15s") Duration keepAliveInterval,
                                   @DefaultValue("30s") Duration clientTimeout) {

    public ServerlessProperties {
        if (maxMessageSize == null || maxMessageSize.toBytes() < 1 || maxMessageSize.toBytes() > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("hubkit.service.serverless.max-message-size must be between 1B and 64MB");
        }
        positive(handshakeTimeout, "handshake-timeout");
        positive(keepAliveInterval, "keep-alive-interval");
        positive(clientTimeout, "client-timeout");
    }

    /** The defaults. */
    public static ServerlessProperties defaults() {
        return new ServerlessProperties(DataSize.ofKilobytes(32), Duration.ofSeconds(15), Duration.ofSeconds(15),
                Duration.ofSeconds(30));
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("hubkit.service.serverless." + name + " must be positive");
        }
    }
}
