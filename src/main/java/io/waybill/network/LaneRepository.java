package io.waybill.network;

import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.util.Optional;
import java.util.UUID;

/** Where lanes are kept. Adding or saving a second lane for the same pair of cities is a conflict. */
public interface LaneRepository {

    void add(Lane lane);

    void save(Lane lane);

    Optional<Lane> find(UUID id);

    /** A page of lanes by origin, then destination city. */
    Page<Lane> lanes(PageQuery page);

    boolean remove(UUID id);
}
