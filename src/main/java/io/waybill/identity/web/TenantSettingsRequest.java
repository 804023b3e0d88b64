package io.waybill.identity.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.waybill.identity.TenantSettings;
import java.util.List;
import java.util.Map;

/**
 * A change of a tenant's settings (PATCH): a field left out or null stays as it is; a blank
 * {@code sender_email} or {@code sender_name} goes back to the deployment's, as {@code rate_limits: {}}
 * does for the budgets and {@code accepted_proofs: null} for the proofs. The rules are
 * {@link TenantSettings}'s.
 * <p>
 * A class with setters rather than a record: {@code accepted_proofs} left out and
 * {@code accepted_proofs: null} mean two things, and only a setter hears the difference (Jackson
 * calls it for an explicit null, never for a field left out).
 */
final class TenantSettingsRequest {

    @Schema(example = "Acme Couriers", description = "What its customers see; one line, at most 200 characters")
    private String displayName;
    @Schema(example = "dispatch@acme.example", description = "The From address of the tenant's mail; "
            + "blank for the deployment's")
    private String senderEmail;
    @Schema(example = "Acme Couriers", description = "The From name of the tenant's mail; blank for the "
            + "deployment's")
    private String senderName;
    @Schema(example = "[\"signature\", \"photo\"]", nullable = true, description = "The proofs a delivery may "
            + "rest on: one or more of otp, signature, photo; null goes back to the deployment's "
            + "(WAYBILL_DELIVERY_ACCEPTED_PROOFS); left out, they stay as they are")
    private List<String> acceptedProofs;
    private boolean acceptedProofsSent;
    @Schema(example = "{\"booking\": 50, \"api-key\": 600}", description = "The tenant's own budgets of "
            + "the limits its accounts and API keys spend from, each per the limit's period: booking, locations, "
            + "api-key, webhook-test, 1 to 1000000. The map given replaces the tenant's; {} goes back to the "
            + "deployment's")
    private Map<String, Integer> rateLimits;

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getSenderEmail() {
        return senderEmail;
    }

    public void setSenderEmail(String senderEmail) {
        this.senderEmail = senderEmail;
    }

    public String getSenderName() {
        return senderName;
    }

    public void setSenderName(String senderName) {
        this.senderName = senderName;
    }

    public List<String> getAcceptedProofs() {
        return acceptedProofs;
    }

    /** Called for {@code "accepted_proofs": null} too: then the proofs go back to the deployment's. */
    public void setAcceptedProofs(List<String> acceptedProofs) {
        this.acceptedProofs = acceptedProofs;
        this.acceptedProofsSent = true;
    }

    public Map<String, Integer> getRateLimits() {
        return rateLimits;
    }

    public void setRateLimits(Map<String, Integer> rateLimits) {
        this.rateLimits = rateLimits;
    }

    TenantSettings.Change toChange() {
        return new TenantSettings.Change(displayName, senderEmail, senderName, acceptedProofs, rateLimits,
                acceptedProofsSent && acceptedProofs == null);
    }
}
