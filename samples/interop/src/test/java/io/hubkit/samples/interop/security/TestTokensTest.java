package io.hubkit.samples.interop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The test server's tokens: what they carry, and which ones are refused. */
class TestTokensTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
    private final TestTokens tokens = new TestTokens(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    @Test
    void aTokenCarriesTheUserAsNameIdentifierAndTheContractsIssuerAndAudience() {
        TokenUser user = tokens.verify(tokens.issue("ada")).orElseThrow();

        assertThat(user.getName()).isEqualTo("ada");
        assertThat(user.claim(TokenUser.NAME_IDENTIFIER)).isEqualTo("ada");
        assertThat(user.claim("iss")).isEqualTo("SignalRTestServer");
        assertThat(user.claim("aud")).isEqualTo("SignalRTests");
        assertThat(user.claim("missing")).isEmpty();
    }

    @Test
    void tokensLiveFiveSecondsPlusTheClockSkewOfDotNet() {
        String token = tokens.issue("ada");
        now.set(now.get().plus(Duration.ofMinutes(5)).plusSeconds(4));
        assertThat(tokens.verify(token)).isPresent();
        now.set(now.get().plusSeconds(2));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void forgedOrMalformedTokensAreRefused() {
        String token = tokens.issue("ada");
        TestTokens otherServer = new TestTokens();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + otherServer.issue("eve").split("\\.")[1] + "." + parts[2];

        assertThat(tokens.verify(forged)).isEmpty();
        assertThat(tokens.verify(otherServer.issue("ada"))).isEmpty();
        assertThat(tokens.verify("not a token")).isEmpty();
    }
}
