package io.hubkit.backplane.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC over a JWT signing input with key = the UTF-8 bytes of the access key as written (not
 * base64-decoded), as the reference SDK signs. Done with the JDK's MAC rather than Nimbus's
 * {@code MACSigner} because the latter refuses keys shorter than the hash (the reference accepts
 * any key length, and test keys such as {@code fake_key} are short). Stateless and thread-safe.
 */
final class HmacSigner {

    private HmacSigner() {
    }

    static byte[] sign(TokenAlgorithm algorithm, String accessKey, byte[] signingInput) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(accessKey.getBytes(StandardCharsets.UTF_8), algorithm.macName()));
            return mac.doFinal(signingInput);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot compute " + algorithm, e);
        }
    }

    /** Whether {@code signature} is right, compared in constant time. */
    static boolean verify(TokenAlgorithm algorithm, String accessKey, byte[] signingInput, byte[] signature) {
        return MessageDigest.isEqual(sign(algorithm, accessKey, signingInput), signature);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
