package io.waybill.shipments.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which of an agent's cash collections their remittances cover, and so turn {@code remitted}: the
 * oldest first, each only once it is covered whole. Remittances are not matched to parcels by the
 * admin: an agent hands in what they have, and the oldest cash is taken to be the cash handed in. A
 * remittance that covers only part of the oldest open collection settles nothing yet; its amount
 * counts towards the next one.
 */
final class Settlement {

    private Settlement() {
    }

    /**
     * The shipments now covered, oldest first, out of {@code open} (oldest first), given how much the
     * agent has remitted in all ({@code remittedMinor}) and how much of that earlier collections
     * already took ({@code settledMinor}).
     */
    static List<UUID> covered(List<CashLedger.OpenCollection> open, long remittedMinor, long settledMinor) {
        long left = remittedMinor - settledMinor;
        List<UUID> covered = new ArrayList<>();
        for (CashLedger.OpenCollection collection : open) {
            if (collection.amountMinor() > left) {
                break;
            }
            left -= collection.amountMinor();
            covered.add(collection.shipmentId());
        }
        return covered;
    }
}
