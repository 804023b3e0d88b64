package io.waybill.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Meta's {@code X-Hub-Signature-256} header on a webhook request: {@code sha256=<hex HMAC-SHA256 of
 * the raw body>}, keyed with the app's secret. Checked over the bytes as they arrived (a parsed and
 * re-serialised body would not match), and compared in constant time.
 */
public final class WhatsAppSignature {

    private static final String PREFIX = "sha256=";

    private WhatsAppSignature() {
    }

    public static String header(String appSecret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(WebhookSignature.hmac(appSecret, body));
    }

    public static boolean matches(String appSecret, byte[] body, String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(WebhookSignature.hmac(appSecret, body), given);
    }

    /** Whether two secrets are equal, taking as long whichever character differs. */
    static boolean sameSecret(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
