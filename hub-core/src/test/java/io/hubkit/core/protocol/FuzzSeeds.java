package io.hubkit.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The seed corpora of the fuzz tests, derived from the golden vectors: every JSON and MessagePack
 * message of the valid and invalid sections, and every handshake request. {@link #main} writes them
 * as Jazzer's inputs folders under {@code src/test/resources} (run it from the module folder with
 * {@code -Dhubkit.shared.dir=...} after the vectors change); {@link FuzzSeedsTest} fails when the
 * committed folders differ from what the vectors give.
 */
final class FuzzSeeds {

    /** Where the seed folders live, relative to the module folder. */
    static final Path RESOURCES = Paths.get("src", "test", "resources", "io", "hubkit", "core", "protocol");

    private FuzzSeeds() {
    }

    /** The seeds of one fuzz test method, by file name, for the methods of {@link ParserFuzzTest} and {@link ParserFuzzingRun}. */
    static Map<String, byte[]> of(String method) {
        Map<String, byte[]> seeds = new TreeMap<>();
        switch (method) {
            case "json" -> json(seeds);
            case "messagePack" -> messagePack(seeds);
            case "handshake" -> handshake(seeds);
            case "all" -> {
                Map<String, byte[]> json = new TreeMap<>();
                json(json);
                json.forEach((name, bytes) -> seeds.put(name, prefixed((byte) 0, bytes)));
                Map<String, byte[]> packed = new TreeMap<>();
                messagePack(packed);
                packed.forEach((name, bytes) -> seeds.put(name, prefixed((byte) 1, bytes)));
                Map<String, byte[]> handshakes = new TreeMap<>();
                handshake(handshakes);
                handshakes.forEach((name, bytes) -> seeds.put(name, prefixed((byte) 2, bytes)));
            }
            default -> throw new IllegalArgumentException("No fuzz test method " + method);
        }
        return seeds;
    }

    /** The inputs folder of {@code method} of {@code testClass}. */
    static Path folder(Class<?> testClass, String method) {
        return RESOURCES.resolve(testClass.getSimpleName() + "Inputs").resolve(method);
    }

    /** Rewrites the generated seed files (files of other names, such as crash reproducers, stay). */
    public static void main(String[] args) throws IOException {
        for (String method : new String[] {"json", "messagePack", "handshake"}) {
            write(folder(ParserFuzzTest.class, method), of(method));
        }
        write(folder(ParserFuzzingRun.class, "all"), of("all"));
    }

    private static void write(Path folder, Map<String, byte[]> seeds) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith("vector-")).toList()) {
                Files.delete(file);
            }
        }
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Files.write(folder.resolve(seed.getKey()), seed.getValue());
        }
    }

    private static void json(Map<String, byte[]> seeds) {
        for (String section : new String[] {"json", "json_invalid"}) {
            for (JsonNode entry : HubProtocolVectors.section(section)) {
                String text = HubProtocolVectors.text(entry, "text");
                if (text != null) {
                    seeds.put(name(section, entry), text.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static void messagePack(Map<String, byte[]> seeds) {
        for (String section : new String[] {"messagepack", "messagepack_invalid"}) {
            for (JsonNode entry : HubProtocolVectors.section(section)) {
                String hex = HubProtocolVectors.text(entry, "hex");
                if (hex != null) {
                    seeds.put(name(section, entry), HubProtocolVectors.hex(hex));
                }
            }
        }
    }

    private static void handshake(Map<String, byte[]> seeds) {
        for (JsonNode entry : HubProtocolVectors.section("handshake")) {
            String text = HubProtocolVectors.text(entry, "text");
            if (text != null && "request".equals(HubProtocolVectors.text(entry, "direction"))) {
                seeds.put(name("handshake", entry), text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String name(String section, JsonNode entry) {
        String name = HubProtocolVectors.text(entry, "name");
        return "vector-" + section + "-" + (name == null ? "unnamed" : name.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    private static byte[] prefixed(byte parser, byte[] bytes) {
        byte[] out = new byte[bytes.length + 1];
        out[0] = parser;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }
}
