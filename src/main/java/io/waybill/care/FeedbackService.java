package io.waybill.care;

import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Delivery feedback: given once per shipment by its customer, changed within 7 days, listed for admins. */
@Service
public class FeedbackService {

    private final Feedbacks feedbacks;
    private final ShipmentCopies shipments;
    private final EventPublisher events;
    private final Clock clock;

    FeedbackService(Feedbacks feedbacks, ShipmentCopies shipments, EventPublisher events, Clock clock) {
        this.feedbacks = feedbacks;
        this.shipments = shipments;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Feedback give(Caller caller, UUID shipmentId, Integer rating, String comment) {
        Feedback feedback = Feedback.give(caller, visible(caller, shipmentId), rating, comment, clock.instant());
        if (!feedbacks.add(feedback)) {
            throw new ConflictException("This delivery is rated already; change the rating with PUT within 7 days.");
        }
        events.publish(feedback.event());
        return feedback;
    }

    @Transactional
    public Feedback change(Caller caller, UUID shipmentId, Integer rating, String comment) {
        visible(caller, shipmentId);
        Feedback current = feedbacks.lock(shipmentId)
                .orElseThrow(() -> new NotFoundException("This delivery has no feedback yet; give it with POST."));
        Feedback changed = current.change(caller, rating, comment, clock.instant());
        feedbacks.save(changed);
        events.publish(changed.event());
        return changed;
    }

    /**
     * The feedback given on a shipment the caller sees (its customer, its agent, admins), if any; a
     * shipment they do not see is not found.
     */
    @Transactional(readOnly = true)
    public Optional<Feedback> of(Caller caller, UUID shipmentId) {
        visible(caller, shipmentId);
        return feedbacks.find(shipmentId);
    }

    @Transactional(readOnly = true)
    public Page<Feedback> rated(Integer maxRating, PageQuery page) {
        int max = maxRating == null ? 5 : maxRating;
        if (max < 1 || max > 5) {
            throw new BadParameterException("max_rating", "must be from 1 to 5");
        }
        return feedbacks.rated(max, page);
    }

    private ShipmentCopy visible(Caller caller, UUID shipmentId) {
        return shipments.find(shipmentId).filter(copy -> copy.isVisibleTo(caller))
                .orElseThrow(() -> new NotFoundException(TicketService.NO_SHIPMENT));
    }
}
