package io.hubkit.backplane.service.protocol;

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
 * The golden vectors of the Azure SignalR service protocol, connection strings and tokens
 * ({@code vectors/service-protocol.json} under the shared directory named by the
 * {@code hubkit.shared.dir} system property, which the build sets).
 */
public final class ServiceVectors {

    private static final JsonNode ROOT = load();

    private ServiceVectors() {
    }

    /** The entries of an array section; fails when the section is missing or empty. */
    public static Stream<JsonNode> section(String name) {
        JsonNode section = ROOT.get(name);
        if (section == null || !section.isArray() || section.isEmpty()) {
            throw new IllegalStateException("The vectors have no '" + name + "' cases");
        }
        return StreamSupport.stream(section.spliterator(), false);
    }

    /** A top-level member of the vector file. */
    public static JsonNode node(String name) {
        JsonNode node = ROOT.get(name);
        if (node == null) {
            throw new IllegalStateException("The vectors have no '" + name + "'");
        }
        return node;
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static JsonNode load() {
        String shared = System.getProperty("hubkit.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("The system property hubkit.shared.dir is not set (the parent pom sets it)");
        }
        Path file = Path.of(shared, "vectors", "service-protocol.json");
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
