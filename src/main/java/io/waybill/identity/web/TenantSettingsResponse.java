package io.waybill.identity.web;

import io.waybill.identity.TenantSettings;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's settings as its admin and the platform operator see them; null sender fields and
 * proofs, and null rate limits, mean the deployment's.
 */
record TenantSettingsResponse(UUID id, String slug, String displayName, String senderEmail, String senderName,
        List<String> acceptedProofs, Map<String, Integer> rateLimits) {

    static TenantSettingsResponse of(TenantSettings settings) {
        return new TenantSettingsResponse(settings.tenantId(), settings.slug(), settings.displayName(),
                settings.senderEmail(), settings.senderName(), settings.acceptedProofs(), settings.rateLimits());
    }
}
