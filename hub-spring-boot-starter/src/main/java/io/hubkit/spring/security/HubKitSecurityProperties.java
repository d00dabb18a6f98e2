package io.hubkit.spring.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The security settings of HubKit under {@code hubkit.*}. Bound once at startup. */
@ConfigurationProperties(prefix = "hubkit")
public class HubKitSecurityProperties {

    /**
     * Whether to close a connection when the OAuth2 token (JWT or opaque access token) it was
     * authenticated with expires; the client has to connect again with a fresh token.
     */
    private boolean closeOnAuthenticationExpiration = false;

    public boolean isCloseOnAuthenticationExpiration() {
        return closeOnAuthenticationExpiration;
    }

    public void setCloseOnAuthenticationExpiration(boolean closeOnAuthenticationExpiration) {
        this.closeOnAuthenticationExpiration = closeOnAuthenticationExpiration;
    }
}
