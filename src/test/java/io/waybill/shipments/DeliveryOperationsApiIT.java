package io.waybill.shipments;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Proofs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Delivery operations over HTTP: the recipient's one-time code reaching them through the
 * notification outbox, deliveries proven by code, signature and photo, refused proofs and uploads,
 * failed attempts with their reasons, the customer's instructions and the automatic return.
 */
class DeliveryOperationsApiIT extends ApiTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Parcel(String id, String number, Account customer, Account agent) {
    }

    private Parcel outForDelivery(String recipientPhone) {
        Account customer = customer();
        Account agent = agent();
        Map<String, Object> booking = new HashMap<>(Map.of("source_address", "Chennai",
                "destination_address", "5 MG Road, Bengaluru", "recipient_name", "Ravi Kumar"));
        if (recipientPhone != null) {
            booking.put("recipient_phone", recipientPhone);
        }
        Api.Response booked = api.post("/shipments", customer.token(), booking);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String id = booked.text("id");
        assign(id, agent);
        for (String status : List.of("picked_up", "in_transit", "out_for_delivery")) {
            assertThat(move(id, agent, status, "Bengaluru hub").status()).isEqualTo(200);
        }
        return new Parcel(id, booked.text("tracking_number"), customer, agent);
    }

    private static String phone() {
        return "+9198" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    /** The code as the recipient's text message carries it, the latest one sent to this phone. */
    private String textedCode(String phone, int messages) {
        List<String> bodies = new ArrayList<>();
        eventually(() -> {
            bodies.clear();
            bodies.addAll(database().sql("select body from notifications.notifications where kind = 'delivery_code' "
                    + "and channel = 'sms' and recipient = ? order by created_at").param(phone).query(String.class)
                    .list());
            assertThat(bodies).hasSize(messages);
        });
        Matcher code = CODE.matcher(bodies.get(messages - 1));
        assertThat(code.find()).as(bodies.get(messages - 1)).isTrue();
        return code.group(1);
    }

    private Map<String, Object> otp(String code) {
        return Map.of("kind", "otp", "code", code, "received_by", "Ravi Kumar", "location", "5 MG Road",
                "latitude", 12.9716, "longitude", 77.5946);
    }

    private Api.Response prove(Parcel parcel, Map<String, Object> proof) {
        return api.post("/shipments/" + parcel.id() + "/proof-of-delivery", parcel.agent().token(), proof);
    }

    /** The message of a 422's (first) field error. */
    private static String error(Api.Response refused) {
        return refused.body().get("errors").get(0).get("message").asString();
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void shouldDeliverOnTheCodeTextedToTheRecipientAndShowOnlyInitialsToThePublic() {
        String phone = phone();
        Parcel parcel = outForDelivery(phone);
        String code = textedCode(phone, 1);

        Api.Response delivered = prove(parcel, otp(code));

        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(201);
        assertThat(delivered.text("kind")).isEqualTo("otp");
        assertThat(delivered.text("received_by")).isEqualTo("Ravi Kumar");
        assertThat(delivered.body().get("latitude").asDouble()).isEqualTo(12.9716);
        assertThat(api.get("/shipments/" + parcel.id(), parcel.customer().token()).text("status"))
                .isEqualTo("delivered");
        assertThat(api.get("/shipments/" + parcel.id() + "/proof-of-delivery", parcel.customer().token())
                .text("received_by")).isEqualTo("Ravi Kumar");
        eventually(() -> {
            Api.Response page = api.get("/track/" + parcel.number(), null);
            assertThat(page.text("status")).isEqualTo("delivered");
            assertThat(page.text("received_by")).isEqualTo("R. K.");
            assertThat(page.raw()).doesNotContain("Ravi").doesNotContain("proof-of-delivery").doesNotContain(code);
        });
        // The code travels only on its own topic; no other event carries it.
        awaitEvents();
        assertThat(database().sql("select count(*) from eventing.outbox where event_key = ? and topic <> "
                + "'shipment.delivery_code' and envelope::text like ?").params(parcel.id(), "%" + code + "%")
                .query(Long.class).single()).isZero();
        assertThat(database().sql("select count(*) from shipments.delivery_codes where shipment_id = ?::uuid")
                .param(parcel.id()).query(Long.class).single()).as("the code expired with the attempt").isZero();
    }

    @Test
    void shouldLockTheCodeAfterFiveWrongTriesAndStillAcceptASignature() {
        String phone = phone();
        Parcel parcel = outForDelivery(phone);
        String code = textedCode(phone, 1);

        for (int left = 4; left >= 0; left--) {
            Api.Response refused = prove(parcel, otp(wrong(code)));
            assertProblem(refused, 422);
            assertThat(error(refused)).contains(left > 0 ? left + " tr" : "locked");
        }
        Api.Response locked = prove(parcel, otp(code));
        assertProblem(locked, 422);
        assertThat(error(locked)).contains("locked").contains("signature");
        assertThat(api.get("/shipments/" + parcel.id(), parcel.agent().token()).text("status"))
                .isEqualTo("out_for_delivery");

        Api.Response signed = prove(parcel, Proofs.signature("5 MG Road"));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        assertThat(signed.text("kind")).isEqualTo("signature");
    }

    @Test
    void shouldDeliverWithAPhotoAndServeItOnlyToThoseWhoSeeTheShipment() throws Exception {
        Parcel parcel = outForDelivery(null);
        byte[] photo = Proofs.image("jpg", 64, 48);

        Api.Response delivered = prove(parcel, Map.of("kind", "photo", "image", "data:image/jpeg;base64,"
                + Proofs.base64(photo), "received_by", "Ravi Kumar", "location", "5 MG Road"));

        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(201);
        String link = delivered.body().get("images").get(0).get("href").asString();
        assertThat(link).isEqualTo("/shipments/" + parcel.id() + "/proof-of-delivery/images/1");
        for (Account allowed : List.of(parcel.customer(), parcel.agent(), admin())) {
            HttpResponse<byte[]> image = download(link, allowed.token());
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(ImageIO.read(new ByteArrayInputStream(image.body())).getWidth()).isEqualTo(64);
        }
        for (Account stranger : List.of(customer(), agent())) {
            assertThat(download(link, stranger.token()).statusCode()).isEqualTo(404);
            assertProblem(api.get("/shipments/" + parcel.id() + "/proof-of-delivery", stranger.token()), 404);
        }
        assertThat(download(link, null).statusCode()).isEqualTo(401);
        assertThat(download("/shipments/" + parcel.id() + "/proof-of-delivery/images/2",
                parcel.customer().token()).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseADeliveryWithoutProofOrWithABadUpload() {
        Parcel parcel = outForDelivery(null);

        Api.Response byStatus = api.put("/shipments/" + parcel.id() + "/status", parcel.agent().token(),
                Map.of("status", "delivered", "location", "5 MG Road"));
        assertProblem(byStatus, 422);
        assertThat(error(byStatus)).contains("proof-of-delivery");
        assertProblem(api.post("/tracking/" + parcel.id(), parcel.agent().token(),
                Map.of("status", "delivered", "location", "5 MG Road")), 422);

        Api.Response text = prove(parcel, Map.of("kind", "signature", "received_by", "Ravi Kumar",
                "location", "5 MG Road", "image", Proofs.base64("not an image, just named signature.png"
                        .getBytes(StandardCharsets.UTF_8))));
        assertProblem(text, 422);
        assertThat(error(text)).contains("not a PNG or JPEG");

        byte[] oversized = noise(1400, 1300);
        assertThat(oversized.length).isGreaterThan(5 * 1024 * 1024);
        Api.Response big = prove(parcel, Map.of("kind", "photo", "received_by", "Ravi Kumar",
                "location", "5 MG Road", "image", Proofs.base64(oversized)));
        assertProblem(big, 422);
        assertThat(error(big)).contains("at most");

        assertProblem(prove(parcel, Map.of("kind", "signature", "location", "5 MG Road",
                "image", Proofs.base64(Proofs.image("png", 10, 10)))), 422);
        assertProblem(prove(parcel, Map.of("kind", "fingerprint", "received_by", "R", "location", "5 MG Road")), 422);
        assertThat(api.get("/shipments/" + parcel.id(), parcel.agent().token()).text("status"))
                .isEqualTo("out_for_delivery");
        assertThat(database().sql("select count(*) from shipments.proofs_of_delivery where shipment_id = ?::uuid")
                .param(parcel.id()).query(Long.class).single()).isZero();
    }

    @Test
    void shouldRecordAFailedAttemptsReasonAndTheCustomersInstructions() {
        Parcel parcel = outForDelivery(null);
        String status = "/shipments/" + parcel.id() + "/status";

        assertProblem(api.put(status, parcel.agent().token(), Map.of("status", "delivery_failed",
                "location", "5 MG Road")), 422);
        assertProblem(api.put(status, parcel.agent().token(), Map.of("status", "delivery_failed",
                "location", "5 MG Road", "reason", "aliens")), 422);
        Api.Response failed = api.put(status, parcel.agent().token(), Map.of("status", "delivery_failed",
                "location", "5 MG Road", "reason", "access_issue", "note", "Gate locked"));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        assertThat(failed.text("status")).isEqualTo("delivery_failed");

        String instructions = "/shipments/" + parcel.id() + "/delivery-instructions";
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        assertProblem(api.post(instructions, parcel.customer().token(),
                Map.of("action", "reattempt", "date", yesterday.toString())), 422);
        assertProblem(api.post(instructions, parcel.customer().token(), Map.of("action", "reattempt")), 422);
        assertProblem(api.post(instructions, customer().token(), Map.of("action", "hold_at_hub")), 404);
        assertProblem(api.post(instructions, parcel.agent().token(), Map.of("action", "hold_at_hub")), 403);
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        Api.Response given = api.post(instructions, parcel.customer().token(),
                Map.of("action", "reattempt", "date", tomorrow.toString()));
        assertThat(given.status()).as(given.toString()).isEqualTo(201);

        JsonNode seen = api.get("/shipments/" + parcel.id(), parcel.agent().token()).body().get("delivery_instruction");
        assertThat(seen.get("action").asString()).isEqualTo("reattempt");
        assertThat(seen.get("date").asString()).isEqualTo(tomorrow.toString());
        assertThat(seen.get("after_attempt").asInt()).isEqualTo(1);
        assertThat(api.get("/shipments", parcel.agent().token()).body().get("items").get(0)
                .get("delivery_instruction").get("action").asString()).isEqualTo("reattempt");

        assertThat(move(parcel.id(), parcel.agent(), "out_for_delivery", "Bengaluru hub").status()).isEqualTo(200);
        assertThat(api.get("/shipments/" + parcel.id(), parcel.agent().token()).body().get("delivery_instruction")
                .isNull()).as("answered by the new attempt").isTrue();
        assertProblem(api.post(instructions, parcel.customer().token(), Map.of("action", "hold_at_hub")), 409);
    }

    @Test
    void shouldNotSendOutAgainAShipmentTheCustomerWantsReturned() {
        Parcel parcel = outForDelivery(null);
        assertThat(move(parcel.id(), parcel.agent(), "delivery_failed", "5 MG Road").status()).isEqualTo(200);
        assertThat(api.post("/shipments/" + parcel.id() + "/delivery-instructions", parcel.customer().token(),
                Map.of("action", "return_to_sender")).status()).isEqualTo(201);

        assertProblem(move(parcel.id(), parcel.agent(), "out_for_delivery", "Bengaluru hub"), 409);
        assertThat(move(parcel.id(), parcel.agent(), "returned", "Chennai").status()).isEqualTo(200);
    }

    @Test
    void shouldReturnTheShipmentByItselfAfterTheThirdFailedAttemptSayingWhy() {
        Parcel parcel = outForDelivery(null);
        String[] reasons = {"recipient_absent", "weather", "refused"};
        for (int attempt = 0; attempt < reasons.length; attempt++) {
            if (attempt > 0) {
                assertThat(move(parcel.id(), parcel.agent(), "out_for_delivery", "Bengaluru hub").status())
                        .isEqualTo(200);
            }
            Api.Response failed = api.put("/shipments/" + parcel.id() + "/status", parcel.agent().token(),
                    Map.of("status", "delivery_failed", "location", "5 MG Road", "reason", reasons[attempt]));
            assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
            assertThat(failed.text("status")).isEqualTo(attempt < 2 ? "delivery_failed" : "returned");
        }

        JsonNode history = api.get("/tracking/" + parcel.id(), parcel.customer().token()).body();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("status").asString()).isEqualTo("returned");
        assertThat(last.get("note").asString()).isEqualTo(
                "Returned to sender automatically after 3 failed delivery attempts");
        eventually(() -> assertThat(api.get("/track/" + parcel.number(), null).text("status")).isEqualTo("returned"));
    }

    @Test
    void shouldCountFailureReasonsPerDayAndHub() {
        String admin = admin().token();
        String city = "Failtown" + ThreadLocalRandom.current().nextInt(1_000_000);
        String hub = api.post("/admin/hubs", admin, Map.of("hub_name", "Hub " + city, "city", city)).text("id");
        Account customer = customer();
        Account agent = agent();
        String id = api.post("/shipments", customer.token(), Map.of("source_address", "1 Road, " + city,
                "destination_address", "Bangalore")).text("id");
        eventually(() -> assertThat(api.get("/shipments/" + id, admin).text("hub_id")).isEqualTo(hub));
        assign(id, agent);
        awaitEvents();
        JsonNode before = api.get("/admin/reports", admin).body().get("failed_deliveries");
        for (String status : List.of("in_transit", "out_for_delivery")) {
            assertThat(move(id, agent, status, "Bangalore").status()).isEqualTo(200);
        }
        assertThat(api.put("/shipments/" + id + "/status", agent.token(), Map.of("status", "delivery_failed",
                "location", "Bangalore", "reason", "weather")).status()).isEqualTo(200);
        awaitEvents();

        JsonNode after = api.get("/admin/reports", admin).body().get("failed_deliveries");
        assertThat(after.get("by_reason").get("weather").asLong() - before.get("by_reason").get("weather").asLong())
                .isEqualTo(1);
        assertThat(after.get("total").asLong() - before.get("total").asLong()).isEqualTo(1);
        JsonNode line = null;
        for (JsonNode hubLine : after.get("by_hub")) {
            if (hubLine.get("hub_id").asString().equals(hub)) {
                line = hubLine;
            }
        }
        assertThat(line).as(after.toString()).isNotNull();
        assertThat(line.get("by_reason").get("weather").asLong()).isEqualTo(1);
        assertThat(line.get("by_reason").get("refused").asLong()).isZero();
    }

    private HttpResponse<byte[]> download(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A PNG of random pixels: it does not compress, so its size is about width x height x 3 bytes. */
    private static byte[] noise(int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
