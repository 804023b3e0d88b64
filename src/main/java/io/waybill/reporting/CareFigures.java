package io.waybill.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The support and feedback figures, kept by {@link CareProjection}. */
public interface CareFigures {

    void ticketOpened(UUID ticketId, Instant openedAt);

    /** Records a ticket's first staff response; a later one, or one delivered again, changes nothing. */
    void firstResponse(UUID ticketId, Instant openedAt, Instant respondedAt);

    /** Keeps the newest rating of a shipment. */
    void rated(UUID shipmentId, UUID agentId, int rating, Instant ratedAt);

    /** Tickets opened that day, and the first-response times (in hours) of the first responses made that day. */
    Support support(LocalDate day);

    /** Every agent's ratings as they stand now. */
    List<DailyReport.AgentRating> agentRatings();

    record Support(long ticketsOpened, List<Double> firstResponseHours) {
    }
}
