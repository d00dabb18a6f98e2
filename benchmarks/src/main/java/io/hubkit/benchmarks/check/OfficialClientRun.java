package io.hubkit.benchmarks.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.benchmarks.report.ClientRun;
import io.hubkit.benchmarks.report.LatencySummary;
import io.hubkit.benchmarks.servers.BenchEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link CheckLoad} with the official {@code @microsoft/signalr} client: {@code node
 * node/signalr-check.js …} in its own process, whose one line of JSON on stdout is the result. The
 * script is killed if it runs a minute longer than its load.
 */
public final class OfficialClientRun {

    public static final String CLIENT = "official JS client";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfficialClientRun() {
    }

    /**
     * @param hubUrl   {@code http://127.0.0.1:PORT/hubs/bench}
     * @param protocol {@code json} or {@code messagepack}
     */
    public static ClientRun run(BenchEnvironment env, URI hubUrl, String protocol, CheckLoad load) {
        try {
            Files.createDirectories(env.scratchDir());
            Path log = Files.createTempFile(env.scratchDir(), "signalr-check-", ".log");
            Process process = new ProcessBuilder(List.of("node", env.benchDir().resolve("node").resolve("signalr-check.js").toString(),
                    "--js-dir", env.jsDir().toString(), "--url", hubUrl.toString(), "--protocol", protocol,
                    "--scenario", load.scenario(), "--clients", Integer.toString(load.clients()),
                    "--rate", Integer.toString(load.rate()), "--seconds", Integer.toString(load.seconds()),
                    "--payload", Integer.toString(load.payloadBytes())))
                    .redirectError(log.toFile())
                    .start();
            process.getOutputStream().close();
            byte[] out;
            if (!process.waitFor(load.seconds() + 60L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return failed("the check script did not finish in time; see " + log.getFileName());
            }
            out = process.getInputStream().readAllBytes();
            String text = new String(out, StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                return failed("no output (exit " + process.exitValue() + "): " + Files.readString(log).trim());
            }
            JsonNode result = JSON.readTree(text.substring(text.lastIndexOf('\n') + 1));
            if (result.hasNonNull("error")) {
                return failed(result.get("error").asText());
            }
            JsonNode l = result.path("latency");
            LatencySummary latency = new LatencySummary(l.path("count").asLong(), l.path("p50Ms").asDouble(),
                    l.path("p90Ms").asDouble(), l.path("p99Ms").asDouble(), l.path("p999Ms").asDouble(),
                    l.path("maxMs").asDouble(), l.path("meanMs").asDouble());
            long errors = result.path("errors").asLong();
            return new ClientRun(CLIENT, result.path("expected").asLong(), result.path("delivered").asLong(),
                    result.path("deliveredPerSec").asDouble(), latency, errors > 0 ? errors + " send errors" : null);
        } catch (IOException e) {
            return failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        }
    }

    private static ClientRun failed(String error) {
        return new ClientRun(CLIENT, 0, 0, 0, LatencySummary.EMPTY, error);
    }
}
