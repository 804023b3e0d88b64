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
 * is free for a new account. An admin may disable a live account and enable it again: while
 * disabled it keeps everything but cannot sign in. An admin may move a staff account between the
 * staff roles (agent, admin); a customer stays a customer and staff stays staff, since a
 * customer's account is someone outside the carrier whose shipments name them, while an agent's
 * assignments, scans and cash are the carrier's. No admin disables or re-roles their own account,
 * so a tenant always keeps the admin who acted.
 */
public final class User {

    static final int MAX_FULL_NAME = 200;

    private final UUID id;
    private final Email email;
    private final String passwordHash;
    private final String fullName;
    private final String phone;
    private Role role;
    private final Instant createdAt;
    private Instant deletedAt;
    private Instant emailVerifiedAt;
    private Instant disabledAt;

    private User(UUID id, Email email, String passwordHash, String fullName, String phone, Role role,
            Instant createdAt, Instant deletedAt, Instant emailVerifiedAt, Instant disabledAt) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.fullName = fullName;
        this.phone = phone;
        this.role = Objects.requireNonNull(role);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.deletedAt = deletedAt;
        this.emailVerifiedAt = emailVerifiedAt;
        this.disabledAt = disabledAt;
    }

    /** Rebuilds a stored account; for repositories only. */
    public static User restore(UUID id, Email email, String passwordHash, String fullName, String phone, Role role,
            Instant createdAt, Instant deletedAt, Instant emailVerifiedAt, Instant disabledAt) {
        return new User(id, email, passwordHash, fullName, phone, role, createdAt, deletedAt, emailVerifiedAt,
                disabledAt);
    }

    /**
     * A new account. The name is one printable line and the phone E.164: both reach emails, text
     * messages and logs. Accounts stored before these rules keep what they have.
     */
    static User register(Email email, String passwordHash, String fullName, String phone, Role role, Instant now) {
        return new User(UUID.randomUUID(), email, passwordHash,
                SingleLineText.optional("full_name", fullName, MAX_FULL_NAME),
                PhoneNumber.parse("phone", phone).map(PhoneNumber::value).orElse(null), role, now, null, null, null);
    }

    void delete(Instant now) {
        if (deletedAt != null) {
            throw new ConflictException("This user is already deleted.");
        }
        deletedAt = now;
    }

    /**
     * Suspends the account, by an admin ({@code by}) other than its owner. True if it changed;
     * disabling a disabled account changes nothing.
     */
    boolean disable(UUID by, Instant now) {
        refuseOwn(by, "disable");
        if (disabledAt != null) {
            return false;
        }
        disabledAt = now;
        return true;
    }

    /** Reinstates a disabled account. True if it changed; enabling an enabled account changes nothing. */
    boolean enable(UUID by) {
        refuseOwn(by, "enable");
        if (disabledAt == null) {
            return false;
        }
        disabledAt = null;
        return true;
    }

    /**
     * Gives the account another role, by an admin ({@code by}) other than its owner: only between
     * agent and admin (see the class comment). True if it changed; the same role changes nothing.
     */
    boolean changeRole(Role next, UUID by) {
        Objects.requireNonNull(next);
        refuseOwn(by, "change the role of");
        if (next == role) {
            return false;
        }
        if (!isStaff(role) || !isStaff(next)) {
            throw new ConflictException("This " + role.wireName() + " account cannot become " + article(next)
                    + next.wireName() + ": only agents and admins change roles, between themselves. "
                    + "Open a new account for the other role.");
        }
        role = next;
        return true;
    }

    private void refuseOwn(UUID by, String what) {
        if (id.equals(by)) {
            throw new ConflictException("An admin cannot " + what + " their own account.");
        }
    }

    private static boolean isStaff(Role role) {
        return role == Role.AGENT || role == Role.ADMIN;
    }

    private static String article(Role role) {
        return role == Role.ADMIN || role == Role.AGENT ? "an " : "a ";
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

    public boolean isDisabled() {
        return disabledAt != null;
    }

    /** Live and not disabled: the account may sign in and be issued tokens. */
    public boolean canSignIn() {
        return isActive() && !isDisabled();
    }

    public Instant disabledAt() {
        return disabledAt;
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
