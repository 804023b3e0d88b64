package io.waybill.identity;

import io.waybill.identity.config.IdentityProperties;
import io.waybill.kernel.AuthenticationFailedException;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.security.AccountLookup;
import io.waybill.security.RateLimit;
import io.waybill.kernel.Role;
import io.waybill.security.Throttle;
import io.waybill.kernel.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration, login, token refresh and account administration. */
@Service
public class IdentityService {

    private static final String BAD_CREDENTIALS = "The email or password is incorrect.";
    private static final String BAD_REFRESH_TOKEN = "The refresh token is invalid, expired or already used.";
    static final String DISABLED = "This account is disabled: an administrator of your carrier can enable it again.";

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final AccountAnnouncements announcements;
    private final EmailVerificationService verification;
    private final Throttle throttle;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration refreshTtl;
    private final Duration refreshFamilyLifetime;
    private final String unknownUserHash;

    IdentityService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordEncoder passwords,
            AccessTokens accessTokens, AccountAnnouncements announcements, EmailVerificationService verification,
            Throttle throttle, TransactionTemplate transaction, Clock clock, IdentityProperties properties) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.announcements = announcements;
        this.verification = verification;
        this.throttle = throttle;
        this.transaction = transaction;
        this.clock = clock;
        this.refreshTtl = properties.jwt().refreshTokenTtl();
        this.refreshFamilyLifetime = properties.jwt().refreshFamilyLifetime();
        // Checked against when the email is unknown, so both failures take as long.
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * A new account. Anyone may open a customer account; only an admin may create staff accounts.
     * A verification email goes to the address once the account is stored.
     */
    @Transactional
    public User register(Caller caller, Registration registration) {
        if (registration.role() != Role.CUSTOMER && (caller == null || !caller.isAdmin())) {
            throw new ForbiddenException("Only an admin can create " + registration.role().wireName() + " accounts.");
        }
        User user = create(registration);
        verification.send(user);
        return user;
    }

    @Transactional
    User create(Registration registration) {
        Email email = new Email(registration.email());
        String password = PasswordPolicy.check("password", registration.password());
        User user = User.register(email, passwords.encode(password), registration.fullName(), registration.phone(),
                registration.role(), clock.instant());
        users.add(user);
        announcements.registered(user);
        return user;
    }

    /**
     * Logs in. A failure counts against the account from this client address (the strict budget,
     * which a guesser elsewhere cannot spend for the owner) and against the account from everywhere
     * (a looser bound on guessing from many addresses). Both are taken before the password is
     * compared, so that parallel guesses cannot outrun the count, and given back when it matches;
     * once either is spent the password is not even compared, so a guesser learns nothing more.
     * The budgets are kept per password: a reset starts them afresh, which lifts a lock-out.
     */
    @Transactional
    public TokenPair login(String email, String password, String clientAddress) {
        Email address = new Email(email);
        User user = users.findLiveByEmail(address).orElse(null);
        String hash = user == null ? unknownUserHash : user.passwordHash();
        String account = address.value() + "|" + (user == null ? "-" : Integer.toHexString(hash.hashCode()));
        String fromHere = account + "|" + clientAddress;
        takeLoginAttempt(RateLimit.LOGIN_ACCOUNT, fromHere);
        try {
            takeLoginAttempt(RateLimit.LOGIN_ACCOUNT_TOTAL, account);
        } catch (TooManyRequestsException spent) {
            throttle.giveBack(RateLimit.LOGIN_ACCOUNT, fromHere);
            throw spent;
        }
        if (user == null || password == null || !passwords.matches(password, hash)) {
            throw new AuthenticationFailedException(BAD_CREDENTIALS);
        }
        throttle.giveBack(RateLimit.LOGIN_ACCOUNT, fromHere);
        throttle.giveBack(RateLimit.LOGIN_ACCOUNT_TOTAL, account);
        if (user.isDisabled()) {
            // Only who knows the password learns it: anyone else got the answer of a wrong password.
            throw new ForbiddenException(DISABLED);
        }
        Instant now = clock.instant();
        return issueTokens(user, UUID.randomUUID(), now, now);
    }

    private void takeLoginAttempt(RateLimit limit, String key) {
        Throttle.Quota quota = throttle.take(limit, key);
        if (!quota.taken()) {
            long seconds = quota.refusal("").retryAfterSeconds();
            throw quota.refusal("Too many failed attempts: try again in " + seconds
                    + " seconds, or reset the password.");
        }
    }

    /**
     * Redeems a refresh token for a new pair. A replayed token revokes its whole family; that
     * revocation commits even though the caller is refused.
     */
    public TokenPair refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new AuthenticationFailedException(BAD_REFRESH_TOKEN);
        }
        TokenPair pair = transaction.execute(status -> {
            Instant now = clock.instant();
            RefreshToken token = refreshTokens.lockByHash(RefreshToken.hash(refreshToken)).orElse(null);
            if (token == null) {
                return null;
            }
            switch (token.stateAt(now)) {
                case REPLAYED -> {
                    refreshTokens.revokeFamily(token.familyId(), now);
                    return null;
                }
                case EXPIRED -> {
                    return null;
                }
                case GOOD -> {
                    User user = users.find(token.userId()).filter(User::canSignIn).orElse(null);
                    if (user == null) {
                        return null;
                    }
                    refreshTokens.markUsed(token.id(), now);
                    return issueTokens(user, token.familyId(), token.familyStartedAt(), now);
                }
                default -> throw new IllegalStateException("Unknown refresh token state");
            }
        });
        if (pair == null) {
            throw new AuthenticationFailedException(BAD_REFRESH_TOKEN);
        }
        return pair;
    }

    @Transactional
    public void logout(Caller caller, String refreshToken) {
        if (refreshToken != null && !refreshToken.isBlank()) {
            refreshTokens.revoke(RefreshToken.hash(refreshToken), caller.userId(), clock.instant());
        }
    }

    /**
     * Logs the caller out of every session: all refresh tokens are revoked and every access token
     * issued so far stops working at once, the one of this request included.
     */
    @Transactional
    public void logoutEverywhere(Caller caller) {
        Instant now = clock.instant();
        refreshTokens.revokeAllOf(caller.userId(), now);
        users.revokeTokensIssuedBefore(caller.userId(), now);
        users.find(caller.userId()).ifPresent(user -> announcements.tokensRevoked(user, now));
    }

    public User me(Caller caller) {
        return users.find(caller.userId()).filter(User::isActive)
                .orElseThrow(() -> new NotFoundException("No such user."));
    }

    public Page<User> list(Role role, PageQuery page) {
        return users.list(role, page);
    }

    /** A live account (disabled or not), for an admin to look at; a deleted or unknown one is not found. */
    public User account(UUID userId) {
        // A platform operator's account is the default tenant's, but none of its admins'.
        return users.find(userId).filter(User::isActive).filter(found -> !found.role().isPlatform())
                .orElseThrow(() -> new NotFoundException("No such user."));
    }

    /** Deletes an account: it can no longer log in, its tokens stop working, its shipments stay. */
    @Transactional
    public void delete(Caller admin, UUID userId) {
        if (admin.is(userId)) {
            throw new ConflictException("An admin cannot delete their own account.");
        }
        User user = account(userId);
        Instant now = clock.instant();
        user.delete(now);
        users.markDeleted(user);
        refreshTokens.revokeAllOf(userId, now);
        announcements.deleted(user, now);
    }

    /**
     * Changes an account as an admin asks: disables or enables it, gives it another role, or both
     * (the account's own rules decide what may change). Disabling revokes every token and refresh
     * token of the account and ends its live streams (the {@code user.disabled} event); while
     * disabled, its API keys are refused as well. A new role revokes its access tokens, which name
     * the old one; a refresh then gives tokens of the new role. Unchanged fields publish nothing.
     */
    @Transactional
    public User change(Caller admin, UUID userId, AccountChange change) {
        User user = account(userId);
        Instant now = clock.instant();
        boolean roleChanged = change.role() != null && user.changeRole(change.role(), admin.userId());
        boolean disabled = Boolean.TRUE.equals(change.disabled()) && user.disable(admin.userId(), now);
        boolean enabled = Boolean.FALSE.equals(change.disabled()) && user.enable(admin.userId());
        if (!roleChanged && !disabled && !enabled) {
            return user;
        }
        if (roleChanged) {
            users.changeRole(user);
        }
        if (disabled || enabled) {
            users.saveDisabled(user);
        }
        Instant tokensRevokedAt;
        if (roleChanged || disabled) {
            users.revokeTokensIssuedBefore(userId, now);
            tokensRevokedAt = now;
        } else {
            tokensRevokedAt = users.active(userId).map(AccountLookup.ActiveAccount::tokensRevokedAt).orElse(null);
        }
        if (disabled) {
            refreshTokens.revokeAllOf(userId, now);
        }
        announcements.changedByAdmin(user, admin.userId(), tokensRevokedAt, disabled, enabled, now);
        return user;
    }

    boolean anyAdmin() {
        return users.anyLiveAdmin();
    }

    /** A new login's tokens for an account whose owner proved who they are some other way (an identity provider). */
    TokenPair startSession(User user) {
        Instant now = clock.instant();
        return issueTokens(user, UUID.randomUUID(), now, now);
    }

    private TokenPair issueTokens(User user, UUID family, Instant familyStartedAt, Instant now) {
        RefreshToken.Issued refresh = RefreshToken.issue(user.id(), family, familyStartedAt, now, refreshTtl,
                refreshFamilyLifetime);
        refreshTokens.add(refresh.token());
        // After a logout everywhere or a reset in this very second, the token must say a later second.
        Instant issuedAt = users.active(user.id()).map(account -> account.tokenIssueTime(now)).orElse(now);
        return new TokenPair(accessTokens.issue(user, issuedAt), accessTokens.ttlSeconds(), refresh.value(), user.role(),
                user.id());
    }

    /** What an admin changes in an account: null fields stay as they are. */
    public record AccountChange(Boolean disabled, Role role) {
    }

    /** What registering an account takes. */
    public record Registration(String email, String password, String fullName, String phone, Role role) {
    }
}
