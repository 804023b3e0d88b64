package io.waybill.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.Caller;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.RefusalException;
import io.waybill.notifications.NotificationPreferencesService;
import io.waybill.shipments.LabelFormat;
import io.waybill.shipments.ServiceLevel;
import io.waybill.shipments.ShipmentDetails;
import io.waybill.shipments.ShipmentLabels;
import io.waybill.shipments.ShipmentService;
import io.waybill.shipments.ShipmentStatus;
import io.waybill.shipments.ShipmentView;
import io.waybill.shipments.TrackingNumber;
import io.waybill.shipments.TrackingUpdate;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in account's pages: its shipments (by status, or searched by number or recipient),
 * booking one, one shipment's page (timeline, cancel before dispatch, label) and the notification
 * channels. Who may see or change what is the services' rule, as for the API: a shipment of another
 * customer is "not found".
 */
@Controller
@Hidden
class PortalPages {

    /** How many of the latest shipments a search by recipient looks through. */
    private static final int SEARCHED = PageQuery.MAX_SIZE;

    private final ShipmentService shipments;
    private final ShipmentLabels labels;
    private final NotificationPreferencesService preferences;

    PortalPages(ShipmentService shipments, ShipmentLabels labels, NotificationPreferencesService preferences) {
        this.shipments = shipments;
        this.labels = labels;
        this.preferences = preferences;
    }

    @GetMapping("/portal")
    String list(@RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", required = false) Integer page, Model model) {
        Caller caller = caller();
        ShipmentStatus filter = status == null || status.isBlank() ? null : ShipmentStatus.fromWire(status)
                .orElseThrow(() -> new BadParameterException("status", "must be one of " + ShipmentStatus.allWireNames()));
        String search = query == null ? "" : query.strip();
        List<ShipmentView> found;
        long total;
        int current = page == null ? 0 : page;
        if (search.isEmpty()) {
            var listed = shipments.list(caller, filter, PageQuery.of(current, PageQuery.DEFAULT_SIZE));
            found = listed.items();
            total = listed.total();
        } else {
            found = search(caller, filter, search);
            total = found.size();
            current = 0;
        }
        model.addAttribute("shipments", found);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("hasNext", (long) (current + 1) * PageQuery.DEFAULT_SIZE < total && search.isEmpty());
        model.addAttribute("status", filter == null ? "" : filter.wireName());
        model.addAttribute("q", search);
        model.addAttribute("statuses", List.of(ShipmentStatus.values()).stream().map(ShipmentStatus::wireName).toList());
        return "web/portal";
    }

    /** A tracking number finds that shipment; anything else, the latest shipments whose recipient's name has it. */
    private List<ShipmentView> search(Caller caller, ShipmentStatus filter, String search) {
        if (TrackingNumber.parse(search.toUpperCase(Locale.ROOT)).isPresent()) {
            try {
                ShipmentView one = shipments.get(caller, search.toUpperCase(Locale.ROOT));
                return filter == null || one.status() == filter ? List.of(one) : List.of();
            } catch (NotFoundException unknown) {
                return List.of();
            }
        }
        String needle = search.toLowerCase(Locale.ROOT);
        List<ShipmentView> matching = new ArrayList<>();
        for (ShipmentView shipment : shipments.list(caller, filter, PageQuery.of(0, SEARCHED)).items()) {
            String recipient = shipment.details().recipientName();
            if (recipient != null && recipient.toLowerCase(Locale.ROOT).contains(needle)
                    || shipment.trackingNumber().value().contains(search.toUpperCase(Locale.ROOT))) {
                matching.add(shipment);
            }
        }
        return matching;
    }

    @GetMapping("/portal/book")
    String bookForm(Model model) {
        FormErrors.empty(model);
        return "web/book";
    }

    @PostMapping("/portal/book")
    String book(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        ShipmentView booked;
        try {
            ShipmentDetails details = new ShipmentDetails(form.get("source_address"), form.get("destination_address"),
                    FormErrors.optional(form.get("recipient_name")), FormErrors.optional(form.get("recipient_phone")),
                    weight(form.get("weight_kg")), FormErrors.optional(form.get("description")));
            booked = shipments.book(caller(), null, details, ServiceLevel.parse("service_level", form.get("service_level")));
        } catch (RefusalException refusal) {
            FormErrors.show(model, form, refusal, response);
            return "web/book";
        }
        redirect.addFlashAttribute("notice", "shipment.booked");
        return "redirect:/portal/shipments/" + booked.id();
    }

    @GetMapping("/portal/shipments/{id}")
    String shipment(@PathVariable String id, Model model) {
        fillShipment(id, model);
        return "web/shipment";
    }

    /** The timeline alone, which the page's script swaps in when the live stream says more happened. */
    @GetMapping("/portal/shipments/{id}/timeline")
    String shipmentTimeline(@PathVariable String id, Model model) {
        fillShipment(id, model);
        return "web/shipment :: shipment";
    }

    private void fillShipment(String id, Model model) {
        Caller caller = caller();
        ShipmentView shipment = shipments.get(caller, id);
        List<TrackingUpdate> history = shipments.history(caller, id);
        List<TimelineEntry> timeline = TimelineEntry.newestFirst(history.stream().map(update -> TimelineEntry.at(
                update.status().wireName(), update.location(), update.recordedAt(), update.timeZone())).toList());
        model.addAttribute("shipment", shipment);
        model.addAttribute("timeline", timeline);
        model.addAttribute("sequence", history.size() - 1);
        model.addAttribute("finished", shipment.status().isFinal());
        model.addAttribute("cancellable", !shipment.status().isDispatched());
    }

    @PostMapping("/portal/shipments/{id}/cancel")
    String cancel(@PathVariable String id, RedirectAttributes redirect) {
        shipments.cancel(caller(), id);
        redirect.addFlashAttribute("notice", "shipment.cancelled");
        return "redirect:/portal/shipments/" + id;
    }

    @GetMapping("/portal/shipments/{id}/label")
    ResponseEntity<byte[]> label(@PathVariable String id,
            @RequestParam(name = "format", defaultValue = "pdf") String format) {
        LabelFormat chosen = LabelFormat.fromWire(format)
                .orElseThrow(() -> new BadParameterException("format", "must be pdf, png or zpl"));
        ShipmentLabels.RenderedLabel label = labels.label(caller(), id, chosen);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(chosen.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(label.fileName()).build().toString())
                .body(label.content());
    }

    @GetMapping("/portal/notifications")
    String notifications(Model model) {
        model.addAttribute("preferences", preferences.of(caller()));
        return "web/notifications";
    }

    @PostMapping("/portal/notifications")
    String changeNotifications(@RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "sms", required = false) String sms,
            @RequestParam(name = "whatsapp", required = false) String whatsapp,
            @RequestParam(name = "push", required = false) String push, RedirectAttributes redirect) {
        // An unticked checkbox is not sent at all: absent means off.
        preferences.change(caller(), email != null, sms != null, whatsapp != null, push != null);
        redirect.addFlashAttribute("notice", "notifications.saved");
        return "redirect:/portal/notifications";
    }

    private static Caller caller() {
        return SignedIn.current().map(PageUser::caller)
                .orElseThrow(() -> new IllegalStateException("The portal's chain lets only signed-in sessions in"));
    }

    private static BigDecimal weight(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException("weight_kg", "must be a number of kilograms, e.g. 2.5");
        }
    }
}
