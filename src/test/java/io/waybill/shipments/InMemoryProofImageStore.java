package io.waybill.shipments;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Proof images kept in a map, for tests without a file system. */
final class InMemoryProofImageStore implements ProofImageStore {

    final Map<String, ProofImage> kept = new ConcurrentHashMap<>();

    @Override
    public String store(UUID shipmentId, ProofImage image) {
        String reference = shipmentId + "/" + UUID.randomUUID() + "." + image.format().suffix();
        kept.put(reference, image);
        return reference;
    }

    @Override
    public Optional<ProofImage> read(String reference) {
        return Optional.ofNullable(kept.get(reference));
    }

    @Override
    public void delete(String reference) {
        kept.remove(reference);
    }
}
