package io.waybill.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.TenantContext;
import io.waybill.network.Hub;
import io.waybill.network.NetworkService;
import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import io.waybill.tracking.PublicTracking;
import io.waybill.tracking.TrackingService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The public tracking page, {@code /t/{tracking_number}} (the QR code on every label points here),
 * and the search box on {@code /}. It shows tracking's public view, so nothing personal; its
 * script follows the public live stream and fetches the timeline again when the history grows.
 * Lookups count against the tracking limit per address, like {@code GET /track/}.
 */
@Controller
@Hidden
class TrackingPages {

    private final TrackingService tracking;
    private final NetworkService network;
    private final Throttle throttle;
    private final WebProperties properties;

    TrackingPages(TrackingService tracking, NetworkService network, Throttle throttle, WebProperties properties) {
        this.tracking = tracking;
        this.network = network;
        this.throttle = throttle;
        this.properties = properties;
    }

    @GetMapping("/")
    String home() {
        return "web/home";
    }

    @GetMapping("/t")
    String search(@RequestParam(name = "number", required = false) String number, Model model) {
        String cleaned = number == null ? "" : number.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (cleaned.isEmpty()) {
            model.addAttribute("searchError", "track.search.empty");
            return "web/home";
        }
        return "redirect:/t/" + UriUtils.encodePathSegment(cleaned, java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/t/{trackingNumber}")
    String page(@PathVariable String trackingNumber, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            fill(trackingNumber, model, request);
        } catch (NotFoundException unknown) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("titleKey", "error.not_found");
            model.addAttribute("number", trackingNumber);
            return "web/error";
        }
        return "web/track";
    }

    /** The status and timeline alone, which the page's script swaps in when the live stream says more happened. */
    @GetMapping("/t/{trackingNumber}/timeline")
    String timeline(@PathVariable String trackingNumber, Model model, HttpServletRequest request) {
        fill(trackingNumber, model, request);
        return "web/track :: shipment";
    }

    private void fill(String trackingNumber, Model model, HttpServletRequest request) {
        Throttle.Quota quota = throttle.take(RateLimit.TRACKING, request.getRemoteAddr());
        if (!quota.taken()) {
            throw quota.refusal("Too many tracking lookups from this address; try again in a minute.");
        }
        PublicTracking shipment = tracking.track(trackingNumber);
        model.addAttribute("shipment", shipment);
        model.addAttribute("timeline", TimelineEntry.of(shipment.events()));
        model.addAttribute("sequence", shipment.events().size() - 1);
        model.addAttribute("finished", isFinal(shipment.status()));
        model.addAttribute("mapPoints", tracking.tenantOf(trackingNumber)
                .map(tenant -> TenantContext.callAs(tenant, () -> mapPoints(shipment.events()))).orElse(List.of()));
        model.addAttribute("tiles", properties.mapTilesUrl());
        model.addAttribute("tilesAttribution", properties.mapAttribution());
    }

    private static boolean isFinal(String status) {
        return io.waybill.shipments.ShipmentStatus.fromWire(status).map(s -> s.isFinal()).orElse(false);
    }

    /**
     * The places of the timeline that are hubs with coordinates, in the order first reached, one point
     * per hub: a hub is a public place, unlike the spot where a scanner stood (a doorstep, for a
     * delivery), which is never shown here. Only the hubs the timeline names are read.
     */
    private List<Map<String, Object>> mapPoints(List<PublicTracking.Event> events) {
        List<String> places = events.stream().map(PublicTracking.Event::location).filter(Objects::nonNull)
                .distinct().toList();
        if (places.isEmpty()) {
            return List.of();
        }
        Map<String, Hub> hubs = network.hubsAt(places);
        Map<UUID, Map<String, Object>> points = new LinkedHashMap<>();
        for (String place : places) {
            Hub hub = hubs.get(place);
            if (hub != null && hub.latitude() != null && hub.longitude() != null) {
                points.putIfAbsent(hub.id(), Map.of("name", place, "lat", hub.latitude(), "lon", hub.longitude()));
            }
        }
        return new ArrayList<>(points.values());
    }
}
