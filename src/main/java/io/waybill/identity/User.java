package io.waybill.identity;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.PhoneNumber;
import io.waybill.kernel.Role;
import io.waybill.kernel.SingleLineText;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account. It is registered with a role and a hashed password, and deleted softly: a deleted
 * account keeps its row (its shipments still name it) but can no longer log in, and its address
 * is free for a new account.
 */
public final class User {

    static final int MAX_FULL_NAME = 200;

    private final UUID id;
    private final Email email;
    private final String passwordHash;
    private final String fullName;
    private final String phone;
    private final Role role;
    private final Instant createdAt;
    private Instant deletedAt;
    private Instant emailVerifiedAt;

    private User(UUID id, Email email, String passwordHash, String fullName, String phone, Role role,
            Instant createdAt, Instant deletedAt, Instant emailVerifiedAt) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.fullName = fullName;
        this.phone = phone;
        this.role = Objects.requireNonNull(role);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.deletedAt = deletedAt;
        this.emailVerifiedAt = emailVerifiedAt;
    }

    /** Rebuilds a stored account; for repositories only. */
    public static User restore(UUID id, Email email, String passwordHash, String fullName, String phone, Role role,
            Instant createdAt, Instant deletedAt, Instant emailVerifiedAt) {
        return new User(id, email, passwordHash, fullName, phone, role, createdAt, deletedAt, emailVerifiedAt);
    }

    /**
     * A new account. The name is one printable line and the phone E.164: both reach emails, text
     * messages and logs. Accounts stored before these rules keep what they have.
     */
    static User register(Email email, String passwordHash, String fullName, String phone, Role role, Instant now) {
        return new User(UUID.randomUUID(), email, passwordHash,
                SingleLineText.optional("full_name", fullName, MAX_FULL_NAME),
                PhoneNumber.parse("phone", phone).map(PhoneNumber::value).orElse(null), role, now, null, null);
    }

    void delete(Instant now) {
        if (deletedAt != null) {
            throw new ConflictException("This user is already deleted.");
        }
        deletedAt = now;
    }

    /** Records that the owner proved they read this address; the first proof counts. */
    void verifyEmail(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
        }
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    public Instant emailVerifiedAt() {
        return emailVerifiedAt;
    }

    public boolean isActive() {
        return deletedAt == null;
    }

    public UUID id() {
        return id;
    }

    public Email email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String fullName() {
        return fullName;
    }

    public String phone() {
        return phone;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }
}
