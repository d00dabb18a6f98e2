package io.hubkit.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's report into a folder: {@code report.json} (every figure), {@code report.md} (the
 * summary, the ratios, every step) and the PNG charts the summary shows. Existing files of the same
 * names are replaced; nothing else in the folder is touched.
 */
public final class ReportFiles {

    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    /** Writes everything; returns the files written. */
    public static List<Path> write(RunReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path json = folder.resolve(JSON);
        MAPPER.writeValue(json.toFile(), report);
        List<Path> charts = Charts.write(report, folder);
        Path markdown = folder.resolve(MARKDOWN);
        Files.writeString(markdown, MarkdownReport.render(report, charts.stream()
                .map(path -> path.getFileName().toString()).toList()));
        List<Path> written = new java.util.ArrayList<>(List.of(json, markdown));
        written.addAll(charts);
        return written;
    }

    /** Reads a {@code report.json} back (for tests and for combining runs). */
    public static RunReport read(Path json) throws IOException {
        return MAPPER.readValue(json.toFile(), RunReport.class);
    }
}
