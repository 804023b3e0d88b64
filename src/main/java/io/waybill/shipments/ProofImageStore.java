package io.waybill.shipments;

import java.util.Optional;
import java.util.UUID;

/**
 * Where proof-of-delivery images are kept, out of the database and out of every event: the shipment
 * and its events hold only the reference {@link #store} answers.
 */
public interface ProofImageStore {

    /** Keeps an image of a shipment's delivery; answers the reference to find it by. */
    String store(UUID shipmentId, ProofImage image);

    Optional<ProofImage> read(String reference);

    /** Forgets an image kept for a delivery that was then refused. */
    void delete(String reference);
}
