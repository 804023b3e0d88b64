package io.waybill.tracking;

import io.waybill.kernel.web.StrongEtag;
import java.nio.charset.StandardCharsets;
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

    /** The page of this document, rendered and tagged. */
    public TrackingPage render(TrackingDocument document) {
        String body = json.writeValueAsString(document.toPublic());
        return new TrackingPage(document.trackingNumber(), document.version(), body, StrongEtag.of(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The page read back as a value, for callers that show it some other way than as JSON. */
    public PublicTracking read(TrackingPage page) {
        return json.readValue(page.json(), PublicTracking.class);
    }
}
