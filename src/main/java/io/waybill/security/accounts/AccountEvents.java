package io.waybill.security.accounts;

import io.waybill.eventing.EventHandler;
import io.waybill.kernel.Services;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.kernel.ApiScope;
import io.waybill.kernel.Role;
import io.waybill.security.AccountRecords;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the copy of accounts and API keys from identity's events, in a service that does not have
 * identity's tables (and, harmlessly, in the one that does, where identity wrote the same facts
 * already). The events are read by their published contract (topic and snake_case payload fields,
 * docs/API.md), not through identity's classes: identity depends on this module, not the reverse.
 * Applying a fact twice, or late, changes nothing ({@link AccountRecords}).
 *
 * <p>Every service keeps a copy of its own, so every service needs every event: the consumer group
 * is the service's own ({@code security-accounts-shipments}, ...; {@code security-accounts} when
 * one process runs them all). Sharing one group would split the topics' partitions among the
 * services, and each copy would see only some accounts. Replicas of one service share its database,
 * hence its group.
 */
@Component
class AccountEvents implements EventHandler {

    static final String USER_CREATED = "user.created";
    static final String USER_UPDATED = "user.updated";
    static final String USER_DELETED = "user.deleted";
    static final String KEY_ISSUED = "api_key.issued";
    static final String KEY_REVOKED = "api_key.revoked";

    private static final Logger log = LoggerFactory.getLogger(AccountEvents.class);

    private final AccountRecords records;
    private final String group;

    AccountEvents(AccountRecords records, Services services) {
        this.records = records;
        this.group = services.perProcess("security-accounts");
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public Set<String> topics() {
        return Set.of(USER_CREATED, USER_UPDATED, USER_DELETED, KEY_ISSUED, KEY_REVOKED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        JsonNode payload = event.payload();
        Instant at = payload.hasNonNull("occurred_at") ? instant(payload, "occurred_at") : event.occurredAt();
        switch (event.type()) {
            case USER_CREATED, USER_UPDATED -> {
                Role role = role(event, payload);
                if (role != null) {
                    // user.created has no tokens_revoked_at: a new account has revoked nothing.
                    // user.created, and user.updated from before accounts could be disabled, say none: enabled.
                    records.record(uuid(payload, "user_id"), role, instant(payload, "tokens_revoked_at"),
                            payload.hasNonNull("disabled") && payload.get("disabled").asBoolean(), at);
                }
            }
            case USER_DELETED -> {
                Role role = role(event, payload);
                records.forget(uuid(payload, "user_id"), role == null ? Role.CUSTOMER : role, at);
            }
            case KEY_ISSUED -> records.recordKey(uuid(payload, "key_id"), uuid(payload, "user_id"),
                    HexFormat.of().parseHex(text(payload, "key_hash")), terms(payload), at);
            case KEY_REVOKED -> records.revokeKey(uuid(payload, "key_id"), uuid(payload, "user_id"), at);
            default -> throw new IllegalArgumentException("Unexpected event type " + event.type());
        }
    }

    /**
     * The account's role, or null for one this version does not know: such an account stays
     * unknown here (its tokens would claim that role too, and are refused), rather than the event
     * stopping the consumer for good.
     */
    private static Role role(ReceivedEvent event, JsonNode payload) {
        String wire = text(payload, "role");
        Role role = Role.fromWire(wire).orElse(null);
        if (role == null) {
            log.warn("Event {} ({}) names an unknown role '{}'", event.eventId(), event.type(), wire);
        }
        return role;
    }

    /**
     * An event from before keys had terms names none of them: the key is an agent's, with every
     * scope, for good. A scope this version does not know is left out (the key gains nothing from it).
     */
    private static AccountRecords.KeyTerms terms(JsonNode payload) {
        Role role = payload.hasNonNull("role") ? Role.fromWire(payload.get("role").asString()).orElse(Role.ADMIN)
                : AccountRecords.KeyTerms.LEGACY.role();
        Set<ApiScope> scopes = null;
        if (payload.hasNonNull("scopes")) {
            scopes = EnumSet.noneOf(ApiScope.class);
            for (JsonNode scope : payload.get("scopes")) {
                ApiScope.fromWire(scope.asString()).ifPresent(scopes::add);
            }
        }
        Integer perMinute = payload.hasNonNull("requests_per_minute") ? payload.get("requests_per_minute").asInt()
                : null;
        return new AccountRecords.KeyTerms(role, scopes, instant(payload, "expires_at"), perMinute);
    }

    private static String text(JsonNode payload, String field) {
        if (!payload.hasNonNull(field)) {
            throw new IllegalArgumentException("The event's payload has no " + field);
        }
        return payload.get(field).asString();
    }

    private static UUID uuid(JsonNode payload, String field) {
        return UUID.fromString(text(payload, field));
    }

    private static Instant instant(JsonNode payload, String field) {
        return payload.hasNonNull(field) ? Instant.parse(payload.get(field).asString()) : null;
    }
}
