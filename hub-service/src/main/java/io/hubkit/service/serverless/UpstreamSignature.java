package io.hubkit.service.serverless;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-ASRS-Signature} header value: for each access key,
 * {@code sha256=<hex HMAC-SHA256(key = UTF-8 of the access key, message = UTF-8 of the connection id)>},
 * comma-joined. Hex digits are upper case, as Azure's emulator writes them; receivers compare
 * case-insensitively and accept any listed value. Stateless and thread-safe.
 */
public final class UpstreamSignature {

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private UpstreamSignature() {
    }

    /** The header value for {@code connectionId} signed with each of {@code accessKeys}, in order. */
    public static String header(String connectionId, List<String> accessKeys) {
        return accessKeys.stream().map(key -> of(connectionId, key)).collect(Collectors.joining(","));
    }

    /** One {@code sha256=…} value. */
    public static String of(String connectionId, String accessKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(accessKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + UPPER_HEX.formatHex(mac.doFinal(connectionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
