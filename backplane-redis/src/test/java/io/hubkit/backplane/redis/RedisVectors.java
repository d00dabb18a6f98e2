package io.hubkit.backplane.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The golden vectors of ASP.NET Core's Redis backplane ({@code vectors/redis-protocol.json} under
 * the shared directory named by the {@code hubkit.shared.dir} system property).
 */
final class RedisVectors {

    private static final JsonNode ROOT = load();

    private RedisVectors() {
    }

    static Stream<JsonNode> section(String name) {
        JsonNode section = ROOT.get(name);
        if (section == null || !section.isArray() || section.isEmpty()) {
            throw new IllegalStateException("The vectors have no '" + name + "' cases");
        }
        return StreamSupport.stream(section.spliterator(), false);
    }

    static JsonNode node(String name) {
        return ROOT.get(name);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static JsonNode load() {
        String shared = System.getProperty("hubkit.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("The system property hubkit.shared.dir is not set (the parent pom sets it)");
        }
        Path file = Path.of(shared, "vectors", "redis-protocol.json");
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
