package io.waybill.identity;

import io.waybill.identity.config.IdentityProperties;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.Role;
import io.waybill.security.ApiKeyBudget;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for integrations: an admin issues one for a delivery agent (a scanner app); a customer
 * issues their own (a shop integrating with its account); owners list and revoke theirs, admins all.
 */
@Service
public class ApiKeyService {

    private static final String NOT_FOUND = "No such API key.";

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final AccountAnnouncements announcements;
    private final Clock clock;
    private final ApiKey.Bounds bounds;
    private final ApiKeyBudget budgets;
    private final int maxPerUser;

    ApiKeyService(ApiKeyRepository keys, UserRepository users, AccountAnnouncements announcements, Clock clock,
            IdentityProperties properties, ApiKeyBudget budgets) {
        this.keys = keys;
        this.users = users;
        this.announcements = announcements;
        this.clock = clock;
        this.bounds = new ApiKey.Bounds(properties.apiKeys().maxLifetime(),
                properties.apiKeys().maxRequestsPerMinute());
        this.budgets = budgets;
        this.maxPerUser = properties.apiKeys().maxPerUser();
    }

    /** A new key for an agent, issued by an admin. Its value is in the answer and nowhere else, ever. */
    @Transactional
    public ApiKey.Issued createForAgent(Caller admin, UUID agentId, ApiKey.Request request) {
        if (agentId == null || users.find(agentId).filter(User::isActive).filter(user -> user.role() == Role.AGENT)
                .isEmpty()) {
            throw new InvalidRequestException("agent_id", "is not an active delivery agent");
        }
        return issue(agentId, Role.AGENT, request, bounds, admin);
    }

    /** A new key of the caller's own, acting for them within its scopes. */
    @Transactional
    public ApiKey.Issued createOwn(Caller owner, ApiKey.Request request) {
        return issue(owner.userId(), owner.role(), request, ownBounds(), owner);
    }

    /**
     * A customer's own key gets no more than a key without a limit of its own gets: the api-key budget
     * of the owner's tenant (the running request's), else the deployment's. Ten keys at a higher
     * limit each would multiply what one account may ask of the server, and only an admin answers for that.
     */
    private ApiKey.Bounds ownBounds() {
        return new ApiKey.Bounds(bounds.maxLifetime(),
                Math.min(bounds.maxRequestsPerMinute(), budgets.defaultPerMinute()));
    }

    private ApiKey.Issued issue(UUID ownerId, Role ownerRole, ApiKey.Request request, ApiKey.Bounds bounds,
            Caller by) {
        Instant now = clock.instant();
        ApiKey.Issued issued = ApiKey.issue(ownerId, ownerRole, request, bounds, by.userId(), now);
        // 409: the request is valid, and succeeds once the owner revokes a key (or one expires).
        if (keys.countUsableLockingOwner(ownerId, now) >= maxPerUser) {
            throw new ConflictException("This account already has " + maxPerUser + " API keys that are neither "
                    + "revoked nor expired, the most it may have; revoke one before issuing another.");
        }
        keys.add(issued.key());
        announcements.keyIssued(issued.key(), ownerRole);
        return issued;
    }

    /** Keys of one account, or (userId null) of all: for admins. */
    public Page<ApiKey> list(UUID userId, PageQuery page) {
        return keys.list(userId, page);
    }

    /** One key, of any account: for admins. */
    public ApiKey get(UUID id) {
        return keys.find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    public Page<ApiKey> listOwn(Caller owner, PageQuery page) {
        return keys.list(owner.userId(), page);
    }

    /** Revokes a key; it is refused from the next request on. Revoking a revoked key changes nothing. */
    @Transactional
    public void revoke(UUID id) {
        revoke(keys.find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND)));
    }

    /** Revokes one of the caller's keys; someone else's is answered as if it did not exist. */
    @Transactional
    public void revokeOwn(Caller owner, UUID id) {
        revoke(keys.find(id).filter(key -> owner.is(key.userId())).orElseThrow(() -> new NotFoundException(NOT_FOUND)));
    }

    private void revoke(ApiKey key) {
        if (key.isRevoked()) {
            return;
        }
        Instant now = clock.instant();
        keys.revoke(key.id(), now);
        announcements.keyRevoked(key, now);
    }
}
