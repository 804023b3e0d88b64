package io.waybill.shipments.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which collections a remittance settles, and what an admin may record. No Spring. */
class SettlementTest {

    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final UUID third = UUID.randomUUID();
    private final List<CashLedger.OpenCollection> open = List.of(new CashLedger.OpenCollection(first, 10000),
            new CashLedger.OpenCollection(second, 5000), new CashLedger.OpenCollection(third, 20000));

    @Test
    void shouldSettleTheOldestCollectionsThatAreCoveredWhole() {
        assertThat(Settlement.covered(open, 15000, 0)).containsExactly(first, second);
        assertThat(Settlement.covered(open, 35000, 0)).containsExactly(first, second, third);
    }

    @Test
    void shouldSettleNothingWhileTheOldestIsOnlyPartlyCoveredEvenIfALaterOneWouldFit() {
        assertThat(Settlement.covered(open, 9000, 0)).isEmpty();
        assertThat(Settlement.covered(List.of(new CashLedger.OpenCollection(first, 10000),
                new CashLedger.OpenCollection(second, 100)), 9000, 0)).isEmpty();
    }

    @Test
    void shouldCountWhatEarlierRemittancesLeftOver() {
        // 12,000 remitted before settled the 10,000 one; 2,000 was left over, and 3,000 more covers the 5,000.
        List<CashLedger.OpenCollection> stillOpen = open.subList(1, 3);
        assertThat(Settlement.covered(stillOpen, 15000, 10000)).containsExactly(second);
        assertThat(Settlement.covered(stillOpen, 14999, 10000)).isEmpty();
    }

    @Test
    void shouldRefuseARemittanceAboveWhatTheAgentHolds() {
        UUID agent = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-23T10:00:00Z");

        assertThatThrownBy(() -> Remittance.record(agent, Money.of(45001, "INR"), Money.of(45000, "INR"), null,
                agent, at)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("INR 450.00");
        assertThatThrownBy(() -> Remittance.record(agent, Money.of(0, "INR"), Money.of(45000, "INR"), null,
                agent, at)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> Remittance.record(agent, Money.of(1, "INR"), Money.of(45000, "INR"), "line\nbreak",
                agent, at)).isInstanceOf(InvalidRequestException.class);
        assertThat(Remittance.record(agent, Money.of(45000, "INR"), Money.of(45000, "INR"), " DEP-7 ", agent, at)
                .reference()).isEqualTo("DEP-7");
    }
}
