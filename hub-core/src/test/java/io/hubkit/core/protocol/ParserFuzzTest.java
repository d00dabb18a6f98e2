package io.hubkit.core.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzz tests of the JSON, MessagePack and handshake parsers
 * ({@link ParserFuzzTarget}). In a normal build Jazzer runs them in regression mode: each seed of
 * {@code src/test/resources/io/hubkit/core/protocol/ParserFuzzTestInputs/<method>/} (generated from
 * the golden vectors by {@link FuzzSeeds}, plus any crash reproducer found later) is one test.
 * With {@code JAZZER_FUZZ=1} the first of them is fuzzed for its {@code maxDuration}; the build's
 * bounded run is {@link ParserFuzzingRun}.
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void json(byte[] data) {
        ParserFuzzTarget.json(data);
    }

    @FuzzTest(maxDuration = "5m")
    void messagePack(byte[] data) {
        ParserFuzzTarget.messagePack(data);
    }

    @FuzzTest(maxDuration = "5m")
    void handshake(byte[] data) {
        ParserFuzzTarget.handshake(data);
    }
}
