package io.waybill.identity;

import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.mail.OutgoingMail;
import io.waybill.security.AccountLookup;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves that an account's owner reads its address: a one-time token goes out by email on
 * registration (or on request), and sending it back marks the address verified.
 */
@Service
public class EmailVerificationService {

    static final String BAD_TOKEN = "is invalid, expired or already used";

    private final UserRepository users;
    private final AccountTokenRepository tokens;
    private final OutgoingMail mail;
    private final AccountAnnouncements announcements;
    private final Clock clock;

    EmailVerificationService(UserRepository users, AccountTokenRepository tokens, OutgoingMail mail,
            AccountAnnouncements announcements, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.mail = mail;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** Sends the caller a new verification email; the older tokens stop working. */
    @Transactional
    public void resend(Caller caller) {
        User user = users.find(caller.userId()).filter(User::isActive)
                .orElseThrow(() -> new NotFoundException("No such user."));
        if (user.isEmailVerified()) {
            throw new ConflictException("This email address is already verified.");
        }
        send(user);
    }

    /**
     * Marks the address verified and announces it ({@code user.updated}): the modules that write to
     * the address (notifications) keep their own copy of the account and wait for this proof.
     */
    @Transactional
    public void verify(String token) {
        Instant now = clock.instant();
        AccountToken redeemed = token == null ? null
                : tokens.lockByHash(OneTimeSecret.hash(token), AccountToken.Purpose.VERIFY_EMAIL)
                        .filter(candidate -> candidate.isRedeemableAt(now)).orElse(null);
        User user = redeemed == null ? null : users.find(redeemed.userId()).filter(User::isActive).orElse(null);
        if (user == null) {
            throw new InvalidRequestException("token", BAD_TOKEN);
        }
        tokens.markUsed(redeemed.id(), now);
        user.verifyEmail(now);
        users.markEmailVerified(user);
        announcements.emailVerified(user,
                users.active(user.id()).map(AccountLookup.ActiveAccount::tokensRevokedAt).orElse(null), now);
    }

    void send(User user) {
        Instant now = clock.instant();
        tokens.supersede(user.id(), AccountToken.Purpose.VERIFY_EMAIL, now);
        AccountToken.Issued issued = AccountToken.issue(user.id(), AccountToken.Purpose.VERIFY_EMAIL, now);
        tokens.add(issued.token());
        mail.queue(user.email().value(), "Confirm your email address for Waybill", """
                Hello%s,

                please confirm that this address belongs to your Waybill account. Send this token
                to POST /auth/verify-email as {"token": "..."} within 24 hours:

                    token: %s

                If you did not open a Waybill account, ignore this message.
                """.formatted(greeting(user), issued.value()));
    }

    /**
     * The name to greet by, only once the address is verified: until then the name is whatever the
     * registrant typed, and the address may be a stranger's, who must not get text of theirs in a
     * mail from Waybill.
     */
    static String greeting(User user) {
        return user.fullName() == null || !user.isEmailVerified() ? "" : " " + user.fullName();
    }
}
