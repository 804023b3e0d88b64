package io.waybill.care;

import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's rating of a delivery, 1 to 5 with an optional comment: given once per shipment by
 * its owner after delivery, and changeable for {@link #CHANGEABLE_FOR} after it was first given.
 */
public record Feedback(UUID shipmentId, UUID customerId, UUID agentId, int rating, String comment, Instant givenAt,
        Instant changedAt) {

    public static final Duration CHANGEABLE_FOR = Duration.ofDays(7);
    static final int MAX_COMMENT = 2000;

    public Feedback {
        Objects.requireNonNull(shipmentId);
        Objects.requireNonNull(customerId);
        Objects.requireNonNull(givenAt);
    }

    /**
     * The owner's rating of a delivered shipment. The caller has checked that the shipment is
     * visible to them (404 otherwise); staff who see it are refused here.
     */
    public static Feedback give(Caller caller, ShipmentCopy shipment, Integer rating, String comment, Instant at) {
        if (!caller.is(shipment.customerId())) {
            throw new ForbiddenException("Only the shipment's customer rates its delivery.");
        }
        if (!shipment.isDelivered()) {
            throw new ConflictException("The shipment is not delivered yet; rate it once it is.");
        }
        return new Feedback(shipment.shipmentId(), shipment.customerId(), shipment.deliveredBy(), checked(rating),
                checkedComment(comment), at, at);
    }

    /** A new rating and comment, within {@link #CHANGEABLE_FOR} of the first. */
    public Feedback change(Caller caller, Integer newRating, String newComment, Instant at) {
        if (!caller.is(customerId)) {
            throw new ForbiddenException("Only the shipment's customer rates its delivery.");
        }
        if (!isChangeableAt(at)) {
            throw new ConflictException("Feedback can be changed for 7 days after it was given; it was given at "
                    + givenAt + ".");
        }
        return new Feedback(shipmentId, customerId, agentId, checked(newRating), checkedComment(newComment), givenAt,
                at);
    }

    /** Whether a change made at this instant is still taken: within {@link #CHANGEABLE_FOR} of the first rating. */
    public boolean isChangeableAt(Instant at) {
        return !at.isAfter(givenAt.plus(CHANGEABLE_FOR));
    }

    public FeedbackGiven event() {
        return new FeedbackGiven(shipmentId, customerId, agentId, rating, changedAt);
    }

    private static int checked(Integer rating) {
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidRequestException("rating", "must be a whole number from 1 to 5");
        }
        return rating;
    }

    private static String checkedComment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String text = comment.strip();
        if (text.length() > MAX_COMMENT) {
            throw new InvalidRequestException("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        return text;
    }
}
