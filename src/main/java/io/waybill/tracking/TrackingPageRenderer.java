package io.waybill.tracking;

import io.waybill.kernel.web.StrongEtag;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders public pages with the application's own JSON mapper, the one the HTTP answers are
 * written with, so a page from the cache reads exactly as one rendered for the answer would.
 */
@Component
public class TrackingPageRenderer {

    private final JsonMapper json;

    TrackingPageRenderer(JsonMapper json) {
        this.json = json;
    }

    /** The page of this document of the tenant's shipment, rendered and tagged (without its carrier). */
    public TrackingPage render(UUID tenantId, TrackingDocument document) {
        String body = json.writeValueAsString(document.toPublic());
        return new TrackingPage(document.trackingNumber(), document.version(), body,
                StrongEtag.of(body.getBytes(StandardCharsets.UTF_8)), tenantId);
    }

    /**
     * The page with its carrier as the first field. Added as it is sent, not cached with the page: a
     * carrier's new name then shows on every page at once, without rewriting them. The ETag is the
     * page's and the carrier's together, so it changes with either, and hashes a few bytes, not the page.
     */
    public TrackingPage withCarrier(TrackingPage page, Optional<Carrier> carrier) {
        if (carrier.isEmpty()) {
            return page;
        }
        String named = json.writeValueAsString(carrier.get());
        String body = "{\"carrier\":" + named + "," + page.json().substring(1);
        return new TrackingPage(page.trackingNumber(), page.version(), body,
                StrongEtag.of((page.etag() + named).getBytes(StandardCharsets.UTF_8)), page.tenantId());
    }

    /** The page read back as a value, for callers that show it some other way than as JSON. */
    public PublicTracking read(TrackingPage page) {
        return json.readValue(page.json(), PublicTracking.class);
    }
}
