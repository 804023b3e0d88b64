package io.waybill.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.Idempotent;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Money;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.RefusalException;
import io.waybill.kernel.TooManyRequestsException;
import io.waybill.linehaul.Bag;
import io.waybill.linehaul.BagCode;
import io.waybill.linehaul.BagService;
import io.waybill.linehaul.BagStatus;
import io.waybill.shipments.CollectionMethod;
import io.waybill.shipments.DeliveryRound;
import io.waybill.shipments.FailureReason;
import io.waybill.shipments.GeoPoint;
import io.waybill.shipments.Payment;
import io.waybill.shipments.ProofKind;
import io.waybill.shipments.ScanCode;
import io.waybill.shipments.ShipmentService;
import io.waybill.shipments.ShipmentStatus;
import io.waybill.shipments.ShipmentView;
import io.waybill.shipments.TrackingUpdate;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The delivery agent's phone view: the shipments assigned to them that are still to be done, in the
 * order of the round; finding one by what the label's code says; and, on a shipment, a scan or a
 * status with where the phone was, a delivery on its proof (code, signature or photo, and what was
 * collected for cash on delivery) or a failed attempt with its reason. The rules are the shipments
 * module's, through the same service calls as the API ({@code POST /tracking/{id}},
 * {@code POST /shipments/{id}/proof-of-delivery}); these pages only read forms. The bags the agent
 * carries are listed too, and a bag's code opens the bag, whose scans (dispatched, arrived, opened) go
 * through line haul's {@link BagService} as {@code POST /bags/{id}/scans} does.
 *
 * <p>Each action is posted twice over: as a plain form (without a script: answered with the
 * shipment's page again), and as JSON by the page's script, which queues it while the phone is
 * offline and sends it later with an {@code Idempotency-Key}: a retry of an action that did reach
 * the server is answered as the first time, and done once.
 */
@Controller
@Hidden
class AgentPages {

    /** Statuses the status form offers; delivery and failure have forms of their own. */
    private static final Set<ShipmentStatus> OWN_FORMS = EnumSet.of(ShipmentStatus.DELIVERED,
            ShipmentStatus.DELIVERY_FAILED);

    /** The scans a bag takes on its way, in their order; the bag refuses one out of order. */
    private static final List<String> BAG_EVENTS = List.of(BagStatus.DISPATCHED, BagStatus.ARRIVED,
            BagStatus.OPENED).stream().map(BagStatus::wireName).toList();

    private final ShipmentService shipments;
    /** Line haul's, when it runs in this process: without it an agent carries no bags here. */
    private final ObjectProvider<BagService> bags;
    private final MessageSource messages;

    AgentPages(ShipmentService shipments, ObjectProvider<BagService> bags, MessageSource messages) {
        this.shipments = shipments;
        this.bags = bags;
        this.messages = messages;
    }

    @GetMapping("/agent")
    String today(Model model) {
        fillToday(agent(), model);
        return "web/agent/today";
    }

    private void fillToday(Caller agent, Model model) {
        List<ShipmentView> todo = DeliveryRound.of(
                shipments.list(agent, null, PageQuery.of(0, PageQuery.MAX_SIZE)).items());
        model.addAttribute("shipments", todo);
        BagService keeper = bags.getIfAvailable();
        model.addAttribute("bags", keeper == null ? List.of()
                : keeper.carriedBy(agent).stream().map(bag -> carried(keeper, bag)).toList());
        model.addAttribute("cash", todo.stream().filter(shipment -> shipment.payment().isCashOnDelivery())
                .collect(Collectors.toMap(shipment -> shipment.trackingNumber().value(),
                        shipment -> majorUnits(shipment.payment().amount()))));
    }

    /** A bag the agent carries as the pages show it: its code, its hubs by name, its status, how many shipments. */
    record CarriedBag(String code, String origin, String destination, String status, String statusText,
            int shipmentCount) {
    }

    private CarriedBag carried(BagService keeper, Bag bag) {
        return new CarriedBag(bag.code().value(), keeper.hubName(bag.originHubId()),
                keeper.hubName(bag.destinationHubId()), bag.status().wireName(),
                text("agent.bag.status." + bag.status().wireName()), bag.shipmentIds().size());
    }

    /**
     * What a scanner (or the agent's thumbs) read: the shipment or bag it names opens, if it is one of
     * theirs. A bag's code with a wrong check digit is refused here, before anything is looked up.
     */
    @GetMapping("/agent/scan")
    String scan(@RequestParam(name = "code", required = false) String code, Model model,
            HttpServletResponse response) {
        Caller agent = agent();
        String notYours = "agent.scan.not_yours";
        try {
            ScanCode read = ScanCode.read(code);
            if (read instanceof ScanCode.Bag bag) {
                notYours = "agent.scan.bag_not_yours";
                Bag found = bagKeeper().get(agent, BagCode.parse(bag.code()).orElseThrow(
                        () -> new InvalidRequestException("code", ScanCode.NOT_A_SHIPMENT_CODE)).value());
                return "redirect:/agent/bags/" + found.code().value();
            }
            if (!(read instanceof ScanCode.Parcel parcel)) {
                throw new InvalidRequestException("code", ScanCode.NOT_A_SHIPMENT_CODE);
            }
            ShipmentView found = shipments.get(agent, parcel.trackingNumber().value());
            return "redirect:/agent/shipments/" + found.trackingNumber().value();
        } catch (NotFoundException unknown) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("scanError", text(notYours, code.strip()));
        } catch (InvalidRequestException unreadable) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("scanError", text("agent.scan.unreadable", unreadable.getMessage()));
        }
        model.addAttribute("code", code);
        fillToday(agent, model);
        return "web/agent/today";
    }

    @GetMapping("/agent/shipments/{reference}")
    String shipment(@PathVariable String reference, Model model) {
        fillShipment(agent(), reference, model);
        return "web/agent/shipment";
    }

    private void fillShipment(Caller agent, String reference, Model model) {
        ShipmentView shipment = shipments.get(agent, reference);
        List<TrackingUpdate> history = shipments.history(agent, reference);
        model.addAttribute("shipment", shipment);
        model.addAttribute("timeline", TimelineEntry.newestFirst(history.stream().map(update -> TimelineEntry.at(
                update.status().wireName(), update.location(), update.recordedAt(), update.timeZone())).toList()));
        model.addAttribute("nextStatuses", shipment.status().nextAllowed().stream()
                .filter(next -> !OWN_FORMS.contains(next)).sorted().map(ShipmentStatus::wireName).toList());
        model.addAttribute("atTheDoor", shipment.status() == ShipmentStatus.OUT_FOR_DELIVERY);
        model.addAttribute("finished", shipment.status().isFinal());
        model.addAttribute("cashDue", shipment.payment().isCashOnDelivery() ? shipment.payment().amount() : null);
        model.addAttribute("cashDueText", shipment.payment().isCashOnDelivery()
                ? majorUnits(shipment.payment().amount()) : null);
        model.addAttribute("reasons", List.of(FailureReason.values()).stream().map(FailureReason::wireName).toList());
        model.addAttribute("collectionMethods", List.of(CollectionMethod.values()).stream()
                .map(CollectionMethod::wireName).toList());
        // A key per form as shown: sent twice (a double tap, a retry after a lost answer), it is done once.
        model.addAttribute("keys", Map.of("status", UUID.randomUUID().toString(),
                "failed", UUID.randomUUID().toString(), "deliver", UUID.randomUUID().toString()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    // A scan, or a status with where the phone was: POST /tracking/{id}.

    @PostMapping(path = "/agent/shipments/{reference}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String statusForm(@PathVariable String reference, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return byForm(reference, "status", form, model, response, redirect);
    }

    @PostMapping(path = "/agent/shipments/{reference}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Idempotent
    @ResponseBody
    ResponseEntity<?> status(@PathVariable String reference, @RequestBody Map<String, String> body) {
        return byScript(reference, "status", body);
    }

    // A failed attempt with its reason.

    @PostMapping(path = "/agent/shipments/{reference}/failed", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String failedForm(@PathVariable String reference, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return byForm(reference, "failed", form, model, response, redirect);
    }

    @PostMapping(path = "/agent/shipments/{reference}/failed", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Idempotent
    @ResponseBody
    ResponseEntity<?> failed(@PathVariable String reference, @RequestBody Map<String, String> body) {
        return byScript(reference, "failed", body);
    }

    // A delivery on its proof: POST /shipments/{id}/proof-of-delivery.

    @PostMapping(path = "/agent/shipments/{reference}/deliver", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String deliverForm(@PathVariable String reference, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return byForm(reference, "deliver", form, model, response, redirect);
    }

    @PostMapping(path = "/agent/shipments/{reference}/deliver", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Idempotent
    @ResponseBody
    ResponseEntity<?> deliver(@PathVariable String reference, @RequestBody Map<String, String> body) {
        return byScript(reference, "deliver", body);
    }

    // A bag the agent carries: its scans (dispatched, arrived, opened) write an entry on every shipment inside.

    @GetMapping("/agent/bags/{code}")
    String bag(@PathVariable String code, Model model) {
        fillBag(agent(), code, model);
        return "web/agent/bag";
    }

    private void fillBag(Caller agent, String code, Model model) {
        BagService keeper = bagKeeper();
        model.addAttribute("bag", carried(keeper, keeper.get(agent, code)));
        model.addAttribute("events", BAG_EVENTS);
        model.addAttribute("key", UUID.randomUUID().toString());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    @PostMapping(path = "/agent/bags/{code}/scan", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String bagScanForm(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Caller agent = agent();
        return answerForm(() -> scanBag(agent, code, form), "/agent/bags/", "scan",
                () -> fillBag(agent, code, model), "web/agent/bag", model, response, redirect);
    }

    /** The bag's scan as the page's script queues it: with an {@code Idempotency-Key}, done once however often sent. */
    @PostMapping(path = "/agent/bags/{code}/scan", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Idempotent
    @ResponseBody
    ResponseEntity<?> bagScan(@PathVariable String code, @RequestBody Map<String, String> body) {
        Caller agent = agent();
        try {
            return ResponseEntity.ok(scanBag(agent, code, body));
        } catch (RefusalException refusal) {
            return refused(refusal);
        }
    }

    /** The bag's entries are placed at its hub (or where the agent says); the phone's position is not asked for. */
    private Outcome scanBag(Caller agent, String code, Map<String, String> fields) {
        String given = optional(fields.get("event"));
        BagStatus event = BagStatus.scanEvent(given).orElseThrow(() -> new InvalidRequestException("event",
                given == null ? "is required: one of " + String.join(", ", BAG_EVENTS)
                        : "must be one of " + String.join(", ", BAG_EVENTS)));
        BagService.ScannedBag scanned = bagKeeper().scan(agent, code, event, optional(fields.get("location")));
        Bag bag = scanned.bag();
        String statusText = text("agent.bag.status." + bag.status().wireName());
        return new Outcome(bag.code().value(), bag.status().wireName(), statusText,
                text("agent.sent.bag", statusText, scanned.shipmentCount()));
    }

    private BagService bagKeeper() {
        BagService keeper = bags.getIfAvailable();
        if (keeper == null) {
            throw new NotFoundException("No bag with this id or code.");
        }
        return keeper;
    }

    private static ResponseEntity<ProblemDetail> refused(RefusalException refusal) {
        HttpStatus status = FormErrors.apiStatus(refusal);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, FormErrors.sentence(refusal)));
    }

    /**
     * What the page's script is told: the shipment's status now, and a sentence to show; for a bag, its
     * code stands in the first field and its status in the second.
     */
    record Outcome(String trackingNumber, String status, String statusText, String message) {
    }

    private String byForm(String reference, String action, Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Caller agent = agent();
        return answerForm(() -> perform(agent, reference, action, form), "/agent/shipments/", action,
                () -> fillShipment(agent, reference, model), "web/agent/shipment", model, response, redirect);
    }

    /**
     * A form's action done: back to its page (under {@code pageBase}) with the outcome as a notice; refused,
     * the page again with the refusal above the form; not the agent's (or unknown), the refusal page.
     */
    private String answerForm(Supplier<Outcome> action, String pageBase, String form, Runnable refill, String view,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return SentForm.of(Map.of(), model, response).above(form)
                .except(NotFoundException.class, ForbiddenException.class).answer(RefusalException.class, () -> {
                    Outcome done = action.get();
                    redirect.addFlashAttribute("notice", done.message());
                    return "redirect:" + pageBase + done.trackingNumber();
                }, view, refill);
    }

    private ResponseEntity<?> byScript(String reference, String action, Map<String, String> body) {
        Caller agent = agent();
        try {
            return ResponseEntity.ok(perform(agent, reference, action, body));
        } catch (RefusalException refusal) {
            return refused(refusal);
        }
    }

    private Outcome perform(Caller agent, String reference, String action, Map<String, String> fields) {
        GeoPoint point = GeoPoint.ofNullable(number(fields, "lat"), number(fields, "lon"));
        String location = optional(fields.get("location"));
        String note = optional(fields.get("note"));
        ShipmentStatus status;
        String message;
        switch (action) {
            case "status" -> {
                String wanted = optional(fields.get("status"));
                ShipmentStatus next = wanted == null ? null : ShipmentStatus.fromWire(wanted)
                        .orElseThrow(() -> new InvalidRequestException("status", "must be one of "
                                + ShipmentStatus.allWireNames()));
                status = shipments.track(agent, reference, location, point, null, next, note).status();
                message = next == null ? text("agent.sent.scan") : text("agent.sent.status", statusText(status));
            }
            case "failed" -> {
                String given = optional(fields.get("reason"));
                FailureReason reason = given == null ? null : FailureReason.fromWire(given)
                        .orElseThrow(() -> new InvalidRequestException("reason", "must be one of "
                                + FailureReason.allWireNames()));
                if (reason == null) {
                    throw new InvalidRequestException("reason", "is required: one of " + FailureReason.allWireNames());
                }
                status = shipments.track(agent, reference, location, point, null, ShipmentStatus.DELIVERY_FAILED,
                        note, reason).status();
                message = text("agent.sent.failed", statusText(status));
            }
            case "deliver" -> {
                shipments.deliver(agent, reference, new ShipmentService.ProofSubmission(kind(fields.get("kind")),
                        optional(fields.get("code")), image(fields.get("image")),
                        optional(fields.get("received_by")), location,
                        point == null ? null : point.lat(), point == null ? null : point.lon(),
                        collection(agent, reference, fields)));
                status = ShipmentStatus.DELIVERED;
                message = text("agent.sent.delivered");
            }
            default -> throw new IllegalArgumentException("No agent action " + action);
        }
        String number = shipments.get(agent, reference).trackingNumber().value();
        return new Outcome(number, status.wireName(), statusText(status), message);
    }

    /** What was taken at the door of a cash-on-delivery shipment, in the currency it is due in. */
    private Payment.Collected collection(Caller agent, String reference, Map<String, String> fields) {
        Payment payment = shipments.get(agent, reference).payment();
        String amount = optional(fields.get("amount"));
        String method = optional(fields.get("method"));
        if (!payment.isCashOnDelivery()) {
            if (amount != null) {
                throw new InvalidRequestException("amount", "is only taken for a cash-on-delivery shipment");
            }
            return null;
        }
        if (amount == null) {
            throw new InvalidRequestException("amount", "is required: the amount taken at the door");
        }
        BigDecimal major;
        try {
            major = new BigDecimal(amount.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException("amount", "must be an amount such as 450.00");
        }
        int digits = payment.amount().currency().getDefaultFractionDigits();
        if (major.stripTrailingZeros().scale() > digits) {
            throw new InvalidRequestException("amount", "has more than " + digits + " decimal digits");
        }
        CollectionMethod how = method == null ? null : CollectionMethod.fromWire(method)
                .orElseThrow(() -> new InvalidRequestException("method", "must be one of "
                        + CollectionMethod.allWireNames()));
        if (how == null) {
            throw new InvalidRequestException("method", "is required: one of " + CollectionMethod.allWireNames());
        }
        return new Payment.Collected(Money.parse("amount", major.movePointRight(digits),
                payment.amount().currency().getCurrencyCode()), how);
    }

    private static ProofKind kind(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("kind", "is required: one of " + ProofKind.allWireNames());
        }
        return ProofKind.fromWire(value).orElseThrow(() ->
                new InvalidRequestException("kind", "must be one of " + ProofKind.allWireNames()));
    }

    /** The signature or photo as the page's script sends it: a base64 data URL; null when none. */
    static byte[] image(String dataUrl) {
        if (dataUrl == null || dataUrl.isBlank()) {
            return null;
        }
        String data = dataUrl.strip();
        int comma = data.indexOf(',');
        if (!data.startsWith("data:") || comma < 0 || !data.substring(0, comma).endsWith(";base64")) {
            throw new InvalidRequestException("image", "must be a base64 data URL");
        }
        try {
            return Base64.getMimeDecoder().decode(data.substring(comma + 1));
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidRequestException("image", "is not valid base64");
        }
    }

    private static Double number(Map<String, String> fields, String name) {
        String value = optional(fields.get(name));
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException(name, "must be a number of degrees");
        }
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String statusText(ShipmentStatus status) {
        return text("status." + status.wireName());
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    static String majorUnits(Money money) {
        return BigDecimal.valueOf(money.amountMinor(), money.currency().getDefaultFractionDigits()).toPlainString()
                + " " + money.currency().getCurrencyCode();
    }

    /** The signed-in agent; anyone else is refused, as the API refuses a customer's scan by role. */
    private static Caller agent() {
        Caller caller = SignedIn.current().map(PageUser::caller)
                .orElseThrow(() -> new IllegalStateException("The agent's chain lets only signed-in sessions in"));
        if (!caller.isAgent()) {
            throw new ForbiddenException("These pages are for delivery agents.");
        }
        return caller;
    }
}
