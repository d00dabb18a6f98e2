package io.hubkit.backplane.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import io.hubkit.backplane.service.protocol.ServiceVectors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokens byte-for-byte as the reference SDK lays them out, the length limit and the claim rules. */
class AccessTokenIssuerTest {

    private static final Clock FIXED = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);

    static Stream<Arguments> exampleTokens() {
        return StreamSupport.stream(ServiceVectors.node("tokens").get("example_tokens").get("tokens").spliterator(), false)
                .map(v -> Arguments.of(v.get("name").asText(), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleTokens")
    void theExampleTokensAreReproducedExactly(String name, JsonNode vector) throws Exception {
        JsonNode header = new ObjectMapper().readTree(vector.get("header_json").asText());
        JsonNode payload = new ObjectMapper().readTree(vector.get("payload_json").asText());
        List<ServiceClaim> claims = new ArrayList<>();
        payload.fields().forEachRemaining(f -> {
            if (!List.of("nbf", "exp", "iat", "iss", "aud").contains(f.getKey())) {
                claims.add(new ServiceClaim(f.getKey(), f.getValue().asText()));
            }
        });
        AccessTokenIssuer issuer = new AccessTokenIssuer(vector.get("signing_key").asText(), header.get("kid").asText(),
                TokenAlgorithm.valueOf(header.get("alg").asText()), FIXED);

        String token = issuer.issue(payload.get("aud").asText(), claims);

        assertThat(token).isEqualTo(vector.get("token").asText());
    }

    @Test
    void tooLongTokensAreRefused() {
        JsonNode limit = ServiceVectors.node("tokens").get("max_length");
        JsonNode example = limit.get("case");
        List<ServiceClaim> claims = IntStream.range(0, 100)
                .mapToObj(i -> new ServiceClaim("ClaimSubject" + i, "ClaimValue" + i)).toList();
        AccessTokenIssuer issuer = new AccessTokenIssuer(example.get("signing_key").asText());

        assertThat(limit.get("max_chars").asInt()).isEqualTo(AccessTokenIssuer.MAX_TOKEN_LENGTH);
        assertThatThrownBy(() -> issuer.issue(example.get("audience").asText(), claims,
                Duration.ofSeconds(example.get("lifetime_seconds").asLong())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(limit.get("error").asText());
        assertThat(issuer.issue(example.get("audience").asText(), claims.subList(0, 10))).hasSizeLessThan(4096);
    }

    @Test
    void theDefaultLifetimeIsAnHourAndTimesAreSeconds() throws Exception {
        JsonNode payload = payload(new AccessTokenIssuer("key", null, TokenAlgorithm.HS256, FIXED)
                .issue("https://a/client/?hub=h", List.of()));
        assertThat(ServiceVectors.node("tokens").get("lifetime").get("default_seconds").asLong())
                .isEqualTo(AccessTokenIssuer.DEFAULT_LIFETIME.getSeconds());
        assertThat(payload.get("exp").asLong() - payload.get("nbf").asLong()).isEqualTo(3600);
        assertThat(payload.get("iat").asLong()).isEqualTo(1_700_000_000L);
        assertThat(payload.get("iss").asText()).isEqualTo(ServiceVectors.node("tokens").get("issuer").get("iss").asText());

        JsonNode day = payload(new AccessTokenIssuer("key", null, TokenAlgorithm.HS256, FIXED)
                .issue("https://a/client/?hub=h", List.of(), Duration.ofDays(1)));
        assertThat(day.get("exp").asLong() - day.get("nbf").asLong()).isEqualTo(86400);
    }

    @Test
    void repeatedClaimsBecomeArraysAndLongTypesAreShortened() throws Exception {
        String token = new AccessTokenIssuer("key", null, TokenAlgorithm.HS256, FIXED).issue("https://a/", List.of(
                new ServiceClaim("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "admin"),
                new ServiceClaim("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier", "u1"),
                new ServiceClaim("role", "user")));

        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"role\":[\"admin\",\"user\"],\"nameid\":\"u1\",\"nbf\":");
        JsonNode mapping = ServiceVectors.node("tokens").get("format").get("outbound_claim_type_mapping");
        mapping.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("note")) {
                assertThat(ServiceClaimTypes.outbound(f.getKey())).isEqualTo(f.getValue().asText());
            }
        });
    }

    @Test
    void theTokensOwnClaimNamesCannotBeUsed() {
        AccessTokenIssuer issuer = new AccessTokenIssuer("key");
        assertThatThrownBy(() -> issuer.issue("https://a/", List.of(new ServiceClaim("aud", "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'aud'");
    }

    @Test
    void theDefaultKeyIdIsStableAndNotTheKey() {
        assertThat(new AccessTokenIssuer("secret").kid()).isEqualTo(new AccessTokenIssuer("secret").kid())
                .isNotEqualTo(new AccessTokenIssuer("other").kid()).doesNotContain("secret");
    }

    static Stream<Arguments> claimCases() {
        return StreamSupport.stream(ServiceVectors.node("tokens").get("claims").get("asserted_cases").spliterator(), false)
                .filter(c -> c.has("output_claim_types"))
                .map(c -> Arguments.of(c.get("test").asText() + " " + c.path("input_user_claims"), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claimCases")
    void clientClaimsAreRenamedAsTheReferenceRenamesThem(String name, JsonNode vector) {
        List<ServiceClaim> userClaims = new ArrayList<>();
        vector.path("input_user_claims").forEach(pair -> userClaims.add(new ServiceClaim(pair.get(0).asText(),
                pair.get(1).asText())));
        String userId = vector.path("user_id").isTextual() ? vector.get("user_id").asText() : null;

        List<ServiceClaim> claims = ClientTokenClaims.of(userId, userClaims);

        List<String> expected = new ArrayList<>();
        vector.get("output_claim_types").forEach(type -> expected.add(type.asText()));
        assertThat(claims).extracting(ServiceClaim::type).containsExactlyElementsOf(expected);
        assertThat(ClientTokenClaims.restore(claims)).containsExactlyElementsOf(userClaims);
    }

    private static JsonNode payload(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
