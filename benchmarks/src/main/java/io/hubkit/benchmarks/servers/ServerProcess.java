package io.hubkit.benchmarks.servers;

import io.hubkit.benchmarks.apps.stats.ServerStats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One server under test running as a child process on {@code 127.0.0.1:port}: started by
 * {@link #start}, ready once it answers {@code GET /bench/stats}, stopped by {@link #close()}
 * (SIGTERM, then SIGKILL after ten seconds). Its output goes to a log file in the scratch folder.
 * A JVM shutdown hook stops it too if the tool dies first. Not thread-safe; one owner.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final ServerKind kind;
    private final int port;
    private final ChildProcess process;
    private final StatsClient stats;

    private ServerProcess(ServerKind kind, int port, Process process, Path log) {
        this.kind = kind;
        this.port = port;
        this.process = new ChildProcess(process, log, kind.id() + "-" + port);
        this.stats = new StatsClient(URI.create("http://127.0.0.1:" + port + "/bench/stats"));
    }

    /**
     * Starts a {@code kind} server on a free port with {@code extraArgs} appended to its command
     * line (Spring properties such as {@code --hubkit.backplane.type=redis} for the Java apps), and
     * waits until it is ready.
     *
     * @throws IOException when it cannot be started or is not ready within 90 seconds (the log's
     *         tail is in the message)
     */
    public static ServerProcess start(BenchEnvironment env, ServerKind kind, List<String> extraArgs) throws IOException {
        int port = FreePorts.next();
        List<String> command = command(env, kind, port, extraArgs);
        Files.createDirectories(env.scratchDir());
        Path log = env.scratchDir().resolve(kind.id() + "-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(env.benchDir().toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA_TOOL_OPTIONS");
        ServerProcess server = new ServerProcess(kind, port, builder.start(), log);
        try {
            server.awaitReady();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static List<String> command(BenchEnvironment env, ServerKind kind, int port, List<String> extraArgs) {
        List<String> command = new ArrayList<>();
        if (kind == ServerKind.SOCKETIO) {
            command.add("node");
            command.add("--expose-gc");
            command.add(env.benchDir().resolve("node").resolve("socketio-server.js").toString());
            command.add(Integer.toString(port));
            command.addAll(extraArgs);
            return command;
        }
        command.add(env.javaCommand());
        command.addAll(env.serverJvmOptions());
        command.add("-cp");
        command.add(env.classPath());
        switch (kind) {
            case HUBKIT -> command.add("io.hubkit.benchmarks.apps.hubkit.BenchmarkHubApplication");
            case STOMP -> command.add("io.hubkit.benchmarks.apps.stomp.StompPeerApplication");
            case NETTY -> command.add("io.hubkit.benchmarks.apps.netty.BareNettyServer");
            default -> throw new IllegalArgumentException(kind.toString());
        }
        command.add(kind == ServerKind.NETTY ? "--port=" + port : "--server.port=" + port);
        command.addAll(extraArgs);
        return command;
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(kind.displayName() + " exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            if (accepts()) {
                stats();
                return;
            }
            ChildProcess.sleep(200);
        }
        throw new IOException(kind.displayName() + " was not ready within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public ServerKind kind() {
        return kind;
    }

    public int port() {
        return port;
    }

    /** The operating-system process id (for CPU accounting). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code ws://127.0.0.1:port/<path>} of the server's WebSocket endpoint. */
    public URI webSocketUri() {
        return URI.create("ws://127.0.0.1:" + port + kind.webSocketPath());
    }

    /** Connections and memory, measured by the server after a full GC. */
    public ServerStats stats() throws IOException {
        return stats.fetch();
    }

    /** The last lines of the server's log, for error messages. */
    public String logTail() {
        return process.logTail();
    }

    @Override
    public void close() {
        process.close();
    }
}
