package io.hubkit.benchmarks;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** One-line progress messages on standard error, so a long run shows where it is. Thread-safe. */
public final class Progress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static volatile boolean quiet;

    private Progress() {
    }

    /** Silences progress output (tests). */
    public static void quiet(boolean value) {
        quiet = value;
    }

    public static void say(String message) {
        if (!quiet) {
            System.err.println("[bench " + LocalTime.now().format(TIME) + "] " + message);
        }
    }
}
