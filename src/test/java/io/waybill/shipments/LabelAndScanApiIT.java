package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import io.waybill.shipments.label.LabelCodes;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Eventually;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Shipping labels (GET /shipments/{id}/label) and scans by code (POST /scans), over real HTTP. */
class LabelAndScanApiIT extends ApiTest {

    private static final String BASE_URL = "http://localhost:8080";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // --- labels ---

    @Test
    void shouldGiveTheOwnerAPdfLabelWhoseCodesScanBackToTheNumberAndTheTrackingUrl() throws IOException {
        Account owner = customer();
        Api.Response booked = api.post("/shipments", owner.token(), Map.of("source_address", "12 Anna Salai, Chennai",
                "destination_address", "5 MG Road, Bengaluru", "recipient_name", "Ravi Kumar",
                "recipient_phone", "+919800000000", "weight_kg", 2.5));
        String number = booked.text("tracking_number");

        Binary label = fetch("/shipments/" + booked.text("id") + "/label", owner.token(), null);

        assertThat(label.status()).isEqualTo(200);
        assertThat(label.contentType()).isEqualTo("application/pdf");
        assertThat(label.header("Content-Disposition")).isEqualTo("inline; filename=\"label-" + number + ".pdf\"");
        try (PDDocument pdf = Loader.loadPDF(label.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("12 Anna Salai, Chennai", "Ravi Kumar", "5 MG Road, Bengaluru", "2.5 kg",
                    "STANDARD", number).doesNotContain("+919800000000");
            BufferedImage printed = new PDFRenderer(pdf).renderImageWithDPI(0, 203);
            assertThat(LabelCodes.decode(printed, BarcodeFormat.CODE_128).getText()).isEqualTo(number);
            assertThat(LabelCodes.decode(printed, BarcodeFormat.QR_CODE).getText()).isEqualTo(BASE_URL + "/t/" + number);
        }
    }

    @Test
    void shouldGiveAPngAndZplOfTheSameLabelByTrackingNumberToo() {
        Account owner = customer();
        String number = book(owner).text("tracking_number");

        Binary png = fetch("/shipments/" + number.toLowerCase(Locale.ROOT) + "/label?format=png", owner.token(), null);
        Binary zpl = fetch("/shipments/" + number + "/label?format=ZPL", owner.token(), null);

        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.header("Content-Disposition")).contains("label-" + number + ".png");
        BufferedImage image = LabelCodes.image(png.body());
        assertThat(LabelCodes.decode(image, BarcodeFormat.CODE_128).getText()).isEqualTo(number);
        assertThat(LabelCodes.decode(image, BarcodeFormat.QR_CODE).getText()).isEqualTo(BASE_URL + "/t/" + number);

        assertThat(zpl.status()).isEqualTo(200);
        assertThat(zpl.contentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(zpl.header("Content-Disposition")).contains("label-" + number + ".zpl");
        assertThat(zpl.text()).startsWith("^XA").contains("^FD" + number + "^FS", "^FDMA," + BASE_URL + "/t/" + number)
                .contains("^FDnot routed yet^FS");
    }

    @Test
    void shouldPrintTheServiceLevelTheShipmentWasBookedAt() throws IOException {
        Account owner = customer();
        String express = api.post("/shipments", owner.token(), Map.of("source_address", "12 Anna Salai, Chennai",
                "destination_address", "5 MG Road, Bengaluru", "service_level", "express")).text("id");
        String standard = book(owner).text("id");

        assertThat(pdfText(express, owner)).contains("EXPRESS").doesNotContain("STANDARD");
        assertThat(fetch("/shipments/" + express + "/label?format=zpl", owner.token(), null).text())
                .contains("^FDEXPRESS^FS");
        assertThat(pdfText(standard, owner)).contains("STANDARD").doesNotContain("EXPRESS");
    }

    @Test
    void shouldPrintTheRoutedHubByItsNameAsTheNetworkNamesIt() throws IOException {
        String city = "Labeltown" + letters();
        String admin = admin().token();
        String hub = api.post("/admin/hubs", admin, Map.of("hub_name", "Dock " + city, "city", city)).text("id");
        Account owner = customer();
        String id = api.post("/shipments", owner.token(), Map.of("source_address", "1 Harbour Road, " + city,
                "destination_address", "5 MG Road, Bengaluru")).text("id");
        Eventually.eventually(() -> assertThat(api.get("/shipments/" + id, owner.token()).text("hub_id"))
                .isEqualTo(hub));
        awaitEvents();

        assertThat(pdfText(id, owner)).contains("Dock " + city);

        assertThat(api.put("/admin/hubs/" + hub, admin, Map.of("hub_name", "Quay " + city)).status()).isEqualTo(200);
        awaitEvents();
        assertThat(pdfText(id, owner)).contains("Quay " + city).doesNotContain("Dock " + city);
    }

    @Test
    void shouldShowTheLabelToTheAssignedAgentAndAdminsAndToNoOneElse() {
        Account owner = customer();
        Account agent = agent();
        String id = book(owner).text("id");
        assign(id, agent);
        String madeUp = UUID.randomUUID().toString();

        assertThat(fetch("/shipments/" + id + "/label", agent.token(), null).status()).isEqualTo(200);
        assertThat(fetch("/shipments/" + id + "/label?format=zpl", admin().token(), null).status()).isEqualTo(200);
        assertThat(fetch("/shipments/" + id + "/label", null, null).status()).isEqualTo(401);
        for (Account stranger : new Account[] {customer(), agent()}) {
            // Asked for a PDF, refused with a problem all the same, and the same one as for no shipment.
            Binary forReal = fetch("/shipments/" + id + "/label", stranger.token(), "application/pdf");
            Binary forNone = fetch("/shipments/" + madeUp + "/label", stranger.token(), "application/pdf");
            assertThat(forReal.status()).isEqualTo(404);
            assertThat(forReal.contentType()).startsWith("application/problem+json");
            assertThat(forReal.text().replace(id, "{id}").replaceAll("\"request_id\":\"[^\"]*\"", ""))
                    .isEqualTo(forNone.text().replace(madeUp, "{id}").replaceAll("\"request_id\":\"[^\"]*\"", ""));
        }
    }

    @Test
    void shouldRefuseAFormatItDoesNotPrint() {
        Account owner = customer();
        String id = book(owner).text("id");

        Api.Response refused = api.get("/shipments/" + id + "/label?format=gif", owner.token());

        assertProblem(refused, 400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("format");
        assertThat(refused.body().get("errors").get(0).get("message").asString()).contains("pdf", "png", "zpl");
    }

    // --- scans ---

    @Test
    void shouldRecordAScanOfTheBarcodeWithWhereTheScannerStood() {
        Account owner = customer();
        Account agent = agent();
        Api.Response booked = book(owner);
        String id = booked.text("id");
        String number = booked.text("tracking_number");
        assign(id, agent);

        Api.Response scanned = api.post("/scans", agent.token(), Map.of("code", number, "location", "Chennai hub",
                "lat", 13.0827, "lon", 80.2707, "note", "dock 3"));

        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(201);
        assertThat(scanned.header("Location")).isNull();
        assertThat(scanned.text("shipment_id")).isEqualTo(id);
        assertThat(scanned.text("tracking_number")).isEqualTo(number);
        JsonNode update = scanned.body().get("update");
        assertThat(update.get("status").asString()).isEqualTo("created");
        assertThat(update.get("location").asString()).isEqualTo("Chennai hub");
        assertThat(update.get("note").asString()).isEqualTo("dock 3");
        assertThat(update.get("lat").asDouble()).isEqualTo(13.0827);
        assertThat(update.get("lon").asDouble()).isEqualTo(80.2707);

        JsonNode history = api.get("/tracking/" + id, owner.token()).body();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("id").asString()).isEqualTo(update.get("id").asString());
        assertThat(last.get("lat").asDouble()).isEqualTo(13.0827);
        assertThat(last.get("lon").asDouble()).isEqualTo(80.2707);
        assertThat(history.get(0).get("lat").isNull()).isTrue();
        assertThat(api.get("/shipments/" + id, owner.token()).text("current_location")).isEqualTo("Chennai hub");
    }

    @Test
    void shouldKeepBothThePointAndTheTimeZoneOfAnUpdate() {
        Account owner = customer();
        Account agent = agent();
        Api.Response booked = book(owner);
        String id = booked.text("id");
        assign(id, agent);
        Map<String, Object> body = new HashMap<>(Map.of("location", "Salem", "status", "picked_up", "lat", 11.6643,
                "lon", 78.146, "time_zone", "Asia/Kolkata"));

        Api.Response tracked = api.post("/tracking/" + id, agent.token(), body);
        body.put("code", booked.text("tracking_number"));
        body.remove("status");
        body.put("time_zone", "Europe/Berlin");
        Api.Response scanned = api.post("/scans", agent.token(), body);

        assertThat(tracked.status()).as(tracked.toString()).isEqualTo(201);
        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(201);
        JsonNode history = api.get("/tracking/" + id, owner.token()).body();
        JsonNode moved = history.get(history.size() - 2);
        JsonNode scan = history.get(history.size() - 1);
        assertThat(moved.get("status").asString()).isEqualTo("picked_up");
        assertThat(moved.get("lat").asDouble()).isEqualTo(11.6643);
        assertThat(moved.get("lon").asDouble()).isEqualTo(78.146);
        assertThat(moved.get("time_zone").asString()).isEqualTo("Asia/Kolkata");
        assertThat(moved.get("local_time").asString()).endsWith("+05:30");
        assertThat(scan.get("lat").asDouble()).isEqualTo(11.6643);
        assertThat(scan.get("time_zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(scanned.body().get("update").get("time_zone").asString()).isEqualTo("Europe/Berlin");
        assertProblem(api.post("/scans", agent.token(), Map.of("code", booked.text("tracking_number"),
                "location", "Salem", "time_zone", "+05:30")), 422);
    }

    @Test
    void shouldMoveTheShipmentOnAScanOfTheQrCodeWithAStatus() {
        Account owner = customer();
        Account agent = agent();
        Api.Response booked = book(owner);
        String id = booked.text("id");
        assign(id, agent);
        String qr = BASE_URL + "/t/" + booked.text("tracking_number") + "/?src=label";

        Api.Response scanned = api.post("/scans", agent.token(), Map.of("code", qr, "location", "Chennai",
                "status", "picked_up"));

        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(201);
        assertThat(scanned.body().get("update").get("status").asString()).isEqualTo("picked_up");
        assertThat(scanned.body().get("update").get("lat").isNull()).isTrue();
        assertThat(api.get("/shipments/" + id, owner.token()).text("status")).isEqualTo("picked_up");
        // The same rules as POST /tracking/{id}: a move the lifecycle does not allow is a conflict.
        assertProblem(api.post("/scans", agent.token(), Map.of("code", qr, "location", "Chennai",
                "status", "delivered")), 409);
        // An admin scans any shipment.
        assertThat(api.post("/scans", admin().token(), Map.of("code", booked.text("tracking_number"),
                "location", "Chennai hub")).status()).isEqualTo(201);
    }

    @Test
    void shouldDeliverOnlyWithAProofAndFailOnlyWithAReasonOnAScanAsOnPostTracking() {
        Account owner = customer();
        Account agent = agent();
        Api.Response booked = book(owner);
        String id = booked.text("id");
        String number = booked.text("tracking_number");
        assign(id, agent);
        for (String status : java.util.List.of("in_transit", "out_for_delivery")) {
            assertThat(api.post("/scans", agent.token(), Map.of("code", number, "location", "Chennai",
                    "status", status)).status()).isEqualTo(201);
        }

        Api.Response delivered = api.post("/scans", agent.token(), Map.of("code", number, "location", "Door",
                "status", "delivered"));
        assertProblem(delivered, 422);
        assertThat(delivered.raw()).contains("/proof-of-delivery");
        Api.Response noReason = api.post("/scans", agent.token(), Map.of("code", number, "location", "Door",
                "status", "delivery_failed"));
        assertProblem(noReason, 422);
        assertThat(noReason.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertProblem(api.post("/scans", agent.token(), Map.of("code", number, "location", "Door",
                "reason", "weather")), 422);
        assertThat(api.get("/shipments/" + id, owner.token()).text("status")).isEqualTo("out_for_delivery");

        Api.Response failed = api.post("/scans", agent.token(), Map.of("code", number, "location", "Door",
                "status", "delivery_failed", "reason", "recipient_absent"));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(201);
        assertThat(failed.body().get("update").get("status").asString()).isEqualTo("delivery_failed");
    }

    @Test
    void shouldRefuseScansAsPostTrackingDoesWithoutTellingWhetherTheShipmentExists() {
        Account owner = customer();
        Account agent = agent();
        Api.Response booked = book(owner);
        String number = booked.text("tracking_number");
        assign(booked.text("id"), agent);
        String unknown = unusedTrackingNumber();
        Account stranger = agent();

        assertProblem(api.post("/scans", owner.token(), Map.of("code", number, "location", "Chennai")), 403);
        assertProblem(api.post("/scans", customer().token(), Map.of("code", number, "location", "Chennai")), 403);
        assertThat(api.post("/scans", null, Map.of("code", number, "location", "Chennai")).status()).isEqualTo(401);

        Api.Response forReal = api.post("/scans", stranger.token(), Map.of("code", number, "location", "Chennai"));
        Api.Response forNone = api.post("/scans", stranger.token(), Map.of("code", unknown, "location", "Chennai"));
        assertProblem(forReal, 404);
        assertThat(forReal.raw().replace(forReal.header("X-Request-Id"), "{request}"))
                .isEqualTo(forNone.raw().replace(forNone.header("X-Request-Id"), "{request}"));
        assertProblem(api.post("/scans", agent.token(), Map.of("code", unknown, "location", "Chennai")), 404);

        assertThat(api.get("/tracking/" + booked.text("id"), owner.token()).body().size()).isEqualTo(1);
    }

    @Test
    void shouldRefuseWhatIsNoShipmentCodeAndBadCoordinates() {
        Account owner = customer();
        Account agent = agent();
        Api.Response booked = book(owner);
        String number = booked.text("tracking_number");
        assign(booked.text("id"), agent);
        String wrongCheckDigit = number.substring(0, 13) + (char) ('0' + (number.charAt(13) - '0' + 1) % 10);

        assertInvalid(Map.of("code", "BAG-000042", "location", "Chennai"), agent, "code", "is not a shipment code");
        assertInvalid(Map.of("code", wrongCheckDigit, "location", "Chennai"), agent, "code", "check digit");
        assertInvalid(Map.of("location", "Chennai"), agent, "code", "is required");
        assertInvalid(Map.of("code", "https://example.com/about", "location", "Chennai"), agent, "code",
                "is not a shipment code");
        assertInvalid(Map.of("code", number), agent, "location", "is required");
        assertInvalid(Map.of("code", number, "location", "Chennai", "lat", 91, "lon", 80), agent, "lat", "between");
        assertInvalid(Map.of("code", number, "location", "Chennai", "lat", 13, "lon", -181), agent, "lon", "between");
        assertInvalid(Map.of("code", number, "location", "Chennai", "lat", 13), agent, "lon", "required");
        assertInvalid(Map.of("code", number, "location", "Chennai", "status", "lost"), agent, "status", "one of");

        assertThat(api.get("/tracking/" + booked.text("id"), owner.token()).body().size()).isEqualTo(1);
    }

    @Test
    void shouldTakeCoordinatesOnPostTrackingToo() {
        Account owner = customer();
        Account agent = agent();
        String id = book(owner).text("id");
        assign(id, agent);

        Api.Response tracked = api.post("/tracking/" + id, agent.token(), Map.of("location", "Hosur",
                "lat", -12.5, "lon", 77.25));
        Api.Response refused = api.post("/tracking/" + id, agent.token(), Map.of("location", "Hosur", "lon", 77.25));

        assertThat(tracked.status()).as(tracked.toString()).isEqualTo(201);
        assertThat(tracked.body().get("lat").asDouble()).isEqualTo(-12.5);
        assertThat(tracked.body().get("lon").asDouble()).isEqualTo(77.25);
        assertProblem(refused, 422);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("lat");
    }

    private void assertInvalid(Map<String, Object> body, Account agent, String field, String message) {
        Api.Response refused = api.post("/scans", agent.token(), body);
        assertProblem(refused, 422);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).as(refused.toString())
                .isEqualTo(field);
        assertThat(refused.body().get("errors").get(0).get("message").asString()).as(refused.toString())
                .contains(message);
    }

    private String pdfText(String id, Account owner) throws IOException {
        Binary label = fetch("/shipments/" + id + "/label", owner.token(), null);
        assertThat(label.status()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(label.body())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    /** A well-formed number no shipment has: a new random one is not booked, with near certainty. */
    private static String unusedTrackingNumber() {
        return TrackingNumber.random(new java.util.Random()).value();
    }

    private static String letters() {
        StringBuilder out = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            out.append((char) ('a' + Character.digit(c, 16)));
        }
        return out.toString();
    }

    private Binary fetch(String path, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response whose body is kept as bytes: a PDF or an image. */
    private record Binary(int status, Map<String, java.util.List<String>> headers, byte[] body) {

        String header(String name) {
            Map<String, String> lower = new HashMap<>();
            headers.forEach((key, values) -> lower.put(key.toLowerCase(Locale.ROOT), values.get(0)));
            return lower.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            return header("Content-Type");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
