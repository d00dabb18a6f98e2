package io.hubkit.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Node script of this module's {@code src/test/node} with the official SignalR client
 * packages on {@code NODE_PATH} (installed under the system property {@code hubkit.js.dir}),
 * feeding it {@code stdin} and returning the JSON object of its last output line. A failing run
 * fails with the script's stderr. The time limit only guards against hangs.
 */
final class NodeScript {

    private static final long TIME_LIMIT_SECONDS = 60;

    private NodeScript() {
    }

    static JsonNode run(String script, String stdin) throws IOException, InterruptedException {
        String jsDir = System.getProperty("hubkit.js.dir");
        if (jsDir == null || jsDir.isBlank()) {
            throw new IllegalStateException("System property hubkit.js.dir is not set (the parent pom sets it for Surefire)");
        }
        Path nodeModules = Path.of(jsDir, "node_modules");
        if (!Files.isDirectory(nodeModules.resolve("@microsoft/signalr"))) {
            throw new IllegalStateException("The official JS client is not installed under " + nodeModules);
        }
        Path scriptPath = Path.of("src", "test", "node", script).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("node", scriptPath.toString());
        builder.environment().put("NODE_PATH", nodeModules.toString());
        Process process = builder.start();
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node " + script + " did not finish; stderr: " + stderr.getNow(""));
        }
        String out = stdout.join();
        if (process.exitValue() != 0) {
            throw new AssertionError("node " + script + " exited with " + process.exitValue() + "; stderr:\n" + stderr.join());
        }
        String[] lines = out.strip().split("\\R");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stream.transferTo(out);
                return out.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
