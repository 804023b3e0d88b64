package io.waybill.security.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes two requests "the same" for an idempotency key: the method, the path as routed (with
 * its query) and the body. A JSON body counts by its content, not its spelling: key order, white
 * space and trailing zeros of decimals do not change the fingerprint; any other body counts byte
 * for byte.
 */
final class RequestFingerprint {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED, JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                    JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private RequestFingerprint() {
    }

    /** A SHA-256 hash, hex, of the method, path, query and canonical body. */
    static String of(String method, String path, String query, byte[] body) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha256.update((method + "\n" + path + "\n" + (query == null ? "" : query) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        sha256.update(canonical(body));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The body as canonical JSON when it is JSON, else as it is. */
    static byte[] canonical(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try {
            JsonNode tree = CANONICAL.readTree(body);
            return tree == null || tree.isMissingNode() ? body : CANONICAL.writeValueAsBytes(tree);
        } catch (JacksonException notJson) {
            return body;
        }
    }
}
