package io.hubkit.spring.web.connection;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes connection ids and connection tokens: 16 random bytes from a {@link SecureRandom},
 * base64url-encoded without padding (22 URL-safe characters), as the official server does.
 * Thread-safe.
 */
public final class ConnectionIds {

    private static final int RANDOM_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ConnectionIds() {
    }

    /** A fresh random id, 22 characters from {@code [A-Za-z0-9_-]}. */
    public static String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
