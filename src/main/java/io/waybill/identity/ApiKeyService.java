package io.waybill.identity;

import io.waybill.kernel.Caller;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys for integrations: an admin issues one for a delivery agent, lists them, revokes them. */
@Service
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final AccountAnnouncements announcements;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, UserRepository users, AccountAnnouncements announcements, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** A new key for an agent. Its value is in the answer and nowhere else, ever. */
    @Transactional
    public ApiKey.Issued create(Caller admin, UUID agentId, String name) {
        if (agentId == null || users.find(agentId).filter(User::isActive).filter(user -> user.role() == Role.AGENT)
                .isEmpty()) {
            throw new InvalidRequestException("agent_id", "is not an active delivery agent");
        }
        ApiKey.Issued issued = ApiKey.issue(agentId, name, admin.userId(), clock.instant());
        keys.add(issued.key());
        announcements.keyIssued(issued.key());
        return issued;
    }

    public Page<ApiKey> list(UUID agentId, PageQuery page) {
        return keys.list(agentId, page);
    }

    /** Revokes a key; it is refused from the next request on. Revoking a revoked key changes nothing. */
    @Transactional
    public void revoke(UUID id) {
        ApiKey key = keys.find(id).orElseThrow(() -> new NotFoundException("No such API key."));
        if (key.isRevoked()) {
            return;
        }
        Instant now = clock.instant();
        keys.revoke(id, now);
        announcements.keyRevoked(key, now);
    }
}
