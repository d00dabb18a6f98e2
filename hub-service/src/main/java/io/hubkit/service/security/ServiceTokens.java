package io.hubkit.service.security;

import io.hubkit.backplane.service.auth.AccessTokenException;
import io.hubkit.backplane.service.auth.AccessTokenValidator;
import io.hubkit.backplane.service.auth.TokenAudience;
import io.hubkit.backplane.service.auth.ValidatedAccessToken;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import io.hubkit.service.routing.Claim;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies the access tokens of clients and app servers as Azure SignalR Service does, with
 * {@code backplane-service}'s {@link AccessTokenValidator}:
 * <ul>
 *   <li>at most {@value RequestTokens#MAX_TOKEN_LENGTH} characters, signed HS256 (or HS512) with
 *       the UTF-8 bytes of <em>any</em> configured access key ({@code kid} ignored);</li>
 *   <li>{@code exp} required and not passed, {@code nbf} (if any) reached, with a clock skew of
 *       {@link #CLOCK_SKEW};</li>
 *   <li>an {@code aud} naming this service's endpoint for the hub: {@code scheme://host/client/?hub=<hub>}
 *       (or {@code server}), host being the request's own or the public endpoint's (port ignored,
 *       as the SDKs sign without it); the {@code hub} member is required and compared ignoring case.</li>
 * </ul>
 * Each failure becomes a {@link TokenRejectedException} with its own message. Immutable and thread-safe.
 */
public final class ServiceTokens {

    /** Tolerated clock difference between the signer and the service. */
    public static final Duration CLOCK_SKEW = AccessTokenValidator.DEFAULT_CLOCK_SKEW;

    private final AccessTokenValidator validator;
    private final Collection<String> publicBases;

    /**
     * @param accessKeys  the keys tokens may be signed with
     * @param publicBases {@code scheme://host/} bases accepted in audiences besides the request's own
     */
    public ServiceTokens(List<String> accessKeys, Collection<String> publicBases, Clock clock) {
        this.validator = new AccessTokenValidator(accessKeys, clock, CLOCK_SKEW);
        this.publicBases = List.copyOf(publicBases);
    }

    /**
     * Verifies a client token for {@code hub}.
     *
     * @param token        the token, or {@code null}
     * @param hub          the hub key of the request
     * @param audienceBase the request's {@code scheme://host/}
     * @throws TokenRejectedException when the token may not be used
     */
    public ClientPrincipal verifyClient(String token, String hub, String audienceBase) {
        ValidatedAccessToken validated = verify(token, "client", hub, audienceBase);
        List<Claim> claims = new ArrayList<>();
        for (ServiceClaim claim : validated.claims()) {
            claims.add(new Claim(claim.type(), claim.value()));
        }
        return new ClientPrincipal(hub, validated.userId(), claims);
    }

    /**
     * Verifies an app server token for {@code hub}; returns the server id (its {@code nameid}).
     *
     * @throws TokenRejectedException when the token may not be used or names no server
     */
    public String verifyServer(String token, String hub, String audienceBase) {
        String serverId = verify(token, "server", hub, audienceBase).claim("nameid");
        if (serverId == null || serverId.isBlank()) {
            throw new TokenRejectedException("The access token has no 'nameid' claim naming the app server.");
        }
        return serverId;
    }

    private ValidatedAccessToken verify(String token, String endpoint, String hub, String audienceBase) {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException("An access token is required.");
        }
        if (token.length() > RequestTokens.MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException("The access token is longer than " + RequestTokens.MAX_TOKEN_LENGTH
                    + " characters.");
        }
        ValidatedAccessToken validated;
        try {
            validated = validator.validate(token, null);
        } catch (AccessTokenException e) {
            throw new TokenRejectedException(e.getMessage(), e);
        }
        Set<String> bases = new LinkedHashSet<>();
        bases.add(audienceBase);
        bases.addAll(publicBases);
        for (String audience : validated.audiences()) {
            if (!namesHub(audience)) {
                continue;
            }
            for (String base : bases) {
                if (TokenAudience.matches(audience, base + endpoint + "/?hub=" + hub)) {
                    return validated;
                }
            }
        }
        throw new TokenRejectedException("The access token's audience " + validated.audiences() + " is not this service's "
                + endpoint + " endpoint for hub '" + hub + "'.");
    }

    private static boolean namesHub(String audience) {
        try {
            String query = URI.create(audience.trim()).getRawQuery();
            if (query == null) {
                return false;
            }
            for (String member : query.split("&")) {
                if (member.toLowerCase(Locale.ROOT).startsWith("hub=")) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
