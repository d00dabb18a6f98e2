package io.hubkit.benchmarks.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user plus system) a process has used so far, from {@code /proc/<pid>/stat} (Linux;
 * clock ticks of 10 ms). Differences of two readings over a window, divided by the window, give the
 * cores the process kept busy. Returns -1 where {@code /proc} is not available.
 */
public final class ProcessCpu {

    private static final double SECONDS_PER_TICK = 0.01;

    private ProcessCpu() {
    }

    /** Seconds of CPU used by process {@code pid} and its threads, or -1. */
    public static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may contain spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long user = Long.parseLong(fields[11]);
            long system = Long.parseLong(fields[12]);
            return (user + system) * SECONDS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Seconds of CPU used by this process. */
    public static double self() {
        return seconds(ProcessHandle.current().pid());
    }
}
