package io.waybill.identity;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.SingleLineText;
import io.waybill.security.RateLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a tenant's admin (or the platform operator) sets for the tenant (issue 13): the display name
 * its customers see, who its mail comes from, and which proofs of delivery it accepts. A null sender
 * or proof list means the deployment's own. Other modules keep their copies from
 * {@link TenantSettingsChanged}, which carries the whole of it.
 *
 * @param acceptedProofs the wire names of the proofs accepted ({@code otp}, {@code signature},
 *                       {@code photo}), in that order, or null for the deployment's
 * @param rateLimits     the tenant's own budgets of the limits its people spend from, by the limit's
 *                       name ({@link #RATE_LIMITS}), each per the limit's period; a limit not named
 *                       (or null: none) is the deployment's
 */
public record TenantSettings(UUID tenantId, String slug, String displayName, String senderEmail, String senderName,
        List<String> acceptedProofs, Map<String, Integer> rateLimits) {

    /**
     * The proofs of delivery there are, by their wire names. The shipments module owns what they mean
     * (its {@code ProofKind}, which a test keeps equal to this list); identity only keeps a tenant's
     * choice among them, since it may not depend on shipments.
     */
    public static final List<String> PROOF_KINDS = List.of("otp", "signature", "photo");
    /** The limits a tenant may size for itself ({@link RateLimit#tenantSized()}). */
    public static final List<RateLimit> RATE_LIMITS = Arrays.stream(RateLimit.values()).filter(RateLimit::tenantSized)
            .toList();
    static final int MAX_RATE_LIMIT = 1_000_000;
    static final int MAX_SENDER_NAME = 200;

    /** Settings with nothing of their own: the deployment's sender, proofs and limits. */
    public TenantSettings(UUID tenantId, String slug, String displayName) {
        this(tenantId, slug, displayName, null, null, null, null);
    }

    public TenantSettings {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(slug);
        Objects.requireNonNull(displayName);
        acceptedProofs = acceptedProofs == null ? null : List.copyOf(acceptedProofs);
        rateLimits = rateLimits == null || rateLimits.isEmpty() ? null
                : Collections.unmodifiableMap(new TreeMap<>(rateLimits));
    }

    /**
     * These settings with the change applied; each field is checked and a bad one refused naming it
     * (422). A field the change leaves null stays as it is; a blank sender email or name goes back to
     * the deployment's, and so do the proofs when the change asks for the deployment's.
     */
    public TenantSettings with(Change change) {
        String name = change.displayName() == null ? displayName
                : SingleLineText.required("display_name", change.displayName(), Tenant.MAX_DISPLAY_NAME);
        String email = change.senderEmail() == null ? senderEmail : senderEmail(change.senderEmail());
        String sender = change.senderName() == null ? senderName
                : SingleLineText.optional("sender_name", change.senderName(), MAX_SENDER_NAME);
        List<String> proofs = change.deploymentsProofs() ? null
                : change.acceptedProofs() == null ? acceptedProofs : proofs(change.acceptedProofs());
        Map<String, Integer> limits = change.rateLimits() == null ? rateLimits : rateLimits(change.rateLimits());
        return new TenantSettings(tenantId, slug, name, email, sender, proofs, limits);
    }

    /** The event that tells other modules the whole of these settings. */
    TenantSettingsChanged changed(Instant at) {
        return new TenantSettingsChanged(tenantId, displayName, senderEmail, senderName, acceptedProofs, rateLimits,
                at);
    }

    /**
     * Budgets by the name of a limit a tenant may size, each 1 to {@link #MAX_RATE_LIMIT}; none (an
     * empty map) goes back to the deployment's for all of them.
     */
    private static Map<String, Integer> rateLimits(Map<String, Integer> values) {
        Map<String, Integer> named = new TreeMap<>();
        for (Map.Entry<String, Integer> entry : values.entrySet()) {
            String name = entry.getKey() == null ? "" : entry.getKey().trim().toLowerCase(Locale.ROOT);
            if (RATE_LIMITS.stream().noneMatch(limit -> limit.configName().equals(name))) {
                throw new InvalidRequestException("rate_limits", "may size only "
                        + String.join(", ", RATE_LIMITS.stream().map(RateLimit::configName).toList()));
            }
            Integer budget = entry.getValue();
            if (budget == null || budget < 1 || budget > MAX_RATE_LIMIT) {
                throw new InvalidRequestException("rate_limits", "'" + name + "' must be a whole number from 1 to "
                        + MAX_RATE_LIMIT);
            }
            named.put(name, budget);
        }
        return named.isEmpty() ? null : named;
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

    /**
     * A non-empty list of known proofs, each once, put in the order of {@link #PROOF_KINDS}. An empty
     * list is refused (a tenant that accepted no proof could deliver nothing); null is the way back to
     * the deployment's.
     */
    private static List<String> proofs(List<String> values) {
        if (values.isEmpty()) {
            throw new InvalidRequestException("accepted_proofs", "must name at least one of "
                    + String.join(", ", PROOF_KINDS) + ", or be null for the deployment's");
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
     * or {@code senderName} returns to the deployment's, and so do empty {@code rateLimits}, all of
     * them (a map given replaces the tenant's whole set of budgets), and the proofs with
     * {@code deploymentsProofs} (then {@code acceptedProofs} must be null: one or the other).
     */
    public record Change(String displayName, String senderEmail, String senderName, List<String> acceptedProofs,
            Map<String, Integer> rateLimits, boolean deploymentsProofs) {

        public Change {
            if (deploymentsProofs && acceptedProofs != null) {
                throw new IllegalArgumentException("Either the proofs named or the deployment's, not both");
            }
        }

        /** A change that keeps the proofs, or names them. */
        public Change(String displayName, String senderEmail, String senderName, List<String> acceptedProofs,
                Map<String, Integer> rateLimits) {
            this(displayName, senderEmail, senderName, acceptedProofs, rateLimits, false);
        }

        /** A change of the first four only. */
        public Change(String displayName, String senderEmail, String senderName, List<String> acceptedProofs) {
            this(displayName, senderEmail, senderName, acceptedProofs, null);
        }
    }
}
