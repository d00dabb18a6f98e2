package io.hubkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build generates IDE metadata for every {@code hubkit.*} property, with its description and
 * default (as JSON; {@code null} for properties without one, such as maps of per-endpoint settings).
 */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyIsDescribedWithItsDefault() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.path("properties").forEach(property -> properties.put(property.path("name").asText(), property));
        // the hubs Actuator endpoint's own management.endpoint.hubs.* keys are Boot's, not ours
        properties.keySet().removeIf(name -> name.startsWith("management.endpoint.hubs."));

        Map<String, String> defaults = Map.ofEntries(
                Map.entry("hubkit.detailed-errors", "false"),
                Map.entry("hubkit.keep-alive-interval", "\"15s\""),
                Map.entry("hubkit.client-timeout-interval", "\"30s\""),
                Map.entry("hubkit.handshake-timeout", "\"15s\""),
                Map.entry("hubkit.maximum-receive-message-size", "\"32768B\""),
                Map.entry("hubkit.stream-buffer-capacity", "10"),
                Map.entry("hubkit.maximum-parallel-invocations-per-client", "1"),
                Map.entry("hubkit.client-result-timeout", "\"30s\""),
                Map.entry("hubkit.outbound-queue-capacity", "10000"),
                Map.entry("hubkit.disconnect-timeout", "\"15s\""),
                Map.entry("hubkit.transports", "[\"web-sockets\",\"server-sent-events\",\"long-polling\"]"),
                Map.entry("hubkit.access-token-query-parameter", "true"),
                Map.entry("hubkit.close-on-authentication-expiration", "false"),
                Map.entry("hubkit.limits.invocations-per-second", "0"),
                Map.entry("hubkit.limits.invocation-burst", "200"),
                Map.entry("hubkit.limits.max-streams-per-connection", "100"),
                Map.entry("hubkit.limits.max-groups-per-connection", "100"),
                Map.entry("hubkit.limits.max-connections", "0"),
                Map.entry("hubkit.limits.max-connections-per-user", "0"),
                Map.entry("hubkit.long-polling.poll-timeout", "\"90s\""),
                Map.entry("hubkit.stateful-reconnect.enabled", "false"),
                Map.entry("hubkit.stateful-reconnect.buffer-size", "\"100000B\""),
                Map.entry("hubkit.cors.allowed-origins", "null"),
                Map.entry("hubkit.cors.allowed-origin-patterns", "null"),
                Map.entry("hubkit.cors.allowed-headers", "[\"*\"]"),
                Map.entry("hubkit.cors.exposed-headers", "null"),
                Map.entry("hubkit.cors.allow-credentials", "true"),
                Map.entry("hubkit.cors.max-age", "\"30m\""),
                Map.entry("hubkit.cors.endpoints", "null"),
                Map.entry("hubkit.endpoints", "null"),
                Map.entry("hubkit.backplane.type", "\"local\""),
                Map.entry("hubkit.backplane.redis.uri", "\"redis://localhost:6379\""),
                Map.entry("hubkit.backplane.redis.nodes", "null"),
                Map.entry("hubkit.backplane.redis.mode", "\"standalone\""),
                Map.entry("hubkit.backplane.redis.channel-prefix", "\"\""),
                Map.entry("hubkit.backplane.redis.hub-channel-names", "null"),
                Map.entry("hubkit.backplane.redis.ack-timeout", "\"5s\""),
                Map.entry("hubkit.backplane.redis.client-result-timeout", "null"),
                Map.entry("hubkit.backplane.redis.command-timeout", "\"5s\""),
                Map.entry("hubkit.backplane.redis.connect-timeout", "\"5s\""),
                Map.entry("hubkit.backplane.redis.max-reconnect-delay", "\"2s\""),
                Map.entry("hubkit.backplane.redis.connection-check-interval", "\"1s\""),
                Map.entry("hubkit.backplane.redis.server-name", "null"),
                Map.entry("hubkit.backplane.service.connection-string", "null"),
                Map.entry("hubkit.backplane.service.application-name", "null"),
                Map.entry("hubkit.backplane.service.connection-count", "5"),
                Map.entry("hubkit.backplane.service.max-connection-count", "null"),
                Map.entry("hubkit.backplane.service.ack-timeout", "\"10s\""),
                Map.entry("hubkit.backplane.service.client-result-timeout", "null"),
                Map.entry("hubkit.backplane.service.shutdown-timeout", "\"5s\""),
                Map.entry("hubkit.backplane.service.server-id", "null"));
        assertThat(properties).containsOnlyKeys(defaults.keySet());
        defaults.forEach((name, expected) -> {
            JsonNode property = properties.get(name);
            assertThat(property.path("description").asText()).as("description of %s", name).isNotBlank();
            JsonNode actual = property.has("defaultValue") ? property.get("defaultValue") : null;
            assertThat(String.valueOf(actual)).as("default of %s", name).isEqualTo(expected);
        });
    }
}
