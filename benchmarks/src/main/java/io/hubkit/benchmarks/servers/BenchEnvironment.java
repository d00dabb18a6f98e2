package io.hubkit.benchmarks.servers;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the tool finds what it starts and writes: the {@code benchmarks} folder (Node scripts and
 * socket.io), the {@code js-clients} folder (the official SignalR client for the check mode), the
 * output folder, the class path the Java servers start from, and their JVM options. Immutable.
 *
 * @param benchDir       the {@code benchmarks} module folder
 * @param jsDir          the {@code js-clients} module folder
 * @param outDir         where reports go ({@code benchmarks/results} by default)
 * @param classPath      the class path of this tool, reused for the Java servers
 * @param serverJvmOptions JVM options of every Java server under test
 */
public record BenchEnvironment(Path benchDir, Path jsDir, Path outDir, String classPath, List<String> serverJvmOptions) {

    /** The JVM options the Java servers get unless told otherwise: the same heap cap for all. */
    public static final List<String> DEFAULT_SERVER_JVM_OPTIONS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC");

    public BenchEnvironment {
        serverJvmOptions = List.copyOf(serverJvmOptions);
    }

    /**
     * Finds the folders: explicit values win, then the system properties {@code hubkit.bench.dir},
     * {@code hubkit.js.dir} and {@code hubkit.bench.out}, then {@code benchmarks} and
     * {@code js-clients} below or beside the working directory.
     */
    public static BenchEnvironment locate(Path benchDir, Path jsDir, Path outDir, List<String> jvmOptions) {
        Path bench = benchDir != null ? benchDir : fromProperty("hubkit.bench.dir");
        if (bench == null) {
            bench = findUpwards("benchmarks", "node");
        }
        Path js = jsDir != null ? jsDir : fromProperty("hubkit.js.dir");
        if (js == null) {
            js = bench.toAbsolutePath().normalize().resolveSibling("js-clients");
        }
        Path out = outDir != null ? outDir : fromProperty("hubkit.bench.out");
        if (out == null) {
            out = bench.resolve("results");
        }
        List<String> options = jvmOptions == null || jvmOptions.isEmpty() ? DEFAULT_SERVER_JVM_OPTIONS : jvmOptions;
        return new BenchEnvironment(bench.toAbsolutePath().normalize(), js.toAbsolutePath().normalize(),
                out.toAbsolutePath().normalize(), absoluteClassPath(), options);
    }

    /** The {@code java} executable of the running JVM. */
    public String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Scratch space for server logs and check-mode output (ignored by git). */
    public Path scratchDir() {
        return outDir.resolve("tmp");
    }

    /** Whether {@code npm ci} has installed socket.io in the benchmarks folder. */
    public boolean socketIoInstalled() {
        return Files.isDirectory(benchDir.resolve("node_modules").resolve("socket.io"));
    }

    /** Whether the official SignalR client is installed in the js-clients folder. */
    public boolean signalrClientInstalled() {
        return Files.isDirectory(jsDir.resolve("node_modules").resolve("@microsoft").resolve("signalr"));
    }

    /** This JVM's class path with every entry absolute, so that servers can start from any folder. */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path fromProperty(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static Path findUpwards(String folder, String marker) {
        Path current = Path.of("").toAbsolutePath();
        for (Path dir = current; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(marker)) && dir.getFileName() != null
                    && dir.getFileName().toString().equals(folder)) {
                return dir;
            }
            Path child = dir.resolve(folder);
            if (Files.isDirectory(child.resolve(marker))) {
                return child;
            }
        }
        throw new IllegalStateException("Cannot find the '" + folder + "' folder from " + current
                + "; run from the project checkout or pass --bench-dir");
    }
}
