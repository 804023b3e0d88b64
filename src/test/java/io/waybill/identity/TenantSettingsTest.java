package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.shipments.ProofKind;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantSettingsTest {

    private final TenantSettings settings = new TenantSettings(UUID.randomUUID(), "acme", "Acme", null, null, null);

    @Test
    void shouldChangeOnlyTheFieldsAChangeNames() {
        TenantSettings changed = settings.with(new TenantSettings.Change(null, " Ops@Acme.Example ", "Acme Ops",
                null));

        assertThat(changed.displayName()).isEqualTo("Acme");
        assertThat(changed.senderEmail()).isEqualTo("ops@acme.example");
        assertThat(changed.senderName()).isEqualTo("Acme Ops");
        assertThat(changed.acceptedProofs()).isNull();
        assertThat(changed.with(new TenantSettings.Change(null, "", " ", null)))
                .isEqualTo(new TenantSettings(settings.tenantId(), "acme", "Acme", null, null, null));
    }

    @Test
    void shouldKeepEachAcceptedProofOnceInOneOrder() {
        assertThat(settings.with(new TenantSettings.Change(null, null, null, List.of("PHOTO", "otp", "photo")))
                .acceptedProofs()).containsExactly("otp", "photo");
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

    private void assertRefused(TenantSettings.Change change, String field) {
        assertThatThrownBy(() -> settings.with(change)).isInstanceOfSatisfying(InvalidRequestException.class,
                refused -> assertThat(refused.field()).isEqualTo(field));
    }
}
