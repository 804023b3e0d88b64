package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.security.RateLimit;
import io.waybill.shipments.ProofKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantSettingsTest {

    private final TenantSettings settings = new TenantSettings(UUID.randomUUID(), "acme", "Acme");

    @Test
    void shouldChangeOnlyTheFieldsAChangeNames() {
        TenantSettings changed = settings.with(new TenantSettings.Change(null, " Ops@Acme.Example ", "Acme Ops",
                null));

        assertThat(changed.displayName()).isEqualTo("Acme");
        assertThat(changed.senderEmail()).isEqualTo("ops@acme.example");
        assertThat(changed.senderName()).isEqualTo("Acme Ops");
        assertThat(changed.acceptedProofs()).isNull();
        assertThat(changed.with(new TenantSettings.Change(null, "", " ", null)))
                .isEqualTo(new TenantSettings(settings.tenantId(), "acme", "Acme"));
    }

    @Test
    void shouldKeepEachAcceptedProofOnceInOneOrder() {
        assertThat(settings.with(new TenantSettings.Change(null, null, null, List.of("PHOTO", "otp", "photo")))
                .acceptedProofs()).containsExactly("otp", "photo");
    }

    @Test
    void shouldGoBackToTheDeploymentsProofsOnlyWhenAskedAndKeepThemOtherwise() {
        TenantSettings photos = settings.with(new TenantSettings.Change(null, null, null, List.of("photo")));

        assertThat(photos.with(new TenantSettings.Change("Acme Two", null, null, null)).acceptedProofs())
                .as("a change that names no proofs keeps them").containsExactly("photo");
        assertThat(photos.with(new TenantSettings.Change(null, null, null, null, null, true)).acceptedProofs())
                .isNull();
        assertThat(photos.with(new TenantSettings.Change(null, null, null, null, null, true))
                .changed(java.time.Instant.EPOCH).acceptedProofs()).as("and says so to the other modules").isNull();
    }

    @Test
    void shouldReplaceTheWholeSetOfBudgetsAndGoBackToTheDeploymentsWithNone() {
        TenantSettings sized = settings.with(budgets(Map.of(" Booking ", 20, "api-key", 600)));
        assertThat(sized.rateLimits()).containsExactly(Map.entry("api-key", 600), Map.entry("booking", 20));

        assertThat(sized.with(budgets(Map.of("locations", 5))).rateLimits()).containsExactly(Map.entry("locations", 5));
        assertThat(sized.with(new TenantSettings.Change(null, null, "Acme Ops", null)).rateLimits())
                .as("a change that names no budgets keeps them").isEqualTo(sized.rateLimits());
        assertThat(sized.with(budgets(Map.of())).rateLimits()).isNull();
    }

    @Test
    void shouldLetATenantSizeOnlyTheLimitsOfItsAccountsAndKeys() {
        assertThat(TenantSettings.RATE_LIMITS).extracting(RateLimit::configName)
                .containsExactly("booking", "locations", "api-key", "webhook-test");
        assertRefused(budgets(Map.of("tracking", 100)), "rate_limits");
        assertRefused(budgets(Map.of("login-address", 100)), "rate_limits");
        assertRefused(budgets(Map.of("booking", 0)), "rate_limits");
        assertRefused(budgets(Map.of("booking", 1_000_001)), "rate_limits");
        Map<String, Integer> missing = new HashMap<>();
        missing.put("booking", null);
        assertRefused(budgets(missing), "rate_limits");
    }

    @Test
    void shouldRefuseBadValuesNamingTheField() {
        assertRefused(new TenantSettings.Change("", null, null, null), "display_name");
        assertRefused(new TenantSettings.Change("Acme\u2028Call us", null, null, null), "display_name");
        assertRefused(new TenantSettings.Change(null, "not-an-address", null, null), "sender_email");
        assertRefused(new TenantSettings.Change(null, null, "Acme\nBcc: x@example.com", null), "sender_name");
        assertRefused(new TenantSettings.Change(null, null, "x".repeat(201), null), "sender_name");
        assertRefused(new TenantSettings.Change(null, null, null, List.of()), "accepted_proofs");
        assertRefused(new TenantSettings.Change(null, null, null, Arrays.asList("otp", null)), "accepted_proofs");
        assertRefused(new TenantSettings.Change(null, null, null, List.of("fax")), "accepted_proofs");
    }

    @Test
    void shouldKnowTheProofsTheShipmentsModuleKnows() {
        assertThat(TenantSettings.PROOF_KINDS).containsExactly(Arrays.stream(ProofKind.values())
                .map(ProofKind::wireName).toArray(String[]::new));
    }

    private static TenantSettings.Change budgets(Map<String, Integer> budgets) {
        return new TenantSettings.Change(null, null, null, null, budgets);
    }

    private void assertRefused(TenantSettings.Change change, String field) {
        assertThatThrownBy(() -> settings.with(change)).isInstanceOfSatisfying(InvalidRequestException.class,
                refused -> assertThat(refused.field()).isEqualTo(field));
    }
}
