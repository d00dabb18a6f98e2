package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps the vector tests honest: every section of test cases in the vectors file is run by one of
 * the vector test classes, and every skipped case names an entry that exists.
 */
class VectorCoverageTest {

    /** The sections the vector tests run; the others of the file are prose (notes, spec differences). */
    private static final Set<String> RUN = Set.of("json", "json_invalid", "messagepack", "messagepack_invalid", "handshake",
            "binary_framing", "text_framing");
    private static final Set<String> PROSE = Set.of("notes", "spec_differences", "version_notes");

    @Test
    void everySectionOfCasesIsRun() throws Exception {
        JsonNode root = new ObjectMapper().readTree(
                Path.of(System.getProperty("hubkit.shared.dir"), "vectors", "hub-protocol.json").toFile());
        Set<String> sections = new TreeSet<>();
        root.fields().forEachRemaining(field -> {
            if (field.getValue().isArray() && !PROSE.contains(field.getKey())) {
                sections.add(field.getKey());
            }
        });
        assertThat(sections).isEqualTo(new TreeSet<>(RUN));
    }

    @Test
    void everySkipNamesAnExistingEntry() {
        List<String> missing = new ArrayList<>();
        for (VectorSkips.Skip skip : VectorSkips.SKIPS) {
            boolean found = HubProtocolVectors.section(skip.section()).stream()
                    .anyMatch(entry -> entry.get("name").asText().equals(skip.name()));
            if (!found) {
                missing.add(skip.section() + "/" + skip.name());
            }
        }
        assertThat(missing).isEmpty();
        assertThat(VectorSkips.SKIPS).hasSize(10);
    }
}
