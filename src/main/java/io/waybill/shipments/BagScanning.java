package io.waybill.shipments;

import io.waybill.kernel.Caller;
import java.time.Instant;
import java.util.UUID;

/**
 * Scans of a bag's code taken where parcels are scanned ({@code POST /scans}), handed to the module
 * that keeps bags. Line haul depends on this module (it writes its shipments' entries through
 * {@link BulkTracking}), so this module cannot call it: line haul implements this instead, in the
 * same process in every deployment (it runs with the shipments service). Without it, no bag is
 * known here.
 */
public interface BagScanning {

    /**
     * Scans the bag of this code as its own scan endpoint does, with the same rules and answers:
     * 422 for a code whose check digit is wrong or an unknown {@code event}, 404 for a bag the caller
     * may not see (or none), 409 out of order.
     */
    BagScan scan(Caller caller, String code, String event, String location);

    /** The bag a scan moved, the step it took, where, and how many shipments got an entry. */
    record BagScan(UUID bagId, String code, String status, String event, String location, int shipmentCount,
            Instant scannedAt) {
    }
}
