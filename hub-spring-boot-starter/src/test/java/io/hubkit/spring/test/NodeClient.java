package io.hubkit.spring.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one Node script of {@code src/test/node} against a server and returns what it observed.
 *
 * <p>The script gets its arguments on the command line and finds the official SignalR client
 * through {@code NODE_PATH=<hubkit.js.dir>/node_modules}. It must print one JSON object as its last
 * line of stdout and exit 0; anything else (a non-zero exit, no JSON, the time limit) fails with
 * the script's stderr and stdout in the message. Each call starts one process, so scripts should
 * check many things per run. Thread-safe (no shared state).
 */
public final class NodeClient {

    /** The default time limit of one script run; only a guard against hangs. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path scriptDir;
    private final Path nodeModules;
    private final Duration timeout;

    private NodeClient(Path scriptDir, Path nodeModules, Duration timeout) {
        this.scriptDir = scriptDir;
        this.nodeModules = nodeModules;
        this.timeout = timeout;
    }

    /**
     * A harness for the scripts under {@code src/test/node} of this module, with the JS clients
     * installed under the system property {@code hubkit.js.dir}.
     */
    public static NodeClient create() {
        String jsDir = System.getProperty("hubkit.js.dir");
        if (jsDir == null || jsDir.isBlank()) {
            throw new IllegalStateException("System property hubkit.js.dir is not set (the parent pom sets it for Surefire)");
        }
        Path nodeModules = Paths.get(jsDir, "node_modules");
        if (!Files.isDirectory(nodeModules.resolve("@microsoft/signalr"))) {
            throw new IllegalStateException("The official JS client is not installed under " + nodeModules
                    + "; build the js-clients module first");
        }
        return new NodeClient(Paths.get("src", "test", "node").toAbsolutePath(), nodeModules, DEFAULT_TIMEOUT);
    }

    /** The same harness with another time limit per run. */
    public NodeClient withTimeout(Duration timeout) {
        return new NodeClient(scriptDir, nodeModules, timeout);
    }

    /** Runs {@code node <script> <args…>} and returns the JSON object of its last stdout line. */
    public JsonNode run(String script, String... args) {
        Path scriptPath = scriptDir.resolve(script);
        if (!Files.isRegularFile(scriptPath)) {
            throw new IllegalArgumentException("No such script: " + scriptPath);
        }
        List<String> command = new ArrayList<>();
        command.add("node");
        command.add(scriptPath.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(scriptDir.toFile());
        builder.environment().put("NODE_PATH", nodeModules.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node (is Node.js on the PATH?)", e);
        }
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("node " + script + " did not finish within " + timeout
                        + report(stdout, stderr));
            }
            int exit = process.exitValue();
            String out = stdout.get(10, TimeUnit.SECONDS);
            if (exit != 0) {
                throw new AssertionError("node " + script + " exited with " + exit + report(stdout, stderr));
            }
            String last = lastLine(out);
            if (last == null) {
                throw new AssertionError("node " + script + " printed nothing" + report(stdout, stderr));
            }
            try {
                return JSON.readTree(last);
            } catch (IOException e) {
                throw new AssertionError("node " + script + " did not end with a JSON line" + report(stdout, stderr), e);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for node " + script, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot read the output of node " + script, e);
        }
    }

    /** Reads a whole stream on its own daemon thread, so that neither pipe can fill up and stall the script. */
    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stream.transferTo(out);
                text.complete(out.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("<unreadable: " + e + ">");
            }
        }, "node-output-reader");
        reader.setDaemon(true);
        reader.start();
        return text;
    }

    private static String report(CompletableFuture<String> stdout, CompletableFuture<String> stderr) {
        return "\n--- stderr ---\n" + settled(stderr) + "\n--- stdout ---\n" + settled(stdout);
    }

    private static String settled(CompletableFuture<String> text) {
        try {
            return text.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "<interrupted>";
        } catch (ExecutionException | TimeoutException e) {
            return "<not read: " + e + ">";
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return null;
    }
}
