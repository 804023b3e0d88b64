package io.waybill.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.RefusalException;
import io.waybill.notifications.NotificationPreferencesService;
import io.waybill.shipments.DeliveryInstruction;
import io.waybill.shipments.LabelFormat;
import io.waybill.shipments.ServiceLevel;
import io.waybill.shipments.ShipmentDetails;
import io.waybill.shipments.ShipmentLabels;
import io.waybill.shipments.ShipmentService;
import io.waybill.shipments.ShipmentStatus;
import io.waybill.shipments.ShipmentView;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The signed-in account's pages: its shipments (by status, searched by number or recipient, a page
 * at a time), booking one, one shipment's page (timeline, label, edit or cancel before dispatch, an
 * instruction after a failed attempt) and the notification channels. Who may see or change what is
 * the services' rule, as for the API: a shipment of another customer is "not found".
 */
@Controller
@Hidden
class PortalPages {

    private final ShipmentService shipments;
    private final ShipmentLabels labels;
    private final NotificationPreferencesService preferences;
    private final ShipmentPage shipmentPage;

    PortalPages(ShipmentService shipments, ShipmentLabels labels, NotificationPreferencesService preferences,
            ShipmentPage shipmentPage) {
        this.shipments = shipments;
        this.labels = labels;
        this.preferences = preferences;
        this.shipmentPage = shipmentPage;
    }

    @GetMapping("/portal")
    String list(@RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", required = false) Integer page, Model model) {
        ShipmentStatus filter = status == null || status.isBlank() ? null : ShipmentStatus.fromWire(status)
                .orElseThrow(() -> new BadParameterException("status", "must be one of " + ShipmentStatus.allWireNames()));
        String search = query == null ? "" : query.strip();
        Page<ShipmentView> found = shipments.search(caller(), filter, search,
                PageQuery.of(page == null ? 0 : page, PageQuery.DEFAULT_SIZE));
        model.addAttribute("shipments", found.items());
        model.addAttribute("total", found.total());
        model.addAttribute("page", found.page());
        model.addAttribute("hasNext", (long) (found.page() + 1) * found.size() < found.total());
        model.addAttribute("status", filter == null ? "" : filter.wireName());
        model.addAttribute("q", search);
        model.addAttribute("statuses", List.of(ShipmentStatus.values()).stream().map(ShipmentStatus::wireName).toList());
        return "web/portal";
    }

    @GetMapping("/portal/book")
    String bookForm(Model model) {
        FormErrors.empty(model);
        return "web/book";
    }

    @PostMapping("/portal/book")
    String book(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return SentForm.of(form, model, response).answer(RefusalException.class, () -> {
            ShipmentDetails details = new ShipmentDetails(form.get("source_address"), form.get("destination_address"),
                    FormErrors.optional(form.get("recipient_name")), FormErrors.optional(form.get("recipient_phone")),
                    weight(form.get("weight_kg")), FormErrors.optional(form.get("description")));
            ShipmentView booked = shipments.book(caller(), null, details,
                    ServiceLevel.parse("service_level", form.get("service_level")));
            redirect.addFlashAttribute("notice", "shipment.booked");
            return "redirect:/portal/shipments/" + booked.id();
        }, "web/book");
    }

    @GetMapping("/portal/shipments/{id}")
    String shipment(@PathVariable String id, Model model) {
        shipmentPage.fill(caller(), id, model);
        return "web/shipment";
    }

    /** The timeline alone, which the page's script swaps in when the live stream says more happened. */
    @GetMapping("/portal/shipments/{id}/timeline")
    String shipmentTimeline(@PathVariable String id, Model model) {
        shipmentPage.fillTimeline(caller(), id, model);
        return "web/shipment :: shipment";
    }

    /** The booking's details as a form, while it may still be changed (until pick-up). */
    @GetMapping("/portal/shipments/{id}/edit")
    String editForm(@PathVariable String id, Model model) {
        ShipmentView shipment = shipments.get(caller(), id);
        if (shipment.status().isDispatched()) {
            throw new ConflictException("The shipment is " + shipment.status().wireName()
                    + ": it can only be changed before dispatch.");
        }
        ShipmentDetails details = shipment.details();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("source_address", details.sourceAddress());
        form.put("destination_address", details.destinationAddress());
        form.put("recipient_name", details.recipientName());
        form.put("recipient_phone", details.recipientPhone());
        form.put("weight_kg", details.weightKg() == null ? null : details.weightKg().toPlainString());
        form.put("description", details.description());
        model.addAttribute("shipment", shipment);
        model.addAttribute("form", form);
        model.addAttribute("errors", Map.of());
        return "web/shipment-edit";
    }

    @PostMapping("/portal/shipments/{id}/edit")
    String edit(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Caller caller = caller();
        return SentForm.of(form, model, response).answer(() -> {
            // A field left blank is cleared (the addresses are then refused as required); weight is kept.
            shipments.edit(caller, id, new ShipmentService.DetailsChange(text(form, "source_address"),
                    text(form, "destination_address"), text(form, "recipient_name"), text(form, "recipient_phone"),
                    weight(form.get("weight_kg")), text(form, "description")));
            redirect.addFlashAttribute("notice", "shipment.edited");
            return "redirect:/portal/shipments/" + id;
        }, "web/shipment-edit", () -> model.addAttribute("shipment", shipments.get(caller, id)));
    }

    /** The customer's word after a failed delivery attempt: another attempt on a date, hold at the hub, or return. */
    @PostMapping("/portal/shipments/{id}/instructions")
    String instruct(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Caller caller = caller();
        return SentForm.of(form, model, response).choices("action").answer(() -> {
            shipments.instruct(caller, id, action(form.get("action")), date(form.get("date")));
            redirect.addFlashAttribute("notice", "shipment.instructed");
            return "redirect:/portal/shipments/" + id;
        }, "web/shipment", () -> shipmentPage.fill(caller, id, model));
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

    /** A text field as typed; absent stays absent (kept as it was). */
    private static String text(Map<String, String> form, String name) {
        return form.get(name);
    }

    private static DeliveryInstruction.Action action(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("action", "is required: one of " + DeliveryInstruction.Action.allWireNames());
        }
        return DeliveryInstruction.Action.fromWire(value).orElseThrow(() -> new InvalidRequestException("action",
                "must be one of " + DeliveryInstruction.Action.allWireNames()));
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            throw new InvalidRequestException("date", "must be a date such as 2026-11-24");
        }
    }

    private static BigDecimal weight(String value) {
        return FormErrors.number("weight_kg", value, "must be a number of kilograms, e.g. 2.5");
    }
}
