package io.waybill.identity.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.identity.TenantSettings;
import java.util.List;
import java.util.Map;

/**
 * A change of a tenant's settings (PATCH): a field left out or null stays as it is; a blank
 * {@code sender_email} or {@code sender_name} goes back to the deployment's, as {@code rate_limits: {}}
 * does for the budgets. The rules are
 * {@link TenantSettings}'s.
 */
record TenantSettingsRequest(
        @Schema(example = "Acme Couriers", description = "What its customers see; one line, at most 200 characters")
        String displayName,
        @Schema(example = "dispatch@acme.example", description = "The From address of the tenant's mail; "
                + "blank for the deployment's") String senderEmail,
        @Schema(example = "Acme Couriers", description = "The From name of the tenant's mail; blank for the "
                + "deployment's") String senderName,
        @Schema(example = "[\"signature\", \"photo\"]", description = "The proofs a delivery may rest on: one or "
                + "more of otp, signature, photo") List<String> acceptedProofs,
        @Schema(example = "{\"booking\": 50, \"api-key\": 600}", description = "The tenant's own budgets of "
                + "the limits its accounts and API keys spend from, each per the limit's period: booking, locations, "
                + "api-key, webhook-test, 1 to 1000000. The map given replaces the tenant's; {} goes back to the "
                + "deployment's") Map<String, Integer> rateLimits) {

    TenantSettings.Change toChange() {
        return new TenantSettings.Change(displayName, senderEmail, senderName, acceptedProofs, rateLimits);
    }
}
