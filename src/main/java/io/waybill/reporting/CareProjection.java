package io.waybill.reporting;

import io.waybill.care.FeedbackGiven;
import io.waybill.care.TicketOpened;
import io.waybill.care.TicketReplied;
import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps the support and feedback figures from the care module's events, in a consumer group of its
 * own ({@code reporting-care}) so that its offsets and failures never hold up the shipment counters.
 * A first response may arrive before its ticket's opening (another topic): it carries the opening
 * time itself.
 */
@Component
class CareProjection implements EventHandler {

    private final CareFigures figures;

    CareProjection(CareFigures figures) {
        this.figures = figures;
    }

    @Override
    public String group() {
        return "reporting-care";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TicketOpened.TOPIC, TicketReplied.TOPIC, FeedbackGiven.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case TicketOpened.TOPIC -> {
                TicketOpened opened = event.payloadAs(TicketOpened.class);
                figures.ticketOpened(opened.ticketId(), opened.occurredAt());
            }
            case TicketReplied.TOPIC -> {
                TicketReplied replied = event.payloadAs(TicketReplied.class);
                if (replied.firstResponse()) {
                    figures.firstResponse(replied.ticketId(), replied.openedAt(), replied.occurredAt());
                }
            }
            case FeedbackGiven.TOPIC -> {
                FeedbackGiven given = event.payloadAs(FeedbackGiven.class);
                figures.rated(given.shipmentId(), given.agentId(), given.rating(), given.occurredAt());
            }
            default -> throw new IllegalArgumentException("Unexpected event type " + event.type());
        }
    }
}
