package io.waybill.identity;

import io.waybill.platform.AuthenticationFailedException;
import io.waybill.platform.Caller;
import io.waybill.platform.ConflictException;
import io.waybill.platform.EventPublisher;
import io.waybill.platform.ForbiddenException;
import io.waybill.platform.NotFoundException;
import io.waybill.platform.Page;
import io.waybill.platform.PageQuery;
import io.waybill.platform.RateLimit;
import io.waybill.platform.Role;
import io.waybill.platform.Throttle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration, login, token refresh and account administration. */
@Service
public class IdentityService {

    private static final String BAD_CREDENTIALS = "The email or password is incorrect.";
    private static final String BAD_REFRESH_TOKEN = "The refresh token is invalid, expired or already used.";

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final EventPublisher events;
    private final EmailVerificationService verification;
    private final Throttle throttle;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration refreshTtl;
    private final String unknownUserHash;

    IdentityService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordEncoder passwords,
            AccessTokens accessTokens, EventPublisher events, EmailVerificationService verification,
            Throttle throttle, TransactionTemplate transaction, Clock clock,
            @Value("${waybill.jwt.refresh-token-ttl:P30D}") Duration refreshTtl) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.events = events;
        this.verification = verification;
        this.throttle = throttle;
        this.transaction = transaction;
        this.clock = clock;
        this.refreshTtl = refreshTtl;
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
        events.publish(new UserRegistered(user.id(), user.role().wireName(), user.createdAt()));
        return user;
    }

    /**
     * Logs in. Failed attempts count against the address (known or not): once they are spent, every
     * attempt is refused until the period ends, before the password is even checked, so a guesser
     * learns nothing more. The owner can still reset the password, which lifts the lock.
     */
    @Transactional
    public TokenPair login(String email, String password) {
        Email address = new Email(email);
        throttle.requireAvailable(RateLimit.LOGIN_ACCOUNT, address.value());
        User user = users.findLiveByEmail(address).orElse(null);
        String hash = user == null ? unknownUserHash : user.passwordHash();
        boolean matches = password != null && passwords.matches(password, hash);
        if (user == null || !matches) {
            throttle.take(RateLimit.LOGIN_ACCOUNT, address.value());
            throw new AuthenticationFailedException(BAD_CREDENTIALS);
        }
        return issueTokens(user, UUID.randomUUID(), clock.instant());
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
                    User user = users.find(token.userId()).filter(User::isActive).orElse(null);
                    if (user == null) {
                        return null;
                    }
                    refreshTokens.markUsed(token.id(), now);
                    return issueTokens(user, token.familyId(), now);
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

    public User me(Caller caller) {
        return users.find(caller.userId()).filter(User::isActive)
                .orElseThrow(() -> new NotFoundException("No such user."));
    }

    public Page<User> list(Role role, PageQuery page) {
        return users.list(role, page);
    }

    /** Deletes an account: it can no longer log in, its tokens stop working, its shipments stay. */
    @Transactional
    public void delete(Caller admin, UUID userId) {
        if (admin.is(userId)) {
            throw new ConflictException("An admin cannot delete their own account.");
        }
        User user = users.find(userId).filter(User::isActive)
                .orElseThrow(() -> new NotFoundException("No such user."));
        Instant now = clock.instant();
        user.delete(now);
        users.markDeleted(user);
        refreshTokens.revokeAllOf(userId, now);
        events.publish(new UserDeleted(user.id(), user.role().wireName(), now));
    }

    boolean anyAdmin() {
        return users.anyLiveAdmin();
    }

    private TokenPair issueTokens(User user, UUID family, Instant now) {
        RefreshToken.Issued refresh = RefreshToken.issue(user.id(), family, now, refreshTtl);
        refreshTokens.add(refresh.token());
        return new TokenPair(accessTokens.issue(user, now), accessTokens.ttlSeconds(), refresh.value(), user.role(),
                user.id());
    }

    /** What registering an account takes. */
    public record Registration(String email, String password, String fullName, String phone, Role role) {
    }
}
