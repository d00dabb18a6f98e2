package io.hubkit.backplane.service.auth;

/** The HMAC algorithms access tokens may be signed with; HS256 is the default of the reference SDK. */
public enum TokenAlgorithm {

    HS256("HmacSHA256"),
    HS512("HmacSHA512");

    private final String macName;

    TokenAlgorithm(String macName) {
        this.macName = macName;
    }

    /** The JCA name of the MAC. */
    String macName() {
        return macName;
    }

    /** The algorithm named by a JWT header's {@code alg}, or {@code null} when it is not one of these. */
    static TokenAlgorithm fromHeader(String alg) {
        for (TokenAlgorithm algorithm : values()) {
            if (algorithm.name().equals(alg)) {
                return algorithm;
            }
        }
        return null;
    }
}
