package io.waybill.linehaul;

import io.waybill.kernel.Caller;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.shipments.BagScanning;
import org.springframework.stereotype.Component;

/**
 * Bag codes read at the shipments module's {@code POST /scans}: the same scan, rules and answers as
 * {@code POST /bags/{id}/scans}, through {@link BagService}. Called in this process, as line haul
 * runs with the shipments module in every deployment.
 */
@Component
class BagCodeScans implements BagScanning {

    private final BagService bags;

    BagCodeScans(BagService bags) {
        this.bags = bags;
    }

    @Override
    public BagScan scan(Caller caller, String code, String event, String location) {
        BagCode bag = BagCode.parse(code).orElseThrow(() -> new NotFoundException("No bag with this id or code."));
        BagStatus step = BagStatus.scanEvent(event).orElseThrow(
                () -> new InvalidRequestException("event", "is required with a bag's code: one of dispatched, "
                        + "arrived, opened"));
        BagService.ScannedBag scanned = bags.scan(caller, bag.value(), step, location);
        return new BagScan(scanned.bag().id(), scanned.bag().code().value(), scanned.bag().status().wireName(),
                step.wireName(), scanned.location(), scanned.shipmentCount(), scanned.scannedAt());
    }
}
