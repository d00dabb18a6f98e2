package io.hubkit.core.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The short, bounded fuzzing run of every build: one Jazzer target covering the three parsers
 * (the first byte picks the parser, see {@link ParserFuzzTarget#any}), fuzzed for 25 seconds by the
 * Surefire execution {@code fuzz} of this module, which sets {@code JAZZER_FUZZ=1} for this class
 * only. Seeds: {@code ParserFuzzingRunInputs/all/}, the golden vectors with their parser byte. A
 * finding fails the build and is written as a reproducer under the build folder; copy it into
 * that inputs folder to keep it as a regression test. See {@code docs/security.md} for the long run.
 */
class ParserFuzzingRun {

    @FuzzTest(maxDuration = "25s")
    void all(byte[] data) {
        ParserFuzzTarget.any(data);
    }
}
