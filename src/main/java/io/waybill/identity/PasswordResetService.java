package io.waybill.identity;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.mail.OutgoingMail;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets the owner of an address set a new password: a one-time token valid 30 minutes goes to the
 * address, whether or not an account has it (the answer never tells). Setting the new password
 * logs every session out and lifts a lock-out from failed logins, since the owner proved who they are
 * (the login budgets are kept per password, see {@link IdentityService#login}).
 */
@Service
public class PasswordResetService {

    private final UserRepository users;
    private final AccountTokenRepository tokens;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordEncoder passwords;
    private final OutgoingMail mail;
    private final AccountAnnouncements announcements;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PasswordResetService(UserRepository users, AccountTokenRepository tokens, RefreshTokenRepository refreshTokens,
            PasswordEncoder passwords, OutgoingMail mail, AccountAnnouncements announcements, TransactionTemplate transaction,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.mail = mail;
        this.announcements = announcements;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Emails a reset token if a live account has this address; does nothing otherwise, and says nothing. */
    public void request(String email) {
        Email address = new Email(email);
        transaction.executeWithoutResult(status -> users.findLiveByEmail(address).ifPresent(user -> {
            Instant now = clock.instant();
            tokens.supersede(user.id(), AccountToken.Purpose.RESET_PASSWORD, now);
            AccountToken.Issued issued = AccountToken.issue(user.id(), AccountToken.Purpose.RESET_PASSWORD, now);
            tokens.add(issued.token());
            mail.queue(user.email().value(), "Reset your Waybill password", """
                    Hello%s,

                    someone asked to reset the password of your Waybill account. To choose a new one, send
                    this token to POST /auth/reset-password as {"token": "...", "new_password": "..."}
                    within 30 minutes:

                        token: %s

                    If it was not you, ignore this message: your password stays as it is.
                    """.formatted(EmailVerificationService.greeting(user), issued.value()));
        }));
    }

    public void reset(String token, String newPassword) {
        String password = PasswordPolicy.check("new_password", newPassword);
        String hash = passwords.encode(password);
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            AccountToken redeemed = token == null ? null
                    : tokens.lockByHash(OneTimeSecret.hash(token), AccountToken.Purpose.RESET_PASSWORD)
                            .filter(candidate -> candidate.isRedeemableAt(now)).orElse(null);
            User owner = redeemed == null ? null : users.find(redeemed.userId()).filter(User::isActive).orElse(null);
            if (owner == null) {
                throw new InvalidRequestException("token", EmailVerificationService.BAD_TOKEN);
            }
            tokens.markUsed(redeemed.id(), now);
            users.changePasswordHash(owner.id(), hash);
            refreshTokens.revokeAllOf(owner.id(), now);
            users.revokeTokensIssuedBefore(owner.id(), now);
            // The token came through the mailbox, so it proves the address too.
            owner.verifyEmail(now);
            users.markEmailVerified(owner);
            announcements.tokensRevoked(owner, now);
        });
    }
}
