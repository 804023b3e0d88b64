package io.waybill.identity;

import io.waybill.security.AccountLookup;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where accounts are kept. Lookups by email and lists see live accounts only. */
public interface UserRepository {

    Optional<User> find(UUID id);

    Optional<User> findLiveByEmail(Email email);

    /** A live account as its tokens see it, read on every authenticated request, so kept to one indexed row. */
    Optional<AccountLookup.ActiveAccount> active(UUID id);

    /** Access tokens of this account issued before {@code at} stop working. */
    void revokeTokensIssuedBefore(UUID id, Instant at);

    /** Stores a new account; refuses with a conflict if a live account has that address. */
    void add(User user);

    void markDeleted(User user);

    void markEmailVerified(User user);

    /** Stores whether the account is disabled, and since when. */
    void saveDisabled(User user);

    void changeRole(User user);

    void changePasswordHash(UUID id, String passwordHash);

    boolean anyLiveAdmin();

    Page<User> list(Role role, PageQuery page);
}
