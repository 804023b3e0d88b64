package io.waybill.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random secrets the server hands out (email tokens, API keys) and the SHA-256 hash it keeps
 * of them instead. A fast hash suffices: the secrets carry 256 random bits, so there is nothing to
 * guess, unlike a password.
 */
final class OneTimeSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeSecret() {
    }

    static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static byte[] hash(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
