package io.hubkit.samples.interop.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Issues and checks the test server's bearer tokens: HS256 JWTs signed with a key made at startup,
 * issuer {@code SignalRTestServer}, audience {@code SignalRTests}, the user as NameIdentifier
 * ({@code sub}) claim, valid for {@value #LIFETIME_SECONDS} seconds. Checking validates the
 * signature and the lifetime only, with the {@value #CLOCK_SKEW_MINUTES}-minute clock skew .NET's
 * JWT bearer handler allows by default (so a 5-second token outlives a slow test, as there).
 * Thread-safe.
 */
@Component
public class TestTokens {

    static final long LIFETIME_SECONDS = 5;
    static final long CLOCK_SKEW_MINUTES = 5;

    private final byte[] key;
    private final Clock clock;

    public TestTokens() {
        this(Clock.systemUTC());
    }

    TestTokens(Clock clock) {
        this.key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.clock = clock;
    }

    /** A new token for {@code user}. */
    public String issue(String user) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(user)
                .issuer("SignalRTestServer")
                .audience("SignalRTests")
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(LIFETIME_SECONDS)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** The user of {@code token}, or empty when it is malformed, forged, expired or has no subject. */
    public Optional<TokenUser> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Duration skew = Duration.ofMinutes(CLOCK_SKEW_MINUTES);
            if (claims.getExpirationTime() == null || now.minus(skew).isAfter(claims.getExpirationTime().toInstant())) {
                return Optional.empty();
            }
            if (claims.getNotBeforeTime() != null && now.plus(skew).isBefore(claims.getNotBeforeTime().toInstant())) {
                return Optional.empty();
            }
            if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> all = claims.getClaims();
            return Optional.of(new TokenUser(claims.getSubject(), all));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
