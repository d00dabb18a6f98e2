package io.hubkit.service.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Mints HS256 access tokens the way Azure SignalR's SDKs do (key = UTF-8 bytes of the access key,
 * {@code iat = nbf = now}), for tests. Stateless.
 */
public final class TestTokens {

    /** The service's built-in development key (what a service without configured keys accepts). */
    public static final String DEVELOPMENT_KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

    private TestTokens() {
    }

    /** A client token for {@code hub} at {@code http://localhost/client/?hub=<hub>}, valid for an hour. */
    public static String client(String key, String hub, Map<String, Object> claims) {
        return token(key, "http://localhost/client/?hub=" + hub, claims, Duration.ofHours(1));
    }

    /** An app server token for {@code hub} naming {@code serverId}, valid for an hour. */
    public static String server(String key, String hub, String serverId) {
        return token(key, "http://localhost/server/?hub=" + hub, Map.of("nameid", serverId), Duration.ofHours(1));
    }

    /** A token for {@code audience} with {@code claims}, expiring {@code lifetime} from now (negative: already expired). */
    public static String token(String key, String audience, Map<String, Object> claims, Duration lifetime) {
        Instant now = Instant.now();
        Instant issued = lifetime.isNegative() ? now.plus(lifetime).minus(Duration.ofHours(1)) : now;
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .audience(audience)
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(now.plus(lifetime)));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID("-1403567183").build(), builder.build());
        try {
            jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
