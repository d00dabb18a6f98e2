package io.hubkit.samples.dashboard.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds Debian's {@code chromium} on the {@code PATH}, as {@code which chromium} would. */
public final class Chromium {

    private Chromium() {
    }

    /** The executable; fails the test (it does not skip) when there is none. */
    public static Path executable() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = dir.isEmpty() ? null : Path.of(dir, "chromium");
                if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("The browser test needs Debian's chromium on the PATH and found none. "
                + "Install it with 'apt-get install -y chromium' (.ci/run does this).");
    }
}
