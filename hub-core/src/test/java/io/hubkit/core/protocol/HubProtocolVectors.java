package io.hubkit.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The golden vectors of the hub protocols ({@code vectors/hub-protocol.json} under the shared
 * folder named by the system property {@code hubkit.shared.dir}), read once.
 */
final class HubProtocolVectors {

    private static final JsonNode ROOT = load();

    private HubProtocolVectors() {
    }

    /** The entries of one section ({@code json}, {@code messagepack}, {@code handshake}, …). */
    static List<JsonNode> section(String name) {
        JsonNode section = ROOT.get(name);
        if (section == null || !section.isArray()) {
            throw new IllegalStateException("The vectors file has no section '" + name + "'");
        }
        List<JsonNode> entries = new ArrayList<>();
        section.forEach(entries::add);
        return entries;
    }

    static JsonNode fixture(String name) {
        return ROOT.get("fixtures").get(name);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A text field of an entry, or {@code null} when absent or JSON null. */
    static String text(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    static boolean flag(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node != null && node.asBoolean();
    }

    private static JsonNode load() {
        String shared = System.getProperty("hubkit.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("System property hubkit.shared.dir is not set (the build sets it)");
        }
        Path file = Path.of(shared, "vectors", "hub-protocol.json");
        try {
            return new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
