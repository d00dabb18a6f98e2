package io.hubkit.backplane.redis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code redis-server} process this test started: on a free port of 127.0.0.1, without
 * persistence ({@code --save "" --appendonly no}), in its own temporary directory. It can be
 * killed ({@code SIGKILL}, as a crash) and started again on the same port, and is stopped and its
 * directory deleted by {@link #close()}. It never touches a Redis it did not start.
 *
 * <p>{@code redis-server} and {@code redis-cli} must be on the PATH (Debian's {@code redis-server}
 * package; the CI script installs it).
 */
public final class RedisServer implements AutoCloseable {

    /** How long a server may take to start or stop (generous: only to avoid hanging builds). */
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final int port;
    private final Path directory;
    private final List<String> extraArguments;
    private Process process;

    private RedisServer(int port, Path directory, List<String> extraArguments) {
        this.port = port;
        this.directory = directory;
        this.extraArguments = extraArguments;
    }

    /** Starts a standalone server on a free port. */
    public static RedisServer start() {
        return start(List.of(), false);
    }

    /**
     * Starts a server with extra {@code redis-server} arguments; with {@code clusterBusPort} the
     * port is chosen so that port + 10000 (Redis Cluster's bus) is free too.
     */
    static RedisServer start(List<String> extraArguments, boolean clusterBusPort) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort(clusterBusPort);
            Path directory;
            try {
                directory = Files.createTempDirectory("hubkit-redis-" + port + "-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            RedisServer server = new RedisServer(port, directory, List.copyOf(extraArguments));
            try {
                server.startProcess();
                return server;
            } catch (IllegalStateException e) {
                last = e; // the port was taken meanwhile: try another
                server.close();
            }
        }
        throw last;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:port}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Whether the process is running. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Kills the process at once (SIGKILL), like a crash; connections drop without a goodbye. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
            process = null;
        }
    }

    /** Starts the process again on the same port (after {@link #kill()}), empty. */
    public synchronized void restart() {
        if (isRunning()) {
            throw new IllegalStateException("Redis on port " + port + " is still running");
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                startProcess();
                return;
            } catch (IllegalStateException e) {
                last = e; // the old socket may linger for a moment
                sleep(Duration.ofMillis(200));
            }
        }
        throw last;
    }

    /** Runs {@code redis-cli} against this server and returns its output (trimmed). */
    public String cli(String... arguments) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port)));
        command.addAll(List.of(arguments));
        return run(command, directory);
    }

    /** Stops the process (SIGTERM, then SIGKILL) and deletes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    waitFor(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
        }
        deleteRecursively(directory);
    }

    @Override
    public String toString() {
        return "RedisServer[" + port + "]";
    }

    private void startProcess() {
        List<String> command = new ArrayList<>(List.of("redis-server",
                "--port", String.valueOf(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", directory.toString(),
                "--logfile", directory.resolve("redis.log").toString()));
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("stdout.log").toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start redis-server (is it on the PATH?)", e);
        }
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                process = null;
                throw new IllegalStateException("redis-server on port " + port + " exited: " + log());
            }
            if ("PONG".equals(pingQuietly())) {
                return;
            }
            sleep(Duration.ofMillis(20));
        }
        process.destroyForcibly();
        process = null;
        throw new IllegalStateException("redis-server on port " + port + " did not answer within " + STARTUP);
    }

    private String pingQuietly() {
        try {
            return cli("ping");
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private String log() {
        try {
            Path file = directory.resolve("redis.log");
            return Files.exists(file) ? Files.readString(file) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    static String run(List<String> command, Path directory) {
        try {
            Process cli = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            byte[] output = cli.getInputStream().readAllBytes();
            if (!cli.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
                cli.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            return new String(output, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + " (is it on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static int freePort(boolean clusterBusPort) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (port == 6379) {
                continue;
            }
            if (!clusterBusPort) {
                return port;
            }
            if (port + 10000 <= 65535) {
                try (ServerSocket bus = new ServerSocket(port + 10000, 1, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException e) {
                    // the bus port is taken: try another
                }
            }
        }
        throw new IllegalStateException("No free port found");
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
