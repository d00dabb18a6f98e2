package io.hubkit.backplane.service.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Issues the HS256 (or HS512) access tokens the service accepts, laid out as the reference SDK
 * lays them out: header {@code {"alg","typ":"JWT","kid"}}; payload the caller's claims first
 * (.NET long claim types shortened, a repeated type as a JSON array), then {@code nbf}, {@code exp},
 * {@code iat} (seconds; {@code nbf = iat = now}), {@code iss = azure-signalr} and {@code aud}; key =
 * the UTF-8 bytes of the access key. Tokens longer than 4096 characters are refused, as the
 * service would refuse them. Immutable and thread-safe.
 *
 * <pre>{@code
 * AccessTokenIssuer issuer = new AccessTokenIssuer(connectionString.accessKey());
 * String serverToken = issuer.issue(endpoint.serverAudience(), List.of(new ServiceClaim("nameid", serverId)));
 * String clientToken = issuer.issue(endpoint.clientAudience(), ClientTokenClaims.of(userId, List.of()));
 * }</pre>
 */
public final class AccessTokenIssuer {

    /** The lifetime of a token unless said otherwise: one hour. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    /** The longest token the service accepts. */
    public static final int MAX_TOKEN_LENGTH = 4096;

    private static final Set<String> OWN_CLAIMS = Set.of("nbf", "exp", "iat", "iss", "aud");
    private static final JsonFactory JSON = new JsonFactory();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String accessKey;
    private final String kid;
    private final TokenAlgorithm algorithm;
    private final Clock clock;
    private final String encodedHeader;

    /** An HS256 issuer with the system clock and a key id derived from the key. */
    public AccessTokenIssuer(String accessKey) {
        this(accessKey, null, TokenAlgorithm.HS256, Clock.systemUTC());
    }

    /**
     * @param accessKey the signing key as written in the connection string
     * @param kid the key id to put in the header, or {@code null} for one derived from the key (the
     *        reference SDK writes a per-process hash; the service does not check it for access keys)
     * @param algorithm the signing algorithm
     * @param clock the time source for {@code iat}, {@code nbf} and {@code exp}
     */
    public AccessTokenIssuer(String accessKey, String kid, TokenAlgorithm algorithm, Clock clock) {
        this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
        if (accessKey.isEmpty()) {
            throw new IllegalArgumentException("The access key must not be empty");
        }
        this.kid = kid != null ? kid : derivedKid(accessKey);
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.encodedHeader = BASE64URL.encodeToString(header());
    }

    /** The key id written in every header. */
    public String kid() {
        return kid;
    }

    /** A token for {@code audience} carrying {@code claims}, valid for {@link #DEFAULT_LIFETIME}. */
    public String issue(String audience, List<ServiceClaim> claims) {
        return issue(audience, claims, DEFAULT_LIFETIME);
    }

    /**
     * A token for {@code audience} carrying {@code claims} (in order; a claim type may repeat),
     * valid from now for {@code lifetime}.
     *
     * @throws IllegalArgumentException when a claim uses one of the token's own names ({@code nbf},
     *         {@code exp}, {@code iat}, {@code iss}, {@code aud}), or with {@code "AccessToken must not
     *         be longer than 4K."} when the token would exceed 4096 characters
     */
    public String issue(String audience, List<ServiceClaim> claims, Duration lifetime) {
        Objects.requireNonNull(audience, "audience");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("The token lifetime must be positive, not " + lifetime);
        }
        long now = clock.instant().getEpochSecond();
        String signingInput = encodedHeader + "." + BASE64URL.encodeToString(payload(audience, claims, now,
                now + lifetime.getSeconds()));
        byte[] signature = HmacSigner.sign(algorithm, accessKey, HmacSigner.ascii(signingInput));
        String token = signingInput + "." + BASE64URL.encodeToString(signature);
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("AccessToken must not be longer than 4K.");
        }
        return token;
    }

    private byte[] header() {
        return json(generator -> {
            generator.writeStringField("alg", algorithm.name());
            generator.writeStringField("typ", "JWT");
            generator.writeStringField("kid", kid);
        });
    }

    private static byte[] payload(String audience, List<ServiceClaim> claims, long now, long expires) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (ServiceClaim claim : claims) {
            String type = ServiceClaimTypes.outbound(claim.type());
            if (OWN_CLAIMS.contains(type)) {
                throw new IllegalArgumentException("The claim type '" + type + "' is reserved to the token itself");
            }
            grouped.computeIfAbsent(type, t -> new ArrayList<>(1)).add(claim.value());
        }
        return json(generator -> {
            for (Map.Entry<String, List<String>> claim : grouped.entrySet()) {
                if (claim.getValue().size() == 1) {
                    generator.writeStringField(claim.getKey(), claim.getValue().get(0));
                } else {
                    generator.writeArrayFieldStart(claim.getKey());
                    for (String value : claim.getValue()) {
                        generator.writeString(value);
                    }
                    generator.writeEndArray();
                }
            }
            generator.writeNumberField("nbf", now);
            generator.writeNumberField("exp", expires);
            generator.writeNumberField("iat", now);
            generator.writeStringField("iss", ServiceClaimTypes.ISSUER);
            generator.writeStringField("aud", audience);
        });
    }

    private interface JsonWriting {
        void write(JsonGenerator generator) throws IOException;
    }

    private static byte[] json(JsonWriting members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            members.write(generator);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A stable decimal id that reveals nothing useful about the key. */
    private static String derivedKid(String accessKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("hubkit-kid:" + accessKey).getBytes(StandardCharsets.UTF_8));
            int value = ((digest[0] & 0x7f) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8)
                    | (digest[3] & 0xff);
            return Integer.toString(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
