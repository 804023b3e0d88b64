package io.waybill.shipments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The one-time code of a delivery attempt, as kept: a random salt and the SHA-256 of salt and code,
 * never the code itself, and how many wrong codes were tried. After {@value #MAX_WRONG_TRIES} wrong
 * tries it is locked and matches nothing more. It lives as long as its attempt: the shipment drops it
 * when the attempt ends, delivered or failed.
 */
public final class DeliveryCode {

    public static final int MAX_WRONG_TRIES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_BYTES = 16;

    private final byte[] salt;
    private final byte[] hash;
    private int wrongTries;

    private DeliveryCode(byte[] salt, byte[] hash, int wrongTries) {
        this.salt = Objects.requireNonNull(salt).clone();
        this.hash = Objects.requireNonNull(hash).clone();
        this.wrongTries = wrongTries;
    }

    /** A fresh code: the kept form, and the six digits to send to the recipient (once, never stored). */
    static Issued issue() {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Issued(new DeliveryCode(salt, digest(salt, code), 0), code);
    }

    /** Rebuilds a kept code; for repositories only. */
    public static DeliveryCode restore(byte[] salt, byte[] hash, int wrongTries) {
        return new DeliveryCode(salt, hash, wrongTries);
    }

    public boolean isLocked() {
        return wrongTries >= MAX_WRONG_TRIES;
    }

    /** Whether {@code code} is this one; a wrong one counts towards the lock. A locked code matches nothing. */
    boolean matches(String code) {
        if (isLocked()) {
            return false;
        }
        boolean right = code != null && MessageDigest.isEqual(hash, digest(salt, code.trim()));
        if (!right) {
            wrongTries++;
        }
        return right;
    }

    public int triesLeft() {
        return Math.max(0, MAX_WRONG_TRIES - wrongTries);
    }

    public byte[] salt() {
        return salt.clone();
    }

    public byte[] hash() {
        return hash.clone();
    }

    public int wrongTries() {
        return wrongTries;
    }

    private static byte[] digest(byte[] salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "DeliveryCode[wrongTries=" + wrongTries + "]";
    }

    /** A code just drawn: what is kept, and the digits themselves. */
    record Issued(DeliveryCode kept, String code) {

        @Override
        public String toString() {
            return "Issued[" + kept + "]";
        }
    }
}
