package io.hubkit.backplane.service.auth;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jwt.JWTClaimsSet;
import io.hubkit.backplane.service.auth.AccessTokenException.Reason;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validates access tokens as the service does: an HS256/HS512 signature made with any of the
 * configured keys (the primary and secondary key; {@code kid} is ignored for access keys), a
 * required {@code exp} not passed and an optional {@code nbf} reached (each with a small clock
 * skew), and an audience that {@link TokenAudience#matches matches} the resource. Each failure is
 * an {@link AccessTokenException} with its own {@link Reason}. Tokens are parsed with Nimbus JOSE;
 * the HMAC is checked in constant time. Immutable and thread-safe.
 */
public final class AccessTokenValidator {

    /** The clock skew allowed on {@code exp} and {@code nbf} unless said otherwise. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(2);

    /** Longer input is refused before parsing: well above the 4 KB the issuers produce. */
    static final int MAX_INPUT_LENGTH = 16 * 1024;

    private static final Set<String> REGISTERED = Set.of("aud", "exp", "nbf", "iat", "iss");

    private final List<String> accessKeys;
    private final Clock clock;
    private final Duration clockSkew;

    /** A validator for {@code accessKeys} with the system clock and {@link #DEFAULT_CLOCK_SKEW}. */
    public AccessTokenValidator(List<String> accessKeys) {
        this(accessKeys, Clock.systemUTC(), DEFAULT_CLOCK_SKEW);
    }

    public AccessTokenValidator(List<String> accessKeys, Clock clock, Duration clockSkew) {
        this.accessKeys = List.copyOf(accessKeys);
        if (this.accessKeys.isEmpty() || this.accessKeys.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("At least one non-empty access key is needed");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
    }

    /**
     * Validates {@code token} presented to {@code expectedAudience}.
     *
     * @param token the compact JWS (without {@code Bearer })
     * @param expectedAudience the resource URL the token must name, or {@code null} to skip the audience check
     * @throws AccessTokenException when the token is refused
     */
    public ValidatedAccessToken validate(String token, String expectedAudience) {
        if (token == null || token.isEmpty()) {
            throw new AccessTokenException(Reason.MALFORMED, "No access token was given.");
        }
        if (token.length() > MAX_INPUT_LENGTH) {
            throw new AccessTokenException(Reason.MALFORMED, "The access token is longer than "
                    + MAX_INPUT_LENGTH + " characters.");
        }
        JWSObject jws;
        JWTClaimsSet claims;
        try {
            jws = JWSObject.parse(token);
            claims = JWTClaimsSet.parse(jws.getPayload().toJSONObject());
        } catch (ParseException | RuntimeException e) {
            throw new AccessTokenException(Reason.MALFORMED, "The access token is not a valid JWT.");
        }
        int keyIndex = verifySignature(jws);
        Instant now = clock.instant();
        Instant expiresAt = checkTimes(claims, now);
        List<String> audiences = claims.getAudience();
        if (expectedAudience != null
                && audiences.stream().noneMatch(audience -> TokenAudience.matches(audience, expectedAudience))) {
            throw new AccessTokenException(Reason.WRONG_AUDIENCE, "The access token's audience "
                    + audiences + " does not match " + expectedAudience + ".");
        }
        return new ValidatedAccessToken(otherClaims(claims), audiences, expiresAt, keyIndex);
    }

    private int verifySignature(JWSObject jws) {
        TokenAlgorithm algorithm = TokenAlgorithm.fromHeader(jws.getHeader().getAlgorithm().getName());
        if (algorithm == null) {
            throw new AccessTokenException(Reason.UNSUPPORTED_ALGORITHM, "The access token is signed with "
                    + jws.getHeader().getAlgorithm().getName() + "; only HS256 and HS512 are accepted.");
        }
        byte[] signingInput = jws.getSigningInput();
        byte[] signature = jws.getSignature().decode();
        for (int i = 0; i < accessKeys.size(); i++) {
            if (HmacSigner.verify(algorithm, accessKeys.get(i), signingInput, signature)) {
                return i;
            }
        }
        throw new AccessTokenException(Reason.BAD_SIGNATURE, "The access token's signature is invalid.");
    }

    private Instant checkTimes(JWTClaimsSet claims, Instant now) {
        Date expiration;
        Date notBefore;
        try {
            expiration = claims.getExpirationTime();
            notBefore = claims.getNotBeforeTime();
        } catch (RuntimeException e) {
            throw new AccessTokenException(Reason.MALFORMED, "The access token's exp or nbf is not a number.");
        }
        if (expiration == null) {
            throw new AccessTokenException(Reason.MALFORMED, "The access token has no exp claim.");
        }
        Instant expiresAt = expiration.toInstant();
        if (now.minus(clockSkew).isAfter(expiresAt)) {
            throw new AccessTokenException(Reason.EXPIRED, "The access token expired at " + expiresAt + ".");
        }
        if (notBefore != null && now.plus(clockSkew).isBefore(notBefore.toInstant())) {
            throw new AccessTokenException(Reason.NOT_YET_VALID, "The access token is not valid before "
                    + notBefore.toInstant() + ".");
        }
        return expiresAt;
    }

    private static List<ServiceClaim> otherClaims(JWTClaimsSet claims) {
        List<ServiceClaim> result = new ArrayList<>();
        for (Map.Entry<String, Object> claim : claims.getClaims().entrySet()) {
            if (REGISTERED.contains(claim.getKey()) || claim.getValue() == null) {
                continue;
            }
            if (claim.getValue() instanceof List<?> values) {
                for (Object value : values) {
                    if (value != null) {
                        result.add(new ServiceClaim(claim.getKey(), text(value)));
                    }
                }
            } else {
                result.add(new ServiceClaim(claim.getKey(), text(claim.getValue())));
            }
        }
        return result;
    }

    private static String text(Object value) {
        return value instanceof Date date ? Long.toString(date.getTime() / 1000) : value.toString();
    }
}
