package io.waybill.kernel.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The strong ETag of a body: its SHA-256, base64url, quoted. One rule for the tags the kernel's
 * filter computes per answer and those a module computes once for an answer it keeps ready.
 */
public final class StrongEtag {

    private StrongEtag() {
    }

    public static String of(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
