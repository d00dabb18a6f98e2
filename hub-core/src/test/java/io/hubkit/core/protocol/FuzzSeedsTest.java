package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed seed corpora are exactly what the golden vectors give ({@link FuzzSeeds}): nothing
 * missing, nothing stale, byte for byte, and none empty.
 */
class FuzzSeedsTest {

    @ParameterizedTest
    @CsvSource({"ParserFuzzTest,json", "ParserFuzzTest,messagePack", "ParserFuzzTest,handshake", "ParserFuzzingRun,all"})
    void seedFoldersMatchTheVectors(String testClass, String method) throws IOException {
        Class<?> type = "ParserFuzzTest".equals(testClass) ? ParserFuzzTest.class : ParserFuzzingRun.class;
        Map<String, byte[]> expected = FuzzSeeds.of(method);
        assertThat(expected).isNotEmpty();
        Map<String, String> committed = new TreeMap<>();
        try (Stream<Path> files = Files.list(FuzzSeeds.folder(type, method))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("vector-")).toList()) {
                committed.put(file.getFileName().toString(), HubProtocolVectors.hex(Files.readAllBytes(file)));
            }
        }
        Map<String, String> wanted = new TreeMap<>();
        expected.forEach((name, bytes) -> wanted.put(name, HubProtocolVectors.hex(bytes)));
        assertThat(committed).as("run FuzzSeeds.main to regenerate").isEqualTo(wanted);
    }
}
