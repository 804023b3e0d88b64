package io.waybill.identity;

import io.waybill.eventing.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A tenant's settings are now these: the {@code tenant.settings_changed} event, keyed by the tenant,
 * published when a tenant is opened and whenever its admin or the platform operator changes them. It
 * carries the whole state as of {@code occurredAt}, not a difference, so a module keeping a copy (the
 * carrier's name on public tracking, the proofs a delivery may rest on, the sender of the tenant's
 * mail, the budgets of its rate limits) replaces its row with the newest one and a replayed or late
 * event changes nothing. A null {@code senderEmail}, {@code senderName}, {@code acceptedProofs} or
 * {@code rateLimits} means the deployment's own; {@code rateLimits} names only the limits the tenant
 * sized, by their configuration names ({@code booking}, {@code api-key}, ...).
 */
@NamedInterface("events")
public record TenantSettingsChanged(UUID tenantId, String displayName, String senderEmail, String senderName,
        List<String> acceptedProofs, Map<String, Integer> rateLimits, Instant occurredAt) implements DomainEvent {

    public static final String TOPIC = "tenant.settings_changed";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return tenantId.toString();
    }
}
