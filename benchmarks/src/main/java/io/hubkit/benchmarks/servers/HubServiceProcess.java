package io.hubkit.benchmarks.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A hub service (HubKit's {@code hub-service}, default mode) running as a child process on
 * {@code 127.0.0.1:port} for the scale-out scenario, started from its runnable jar with an access
 * key chosen here (random per start). Ready once {@code GET /api/health} answers 200;
 * {@link #awaitAppServers} then waits until the app servers have connected to a hub. Stopped by
 * {@link #close()} (SIGTERM, then SIGKILL after ten seconds) and by a shutdown hook if the tool dies
 * first. Its output goes to a log file in the scratch folder. Not thread-safe; one owner.
 */
public final class HubServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess process;
    private final int port;
    private final String accessKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HubServiceProcess(Process process, int port, String accessKey, Path log) {
        this.process = new ChildProcess(process, log, "hub-service-" + port);
        this.port = port;
        this.accessKey = accessKey;
    }

    /**
     * The runnable jar of {@code hub-service} ({@code hub-service…exec.jar}, a dependency of the
     * benchmarks module): on this tool's class path (the build's tests), or in the {@code lib}
     * folder beside the tool's jar ({@code java -jar benchmarks.jar}, whose manifest lists it); null
     * when it is in neither place.
     */
    public static Path jarOnClassPath() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (isServiceJar(path)) {
                return path;
            }
            Path lib = path.getParent() == null ? null : path.getParent().resolve("lib");
            if (Files.isRegularFile(path) && lib != null && Files.isDirectory(lib)) {
                try (Stream<Path> files = Files.list(lib)) {
                    Path found = files.filter(HubServiceProcess::isServiceJar).findFirst().orElse(null);
                    if (found != null) {
                        return found;
                    }
                } catch (IOException e) {
                    // unreadable folder: keep looking
                }
            }
        }
        return null;
    }

    private static boolean isServiceJar(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.startsWith("hub-service") && name.endsWith("exec.jar") && Files.isRegularFile(path);
    }

    /**
     * Starts the service from {@code jar} on a free port with the environment's server JVM options
     * and {@code extraArgs} (Spring properties) appended, and waits until it is ready.
     *
     * @throws IOException when it cannot be started or is not ready within 90 seconds (the log's
     *         tail is in the message)
     */
    public static HubServiceProcess start(BenchEnvironment env, Path jar, List<String> extraArgs) throws IOException {
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IOException("the hub-service runnable jar was not found (" + jar + "); build hub-service or pass "
                    + "--hub-service-jar");
        }
        int port = FreePorts.next();
        String accessKey = newAccessKey();
        Files.createDirectories(env.scratchDir());
        Path log = env.scratchDir().resolve("hub-service-" + port + ".log");
        List<String> command = new ArrayList<>();
        command.add(env.javaCommand());
        command.addAll(env.serverJvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.add("--hubkit.service.access-keys=" + accessKey);
        command.add("--hubkit.service.public-endpoint=http://127.0.0.1:" + port);
        command.add("--spring.main.banner-mode=off");
        command.add("--logging.level.root=WARN");
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(env.scratchDir().toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        HubServiceProcess service = new HubServiceProcess(builder.start(), port, accessKey, log);
        try {
            service.awaitHealthy();
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** 32 random bytes, Base64url without padding: no {@code ;} or {@code =} to upset a connection string. */
    private static String newAccessKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public int port() {
        return port;
    }

    /** The operating-system process id (for CPU accounting). */
    public long pid() {
        return process.pid();
    }

    /** What an app server is given: {@code Endpoint=http://127.0.0.1;Port=…;AccessKey=…;Version=1.0;}. */
    public String connectionString() {
        return "Endpoint=http://127.0.0.1;Port=" + port + ";AccessKey=" + accessKey + ";Version=1.0;";
    }

    private void awaitHealthy() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("hub-service exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            if (get("/api/health") != null) {
                return;
            }
            ChildProcess.sleep(200);
        }
        throw new IOException("hub-service was not ready within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
    }

    /**
     * Waits until {@code appServers} distinct app servers hold server connections to {@code hub}
     * (the service's {@code /status.json}), so that clients are spread over all of them.
     *
     * @throws IOException when they have not within {@code timeout}, or the service died
     */
    public void awaitAppServers(String hub, int appServers, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("hub-service exited with " + process.exitValue() + ":\n" + logTail());
            }
            seen = appServersOf(hub);
            if (seen >= appServers) {
                return;
            }
            ChildProcess.sleep(200);
        }
        throw new IOException("only " + seen + " of " + appServers + " app servers connected to hub '" + hub
                + "' of the hub service within " + timeout.toSeconds() + " s:\n" + logTail());
    }

    private int appServersOf(String hub) throws IOException {
        String body = get("/status.json");
        if (body == null) {
            return 0;
        }
        for (JsonNode node : JSON.readTree(body).path("hubs")) {
            if (node.path("hub").asText().toLowerCase(Locale.ROOT).equals(hub.toLowerCase(Locale.ROOT))) {
                return node.path("servers").size();
            }
        }
        return 0;
    }

    /** The body of a 200 answer to {@code GET path}, or null for any other answer or no answer. */
    private String get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The last lines of the service's log, for error messages. */
    public String logTail() {
        return process.logTail();
    }

    @Override
    public void close() {
        process.close();
    }
}
