package io.waybill.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * One refresh token of a login's family. The server keeps only its SHA-256 hash. A token is good
 * once: redeeming it marks it used and issues the next one in the same family; presenting a used
 * or revoked token again means it was stolen, and the whole family is revoked. A family lives at most
 * a fixed time from its first token however often it is rotated, so a stolen token cannot be kept
 * alive forever: no token of it expires later than that.
 */
public record RefreshToken(UUID id, UUID userId, UUID familyId, Instant familyStartedAt, byte[] tokenHash,
        Instant issuedAt, Instant expiresAt, Instant usedAt, Instant revokedAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public enum State { GOOD, EXPIRED, REPLAYED }

    /** A new token and its secret value, which is handed to the client and never stored. */
    public record Issued(String value, RefreshToken token) {
    }

    /**
     * The next token of a family that started at {@code familyStartedAt} (now, for a new login): it
     * expires after {@code ttl}, or when the family's {@code familyLifetime} ends, whichever is first.
     */
    static Issued issue(UUID userId, UUID familyId, Instant familyStartedAt, Instant now, Duration ttl,
            Duration familyLifetime) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = now.plus(ttl);
        Instant familyEnds = familyStartedAt.plus(familyLifetime);
        return new Issued(value, new RefreshToken(UUID.randomUUID(), userId, familyId, familyStartedAt, hash(value),
                now, expiresAt.isAfter(familyEnds) ? familyEnds : expiresAt, null, null));
    }

    public State stateAt(Instant now) {
        if (usedAt != null || revokedAt != null) {
            return State.REPLAYED;
        }
        return now.isBefore(expiresAt) ? State.GOOD : State.EXPIRED;
    }

    static byte[] hash(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
