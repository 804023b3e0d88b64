package io.waybill.web;

import io.waybill.care.Feedback;
import io.waybill.care.FeedbackService;
import io.waybill.kernel.Caller;
import io.waybill.kernel.NotFoundException;
import io.waybill.shipments.DeliveryInstruction;
import io.waybill.shipments.ShipmentService;
import io.waybill.shipments.ShipmentStatus;
import io.waybill.shipments.ShipmentView;
import io.waybill.shipments.TrackingUpdate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a shipment's page shows the signed-in caller, read through the services that decide who
 * sees what (another customer's shipment is not found): the shipment and its timeline, what may
 * still be done to it (edit or cancel before dispatch, an instruction after a failed attempt) and,
 * where the care module runs in this process, its delivery feedback.
 */
@Component
class ShipmentPage {

    private final ShipmentService shipments;
    private final ObjectProvider<FeedbackService> feedback;
    private final Clock clock;

    ShipmentPage(ShipmentService shipments, ObjectProvider<FeedbackService> feedback, Clock clock) {
        this.shipments = shipments;
        this.feedback = feedback;
        this.clock = clock;
    }

    /** The page's model; the form fields and errors stay as a refused form left them. */
    ShipmentView fill(Caller caller, String id, Model model) {
        ShipmentView shipment = fillTimeline(caller, id, model);
        model.addAttribute("cancellable", !shipment.status().isDispatched());
        model.addAttribute("instructable", shipment.status() == ShipmentStatus.DELIVERY_FAILED);
        model.addAttribute("instructionActions",
                List.of(DeliveryInstruction.Action.values()).stream().map(DeliveryInstruction.Action::wireName).toList());
        if (!model.containsAttribute("errors")) {
            FormErrors.empty(model);
        }
        fillFeedback(caller, shipment, model);
        return shipment;
    }

    /** A shipment as this caller sees it, named on a ticket; none when it is not theirs to see (any more). */
    ShipmentView visible(Caller caller, UUID shipmentId) {
        try {
            return shipments.get(caller, shipmentId.toString());
        } catch (NotFoundException notVisible) {
            return null;
        }
    }

    /** The status and timeline alone, which the page's script fetches again as the shipment moves. */
    ShipmentView fillTimeline(Caller caller, String id, Model model) {
        ShipmentView shipment = shipments.get(caller, id);
        List<TrackingUpdate> history = shipments.history(caller, id);
        List<TimelineEntry> timeline = TimelineEntry.newestFirst(history.stream().map(update -> TimelineEntry.at(
                update.status().wireName(), update.location(), update.recordedAt(), update.timeZone())).toList());
        model.addAttribute("shipment", shipment);
        model.addAttribute("timeline", timeline);
        model.addAttribute("sequence", history.size() - 1);
        model.addAttribute("finished", shipment.status().isFinal());
        return shipment;
    }

    /**
     * The feedback part: only where care runs, only for the shipment's customer once it is delivered.
     * Care learns of a delivery from its event, a moment later; until then the page offers no form.
     */
    private void fillFeedback(Caller caller, ShipmentView shipment, Model model) {
        FeedbackService ratings = feedback.getIfAvailable();
        model.addAttribute("care", ratings != null);
        boolean ratesIt = ratings != null && shipment.status() == ShipmentStatus.DELIVERED
                && caller.is(shipment.customerId());
        if (!ratesIt) {
            model.addAttribute("rateable", false);
            return;
        }
        Optional<Feedback> given;
        try {
            given = ratings.of(caller, shipment.id());
        } catch (NotFoundException notKnownYet) {
            model.addAttribute("rateable", false);
            return;
        }
        model.addAttribute("rateable", given.map(it -> it.isChangeableAt(clock.instant())).orElse(true));
        given.ifPresent(it -> model.addAttribute("feedback", it));
    }
}
