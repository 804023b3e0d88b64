package io.waybill.identity;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.SingleLineText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What a tenant's admin (or the platform operator) sets for the tenant (issue 13): the display name
 * its customers see, who its mail comes from, and which proofs of delivery it accepts. A null sender
 * or proof list means the deployment's own. Other modules keep their copies from
 * {@link TenantSettingsChanged}, which carries the whole of it.
 *
 * @param acceptedProofs the wire names of the proofs accepted ({@code otp}, {@code signature},
 *                       {@code photo}), in that order, or null for the deployment's
 */
public record TenantSettings(UUID tenantId, String slug, String displayName, String senderEmail, String senderName,
        List<String> acceptedProofs) {

    /**
     * The proofs of delivery there are, by their wire names. The shipments module owns what they mean
     * (its {@code ProofKind}, which a test keeps equal to this list); identity only keeps a tenant's
     * choice among them, since it may not depend on shipments.
     */
    public static final List<String> PROOF_KINDS = List.of("otp", "signature", "photo");
    static final int MAX_SENDER_NAME = 200;

    public TenantSettings {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(slug);
        Objects.requireNonNull(displayName);
        acceptedProofs = acceptedProofs == null ? null : List.copyOf(acceptedProofs);
    }

    /**
     * These settings with the change applied; each field is checked and a bad one refused naming it
     * (422). A field the change leaves null stays as it is; a blank sender email or name goes back to
     * the deployment's.
     */
    public TenantSettings with(Change change) {
        String name = change.displayName() == null ? displayName
                : SingleLineText.required("display_name", change.displayName(), Tenant.MAX_DISPLAY_NAME);
        String email = change.senderEmail() == null ? senderEmail : senderEmail(change.senderEmail());
        String sender = change.senderName() == null ? senderName
                : SingleLineText.optional("sender_name", change.senderName(), MAX_SENDER_NAME);
        List<String> proofs = change.acceptedProofs() == null ? acceptedProofs : proofs(change.acceptedProofs());
        return new TenantSettings(tenantId, slug, name, email, sender, proofs);
    }

    /** The event that tells other modules the whole of these settings. */
    TenantSettingsChanged changed(Instant at) {
        return new TenantSettingsChanged(tenantId, displayName, senderEmail, senderName, acceptedProofs, at);
    }

    private static String senderEmail(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return new Email(value).value();
        } catch (InvalidRequestException bad) {
            throw new InvalidRequestException("sender_email", bad.getMessage());
        }
    }

    /** A non-empty list of known proofs, each once, put in the order of {@link #PROOF_KINDS}. */
    private static List<String> proofs(List<String> values) {
        if (values.isEmpty()) {
            throw new InvalidRequestException("accepted_proofs", "must name at least one of "
                    + String.join(", ", PROOF_KINDS));
        }
        List<String> named = new ArrayList<>();
        for (String value : values) {
            String wire = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            if (!PROOF_KINDS.contains(wire)) {
                throw new InvalidRequestException("accepted_proofs", "must hold only "
                        + String.join(", ", PROOF_KINDS));
            }
            named.add(wire);
        }
        return PROOF_KINDS.stream().filter(named::contains).toList();
    }

    /**
     * A change of settings as asked for: null leaves a field as it is; a blank {@code senderEmail}
     * or {@code senderName} returns to the deployment's.
     */
    public record Change(String displayName, String senderEmail, String senderName, List<String> acceptedProofs) {
    }
}
