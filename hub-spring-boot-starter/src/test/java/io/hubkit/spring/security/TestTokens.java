package io.hubkit.spring.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Signs real HS256 JWTs for the tests, with the secret the test application's decoder checks. */
final class TestTokens {

    static final byte[] SECRET = "hubkit-test-secret-of-at-least-256-bits!".getBytes(StandardCharsets.UTF_8);

    private TestTokens() {
    }

    /** A token for {@code subject} with {@code scope} (space-separated), valid from a minute ago for {@code life}. */
    static String issue(String subject, String scope, Duration life) {
        return sign(subject, scope, Instant.now().minusSeconds(60), Instant.now().plus(life), SECRET);
    }

    /** A token that expired {@code ago}. */
    static String expired(String subject, Duration ago) {
        Instant end = Instant.now().minus(ago);
        return sign(subject, "chat", end.minusSeconds(600), end, SECRET);
    }

    /** A well-formed token signed with another secret. */
    static String forged(String subject) {
        return sign(subject, "chat admin", Instant.now().minusSeconds(60), Instant.now().plusSeconds(600),
                "another-secret-of-at-least-256-bits-long!".getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String subject, String scope, Instant issuedAt, Instant expiresAt, byte[] secret) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("scope", scope)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
