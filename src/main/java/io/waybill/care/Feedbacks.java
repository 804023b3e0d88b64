package io.waybill.care;

import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.util.Optional;
import java.util.UUID;

/** The delivery ratings, one per shipment. */
public interface Feedbacks {

    /** The shipment's feedback, if it was given. */
    Optional<Feedback> find(UUID shipmentId);

    /** The shipment's feedback, locked until the transaction ends. */
    Optional<Feedback> lock(UUID shipmentId);

    /** Adds the first feedback of a shipment; false when it already has one. */
    boolean add(Feedback feedback);

    void save(Feedback feedback);

    /** Ratings of at most {@code maxRating}, newest change first. */
    Page<Feedback> rated(int maxRating, PageQuery page);
}
