package io.hubkit.backplane.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubkit.backplane.service.auth.AccessTokenException.Reason;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each way a token can be refused, with its own reason, and the audience rule of the service. */
class AccessTokenValidatorTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String AUDIENCE = "https://svc.example/client/?hub=chat";

    private final AccessTokenIssuer issuer = new AccessTokenIssuer("primary-key", null, TokenAlgorithm.HS256, CLOCK);
    private final AccessTokenValidator validator = new AccessTokenValidator(List.of("primary-key", "secondary-key"),
            CLOCK, Duration.ofMinutes(2));

    @Test
    void aValidTokenGivesItsClaimsAndUser() {
        String token = issuer.issue(AUDIENCE, ClientTokenClaims.of("alice",
                List.of(new ServiceClaim("role", "a"), new ServiceClaim("role", "b"))));

        ValidatedAccessToken validated = validator.validate(token, "https://SVC.example:8443/client/?hub=CHAT");

        assertThat(validated.userId()).isEqualTo("alice");
        assertThat(validated.claims()).containsExactly(new ServiceClaim("asrs.s.uid", "alice"),
                new ServiceClaim("role", "a"), new ServiceClaim("role", "b"));
        assertThat(validated.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(validated.keyIndex()).isZero();
    }

    @Test
    void everyConfiguredKeyIsTried() {
        String token = new AccessTokenIssuer("secondary-key", null, TokenAlgorithm.HS512, CLOCK)
                .issue(AUDIENCE, List.of(new ServiceClaim("nameid", "server-1")));

        ValidatedAccessToken validated = validator.validate(token, AUDIENCE);

        assertThat(validated.keyIndex()).isEqualTo(1);
        assertThat(validated.userId()).isEqualTo("server-1");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String token = new AccessTokenIssuer("stolen", null, TokenAlgorithm.HS256, CLOCK).issue(AUDIENCE, List.of());
        assertReason(() -> validator.validate(token, AUDIENCE), Reason.BAD_SIGNATURE);

        String tampered = issuer.issue(AUDIENCE, List.of(new ServiceClaim("asrs.s.uid", "bob")));
        String[] parts = tampered.split("\\.");
        String forged = parts[0] + "." + base64("{\"asrs.s.uid\":\"admin\",\"exp\":1800000000,\"aud\":\""
                + AUDIENCE + "\"}") + "." + parts[2];
        assertReason(() -> validator.validate(forged, AUDIENCE), Reason.BAD_SIGNATURE);
    }

    @Test
    void expiredAndNotYetValidTokensAreRefusedBeyondTheSkew() {
        String token = issuer.issue(AUDIENCE, List.of(), Duration.ofMinutes(10));
        assertThat(at(NOW.plus(Duration.ofMinutes(11))).validate(token, AUDIENCE)).isNotNull();
        assertReason(() -> at(NOW.plus(Duration.ofMinutes(13))).validate(token, AUDIENCE), Reason.EXPIRED);

        assertThat(at(NOW.minus(Duration.ofMinutes(1))).validate(token, AUDIENCE)).isNotNull();
        assertReason(() -> at(NOW.minus(Duration.ofMinutes(3))).validate(token, AUDIENCE), Reason.NOT_YET_VALID);
    }

    @Test
    void theAudienceMustNameTheResource() {
        String token = issuer.issue(AUDIENCE, List.of());
        assertReason(() -> validator.validate(token, "https://svc.example/server/?hub=chat"), Reason.WRONG_AUDIENCE);
        assertReason(() -> validator.validate(token, "https://other.example/client/?hub=chat"), Reason.WRONG_AUDIENCE);
        assertReason(() -> validator.validate(token, "https://svc.example/client/?hub=news"), Reason.WRONG_AUDIENCE);
        assertReason(() -> validator.validate(token, "http://svc.example/client/?hub=chat"), Reason.WRONG_AUDIENCE);
        assertThat(validator.validate(token, null)).isNotNull();
    }

    @Test
    void restAudiencesIgnorePortQueryAndTrailingSlash() {
        String signed = "https://abc/api/hubs/hub/:send?application=app&api-version=2022-06-01";
        assertThat(TokenAudience.matches(signed, "https://abc:8443/api/hubs/hub/:send/")).isTrue();
        assertThat(TokenAudience.matches("https://abc/api/v1/hubs/myhub", "https://ABC/api/v1/hubs/myhub?x=1")).isTrue();
        assertThat(TokenAudience.matches(signed, "https://abc/api/hubs/hub/users/u/:send")).isFalse();
        assertThat(TokenAudience.matches("not a uri", "https://abc/")).isFalse();
    }

    @Test
    void malformedAndUnsignedTokensAreRefused() {
        assertReason(() -> validator.validate("", AUDIENCE), Reason.MALFORMED);
        assertReason(() -> validator.validate("a.b.c", AUDIENCE), Reason.MALFORMED);
        assertReason(() -> validator.validate("x".repeat(20_000), AUDIENCE), Reason.MALFORMED);

        String unsigned = base64("{\"alg\":\"none\"}") + "." + base64("{\"exp\":1800000000,\"aud\":\"" + AUDIENCE
                + "\"}") + ".";
        assertThatThrownBy(() -> validator.validate(unsigned, AUDIENCE)).isInstanceOf(AccessTokenException.class)
                .satisfies(e -> assertThat(((AccessTokenException) e).reason())
                        .isIn(Reason.MALFORMED, Reason.UNSUPPORTED_ALGORITHM));

        String rs256 = base64("{\"alg\":\"RS256\"}") + "." + base64("{\"exp\":1800000000}") + ".c2ln";
        assertReason(() -> validator.validate(rs256, AUDIENCE), Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = base64("{\"aud\":\"" + AUDIENCE + "\"}");
        byte[] signature = HmacSigner.sign(TokenAlgorithm.HS256, "primary-key", HmacSigner.ascii(header + "." + payload));
        String token = header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        assertReason(() -> validator.validate(token, AUDIENCE), Reason.MALFORMED);
    }

    private static AccessTokenValidator at(Instant now) {
        return new AccessTokenValidator(List.of("primary-key"), Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(2));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOf(AccessTokenException.class)
                .satisfies(e -> assertThat(((AccessTokenException) e).reason()).isEqualTo(reason));
    }
}
