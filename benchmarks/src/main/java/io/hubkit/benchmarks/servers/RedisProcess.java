package io.hubkit.benchmarks.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away {@code redis-server} on a free loopback port for the scale-out scenario: no
 * persistence, stopped by {@link #close()} (and by a shutdown hook if the tool dies first).
 */
public final class RedisProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Thread reaper;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.reaper = new Thread(process::destroyForcibly, "stop-redis-" + port);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts {@code executable} (usually {@code redis-server}) and waits until it accepts connections. */
    public static RedisProcess start(String executable, Path scratch) throws IOException {
        int port = FreePorts.next();
        Files.createDirectories(scratch);
        Path log = scratch.resolve("redis-" + port + ".log");
        Process process = new ProcessBuilder(List.of(executable, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(scratch.toFile())
                .start();
        RedisProcess redis = new RedisProcess(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                redis.close();
                throw new IOException("redis-server exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return redis;
            } catch (IOException e) {
                sleep();
            }
        }
        redis.close();
        throw new IOException("redis-server did not start within 20 s");
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs anyway
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
