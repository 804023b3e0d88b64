package io.waybill.linehaul;

import io.waybill.kernel.AuthenticationFailedException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a provider's alert proves it comes from the provider: the HMAC-SHA256 of its exact body under
 * the shared secret, in hex (optionally prefixed {@code sha256=}), compared in constant time. Without
 * a secret every alert is refused: an open webhook would let anyone cancel flights.
 */
public final class AlertSignature {

    private AlertSignature() {
    }

    public static void verify(String secret, String body, String signature) {
        if (secret == null || secret.isBlank()) {
            throw new AuthenticationFailedException("Flight alerts are not accepted: no webhook secret is configured.");
        }
        String sent = signature == null ? "" : signature.strip().toLowerCase(Locale.ROOT);
        if (sent.startsWith("sha256=")) {
            sent = sent.substring("sha256=".length());
        }
        byte[] expected = HexFormat.of().formatHex(sign(secret, body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.US_ASCII))) {
            throw new AuthenticationFailedException("The alert's signature (X-Signature) does not match its body.");
        }
    }

    /** The signature of a body, as the provider computes it. */
    public static byte[] sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** What tells one alert's body from another: its SHA-256, in hex. */
    public static String digest(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
