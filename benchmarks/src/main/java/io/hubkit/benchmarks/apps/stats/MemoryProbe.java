package io.hubkit.benchmarks.apps.stats;

import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures this JVM's memory for {@link ServerStats}: runs a full collection (twice, so that
 * objects freed by finalisation-like cleaners are gone too), then reads the live heap, the NIO
 * direct buffer pool, Netty's own direct memory counter (Netty allocates most of its direct buffers
 * without the JDK's accounting) and the process's resident set. Blocking (it waits for the
 * collections): call it on a worker thread, never on an event loop. Thread-safe.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    /** A snapshot taken after a full collection, with {@code connections} as the caller counts them. */
    public static ServerStats measure(long connections) {
        for (int i = 0; i < 2; i++) {
            System.gc();
            sleepQuietly(50);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ServerStats(connections, heap, directBytes(), residentBytes());
    }

    private static long directBytes() {
        long total = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if ("direct".equals(pool.getName())) {
                total += pool.getMemoryUsed();
            }
        }
        long netty = nettyDirectBytes();
        return netty > 0 ? total + netty : total;
    }

    private static long nettyDirectBytes() {
        try {
            return PlatformDependent.usedDirectMemory();
        } catch (LinkageError e) {
            return -1;
        }
    }

    /** VmRSS from /proc/self/status (Linux); -1 elsewhere. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
