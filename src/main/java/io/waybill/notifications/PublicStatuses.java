package io.waybill.notifications;

import java.util.Optional;
import java.util.UUID;

/**
 * The notifications module's read model of shipments' public statuses
 * ({@code notifications.public_statuses}), fed by the shipments' {@code shipment.created} and
 * {@code shipment.status.updated} events that this module consumes anyway, for the replies to
 * WhatsApp messages. Not the tracking module's lookup: in a split deployment tracking runs in
 * another process, and a reply may lag by the event delay at no cost.
 */
public interface PublicStatuses {

    Optional<PublicStatus> find(String trackingNumber);

    /** The tenant whose shipment has this number, asked across tenants; the only thing told about it. */
    Optional<UUID> tenantOf(String trackingNumber);

    /**
     * Records the status unless one of a later history entry is stored; a status without a location
     * keeps the last one known.
     */
    void record(PublicStatus status);
}
