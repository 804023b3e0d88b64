package io.waybill.identity;

import io.waybill.kernel.AuthenticationFailedException;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Role;
import io.waybill.kernel.SingleLineText;
import io.waybill.kernel.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in with an OpenID Connect provider, once the provider has said who signed in. The account is
 * the one linked to that identity (issuer and subject); the first time, it is the live account with
 * the address the provider verified, or a new customer account with it. The browser is handed a
 * one-time code, not tokens: the code is traded once, within a minute, for the pair a password login
 * gives, so that no token travels in a URL or a browser's history. Each provider's registration
 * signs in to one tenant ({@link SignInProviders#tenantOf}): its accounts and links are that tenant's,
 * and the same person may have an account in each tenant whose provider they sign in with.
 */
@Service
public class ProviderSignIn {

    /**
     * The session attribute where a sign-in started from the web pages leaves its code, for the
     * pages to trade on {@code /signin/provider}: bound to the browser that started it, so that no
     * one can sign another person's browser in with a code of their own.
     */
    public static final String SESSION_CODE = ProviderSignIn.class.getName() + ".code";
    /** The session attribute where a refused sign-in started from the web pages leaves its message. */
    public static final String SESSION_REFUSAL = ProviderSignIn.class.getName() + ".refusal";
    /**
     * The session attribute where a sign-in started from the web pages leaves the slug of its
     * provider's tenant, so that a refusal shows that tenant's sign-in page, not the default tenant's.
     */
    public static final String SESSION_TENANT = ProviderSignIn.class.getName() + ".tenant";
    /**
     * The session attribute where a sign-in started from the web pages leaves the page it was on its
     * way to ({@code continue} at its start), unchecked: the pages go there only if it is theirs.
     */
    public static final String SESSION_CONTINUE = ProviderSignIn.class.getName() + ".continue";

    static final String UNVERIFIED = "The provider has not verified the email address of this sign-in: "
            + "verify it with the provider, or sign in with a password.";
    static final String DISABLED = "This Waybill account is disabled.";
    static final String BAD_CODE = "The sign-in code is invalid, expired or already used.";
    static final String OTHER_TENANT = "This identity provider signs in to another tenant.";

    private final UserRepository users;
    private final ProviderLinkRepository links;
    private final AccountTokenRepository codes;
    private final AccountAnnouncements announcements;
    private final IdentityService identity;
    private final PasswordEncoder passwords;
    private final AccountTenants tenants;
    private final Clock clock;

    ProviderSignIn(UserRepository users, ProviderLinkRepository links, AccountTokenRepository codes,
            AccountAnnouncements announcements, IdentityService identity, PasswordEncoder passwords,
            AccountTenants tenants, Clock clock) {
        this.users = users;
        this.tenants = tenants;
        this.links = links;
        this.codes = codes;
        this.announcements = announcements;
        this.identity = identity;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * The account this identity signs in as, found, linked or created, and a one-time code for its
     * tokens. The work must be the registration's tenant's ({@link AccountTenants#bindForProvider}):
     * the links and accounts it reads and writes are the connection's tenant's, so any other tenant's
     * would link or open an account there.
     */
    @Transactional
    public SignInCode signIn(ProviderIdentity who) {
        if (!TenantContext.current().equals(Optional.of(tenants.tenantOfProvider(who.registration())))) {
            throw new ForbiddenException(OTHER_TENANT);
        }
        Instant now = clock.instant();
        Optional<ProviderLink> link = links.find(who.issuer(), who.subject());
        User user;
        if (link.isPresent()) {
            // A deleted account stays deleted: its identity does not open a new account behind it.
            user = users.find(link.get().userId()).filter(User::canSignIn)
                    .orElseThrow(() -> new ForbiddenException(DISABLED));
        } else {
            user = firstSignIn(who, now);
        }
        AccountToken.Issued code = AccountToken.issue(user.id(), AccountToken.Purpose.PROVIDER_SIGN_IN, now);
        codes.add(code.token());
        return new SignInCode(code.value(), user.id(), user.role(), user.email().value(),
                AccountToken.Purpose.PROVIDER_SIGN_IN.lifetime().toSeconds());
    }

    /** Trades a sign-in code, once, for the account's tokens, as a password login would give them. */
    @Transactional
    public TokenPair redeem(String code) {
        Instant now = clock.instant();
        AccountToken redeemed = code == null || code.isBlank() ? null
                : codes.lockByHash(OneTimeSecret.hash(code), AccountToken.Purpose.PROVIDER_SIGN_IN)
                        .filter(candidate -> candidate.isRedeemableAt(now)).orElse(null);
        if (redeemed == null) {
            throw new AuthenticationFailedException(BAD_CODE);
        }
        codes.markUsed(redeemed.id(), now);
        User user = users.find(redeemed.userId()).filter(User::canSignIn)
                .orElseThrow(() -> new AuthenticationFailedException(BAD_CODE));
        return identity.startSession(user);
    }

    private User firstSignIn(ProviderIdentity who, Instant now) {
        if (who.email() == null || who.email().isBlank() || !who.emailVerified()) {
            throw new ForbiddenException(UNVERIFIED);
        }
        Email email = new Email(who.email());
        User user = users.findLiveByEmail(email).orElse(null);
        if (user != null && user.isDisabled()) {
            throw new ForbiddenException(DISABLED);
        }
        if (user == null) {
            user = User.register(email, unusablePassword(), displayName(who.name()), null, Role.CUSTOMER, now);
            user.verifyEmail(now);
            users.add(user);
            users.markEmailVerified(user);
            announcements.registered(user);
            announcements.emailVerified(user, null, now);
        } else if (!user.isEmailVerified()) {
            // Whoever registered this address never proved they read it, and the provider's user has:
            // the registrant's password and sessions end, so that an account opened in someone else's
            // name before they ever signed in cannot be taken over through the link.
            users.changePasswordHash(user.id(), unusablePassword());
            users.revokeTokensIssuedBefore(user.id(), now);
            user.verifyEmail(now);
            users.markEmailVerified(user);
            announcements.emailVerified(user, now, now);
        }
        links.add(new ProviderLink(who.issuer(), who.subject(), user.id(), who.registration(), email.value(), now));
        return user;
    }

    /** A password nobody knows: the account signs in through its provider until its owner resets one. */
    private String unusablePassword() {
        return passwords.encode(OneTimeSecret.generate());
    }

    /** The provider's name for the person when it is one printable line of a fitting length, else none. */
    private static String displayName(String name) {
        if (name == null || name.isBlank() || name.length() > User.MAX_FULL_NAME || !SingleLineText.isSingleLine(name)) {
            return null;
        }
        try {
            return SingleLineText.optional("full_name", name, User.MAX_FULL_NAME);
        } catch (InvalidRequestException unprintable) {
            return null;
        }
    }

    /** The one-time code of a sign-in, and whom it signs in. */
    public record SignInCode(String value, UUID userId, Role role, String email, long expiresInSeconds) {
    }
}
