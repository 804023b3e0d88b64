package io.waybill.notifications;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.FakeMessagingProvider;
import io.waybill.support.IsolatedDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * WhatsApp and push end to end, against local stand-ins for Meta's WhatsApp Cloud API and FCM HTTP
 * v1: template messages and push notifications through the notification outbox (retried, given up,
 * opted out of), devices registered and forgotten, and the inbound webhook (signature, handshake,
 * replies with the public status, the per-sender limit).
 */
@DirtiesContext
class WhatsAppAndPushApiIT extends ApiTest {

    private static final FakeMessagingProvider META = FakeMessagingProvider.whatsApp();
    private static final FakeMessagingProvider FCM = FakeMessagingProvider.fcm();
    private static final String APP_SECRET = "meta-app-secret";
    private static final String VERIFY_TOKEN = "meta-verify-token";
    private static final String WEBHOOK = "/notifications/webhook/whatsapp";

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        IsolatedDatabase.register(registry, "channels");
        registry.add("waybill.whatsapp.base-url", META::baseUrl);
        registry.add("waybill.whatsapp.phone-number-id", () -> "1055501");
        registry.add("waybill.whatsapp.access-token", () -> "meta-access-token");
        registry.add("waybill.whatsapp.app-secret", () -> APP_SECRET);
        registry.add("waybill.whatsapp.verify-token", () -> VERIFY_TOKEN);
        registry.add("waybill.push.fcm.base-url", FCM::baseUrl);
        registry.add("waybill.push.fcm.project-id", () -> "waybill-test");
        registry.add("waybill.push.fcm.access-token", () -> "fcm-access-token");
        registry.add("waybill.push.max-devices-per-user", () -> "3");
        registry.add("waybill.notifications.retry-delay", () -> "PT0.2S");
        registry.add("waybill.notifications.poll-interval", () -> "PT0.2S");
    }

    @AfterAll
    static void stopProviders() {
        META.stop();
        FCM.stop();
    }

    @Test
    void shouldSendATemplateMessageOnWhatsAppAndAPushToEachRegisteredDevice() {
        String phone = phone();
        Account customer = customerWithPhone(phone);
        String phoneToken = deviceToken();
        String browserToken = deviceToken();
        assertThat(registerDevice(customer, phoneToken, "android").status()).isEqualTo(201);
        assertThat(registerDevice(customer, browserToken, "web").status()).isEqualTo(201);

        String number = book(customer).text("tracking_number");

        eventually(Duration.ofSeconds(20), () -> assertThat(META.to(digits(phone))).hasSize(1));
        FakeMessagingProvider.Request message = META.to(digits(phone)).get(0);
        assertThat(message.path()).isEqualTo("/v21.0/1055501/messages");
        assertThat(message.authorization()).isEqualTo("Bearer meta-access-token");
        assertThat(message.body().path("template").path("name").asString()).isEqualTo("waybill_shipment_booked");
        assertThat(parameters(message)).containsExactly("Nina Notified", number, "Bangalore");

        eventually(() -> assertThat(FCM.to(phoneToken)).hasSize(1));
        eventually(() -> assertThat(FCM.to(browserToken)).hasSize(1));
        JsonNode push = FCM.to(phoneToken).get(0).body().path("message");
        assertThat(FCM.to(phoneToken).get(0).authorization()).isEqualTo("Bearer fcm-access-token");
        assertThat(push.path("notification").path("title").asString()).isEqualTo("Shipment booked");
        assertThat(push.path("notification").path("body").asString()).contains(number);
        assertThat(push.path("data").path("kind").asString()).isEqualTo("shipment_created");
        eventually(() -> assertThat(states(customer.id())).contains("whatsapp:sent", "push:sent"));
    }

    @Test
    void shouldRetryAWhatsAppMessageTheApiCouldNotTakeAndGiveUpAtOnceOnARefusal() {
        String busy = phone();
        META.answerNext(digits(busy), 2, 503, "{\"error\":{\"message\":\"Service unavailable\",\"code\":131016}}");
        String refused = phone();
        META.answerAlways(digits(refused), 400, "{\"error\":{\"message\":\"(#131026) Message undeliverable\","
                + "\"type\":\"OAuthException\",\"code\":131026}}");
        Account patient = customerWithPhone(busy);
        Account unreachable = customerWithPhone(refused);

        book(patient);
        book(unreachable);

        eventually(Duration.ofSeconds(20), () -> assertThat(META.to(digits(busy)))
                .extracting(FakeMessagingProvider.Request::answered).containsExactly(503, 503, 200));
        eventually(() -> assertThat(whatsApp(patient.id())).isEqualTo("sent:3"));
        eventually(() -> assertThat(whatsApp(unreachable.id())).isEqualTo("failed:1"));
        assertThat(META.to(digits(refused))).hasSize(1);
        assertThat(database().sql("select last_error from notifications.notifications where user_id = ? "
                + "and channel = 'whatsapp'").param(unreachable.id()).query(String.class).single()).contains("131026");
    }

    @Test
    void shouldForgetADeviceFcmNoLongerKnowsAndStillReachTheOthers() {
        Account customer = customerWithPhone(phone());
        String stale = deviceToken();
        String fresh = deviceToken();
        FCM.answerAlways(stale, 404, "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\","
                + "\"status\":\"NOT_FOUND\",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1."
                + "FcmError\",\"errorCode\":\"UNREGISTERED\"}]}}");
        registerDevice(customer, stale, "ios");
        registerDevice(customer, fresh, "ios");

        book(customer);

        eventually(Duration.ofSeconds(20), () -> assertThat(tokens(customer)).containsExactly(fresh));
        assertThat(FCM.to(stale)).hasSize(1);
        assertThat(FCM.to(fresh)).hasSize(1);
        eventually(() -> assertThat(states(customer.id())).contains("push:sent"));
    }

    @Test
    void shouldSendNothingOnAChannelTheCustomerOptedOutOf() {
        String phone = phone();
        Account customer = customerWithPhone(phone);
        String token = deviceToken();
        registerDevice(customer, token, "android");
        Api.Response changed = api.put("/me/notification-preferences", customer.token(),
                Map.of("whatsapp", false, "push", false));
        assertThat(changed.raw()).isEqualTo("{\"email\":true,\"sms\":true,\"whatsapp\":false,\"push\":false}");

        book(customer);

        eventually(Duration.ofSeconds(20), () -> assertThat(states(customer.id())).contains("sms:sent"));
        awaitEvents();
        assertThat(states(customer.id())).containsOnly("sms:sent");
        assertThat(META.to(digits(phone))).isEmpty();
        assertThat(FCM.to(token)).isEmpty();
    }

    @Test
    void shouldRegisterADeviceOnceListItAndLetOnlyItsOwnerRemoveIt() {
        Account owner = customer();
        Account other = customer();
        String token = deviceToken();

        Api.Response first = registerDevice(owner, token, "Android");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/me/devices/" + first.text("id"));
        assertThat(first.text("platform")).isEqualTo("android");
        Api.Response again = registerDevice(owner, token, "android");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(tokens(owner)).containsExactly(token);

        assertProblem(api.delete("/me/devices/" + first.text("id"), other.token()), 404);
        assertProblem(api.delete("/me/devices/" + UUID.randomUUID(), owner.token()), 404);
        assertThat(api.delete("/me/devices/" + first.text("id"), owner.token()).status()).isEqualTo(204);
        assertThat(tokens(owner)).isEmpty();
    }

    @Test
    void shouldGiveATokenToWhoeverRegisteredItLast() {
        Account before = customer();
        Account after = agent();
        String token = deviceToken();
        String id = registerDevice(before, token, "ios").text("id");

        Api.Response moved = registerDevice(after, token, "ios");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.text("id")).isEqualTo(id);
        assertThat(tokens(before)).isEmpty();
        assertThat(tokens(after)).containsExactly(token);
    }

    @Test
    void shouldForgetTheDevicesOfADeletedAccount() {
        Account customer = customer();
        registerDevice(customer, deviceToken(), "android");

        assertThat(api.delete("/admin/users/" + customer.id(), admin().token()).status()).isEqualTo(204);

        awaitEvents();
        assertThat(database().sql("select count(*) from notifications.devices where user_id = ?").param(customer.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void shouldRefuseABadDeviceTheDevicesBeyondTheCapAndAdmins() {
        Account customer = customer();
        assertProblem(registerDevice(customer, "", "android"), 422);
        assertProblem(registerDevice(customer, "two words", "android"), 422);
        Api.Response platform = registerDevice(customer, deviceToken(), "symbian");
        assertProblem(platform, 422);
        assertThat(platform.raw()).contains("platform");
        for (int i = 0; i < 3; i++) {
            assertThat(registerDevice(customer, deviceToken(), "web").status()).isEqualTo(201);
        }

        Api.Response fourth = registerDevice(customer, deviceToken(), "web");

        assertProblem(fourth, 409);
        assertThat(fourth.raw()).contains("3 registered devices");
        assertThat(tokens(customer)).hasSize(3);
        assertProblem(registerDevice(admin(), deviceToken(), "web"), 403);
        assertProblem(api.get("/me/devices", null), 401);
    }

    @Test
    void shouldAnswerMetasHandshakeOnlyWithTheVerifyToken() {
        Api.Response verified = api.get(WEBHOOK + "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                + "&hub.challenge=1158201444", null);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.raw()).isEqualTo("1158201444");
        assertThat(verified.contentType()).startsWith("text/plain");

        assertProblem(api.get(WEBHOOK + "?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", null), 403);
        assertProblem(api.get(WEBHOOK + "?hub.mode=subscribe&hub.challenge=1", null), 403);
        assertProblem(api.get(WEBHOOK + "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                + "&hub.challenge=%3Cscript%3E", null), 400);
    }

    @Test
    void shouldRefuseAMessageWithoutTheAppSecretsSignature() {
        String sender = phone();
        byte[] body = inbound(sender, List.of("Where is TRK12345678903?")).getBytes(StandardCharsets.UTF_8);

        assertProblem(post(body, null), 401);
        assertProblem(post(body, WhatsAppSignature.header("another-secret", body)), 401);
        assertProblem(post(body, "sha256=" + "0".repeat(64)), 401);
        awaitEvents();
        assertThat(META.to(digits(sender))).isEmpty();
    }

    @Test
    void shouldReplyToATrackingNumberWithItsPublicStatusAndNothingMore() {
        Account customer = customerWithPhone(phone());
        Account agent = agent();
        Api.Response booked = book(customer);
        String number = booked.text("tracking_number");
        assign(booked.text("id"), agent);
        assertThat(move(booked.text("id"), agent, "picked_up", "Chennai").status()).isEqualTo(200);
        awaitEvents();
        String stranger = phone();

        assertThat(send(stranger, "hi, where is " + number.toLowerCase() + " please").status()).isEqualTo(200);

        eventually(Duration.ofSeconds(20), () -> assertThat(META.to(digits(stranger))).hasSize(1));
        FakeMessagingProvider.Request reply = META.to(digits(stranger)).get(0);
        assertThat(reply.body().path("template").path("name").asString()).isEqualTo("waybill_tracking_status");
        List<String> parameters = parameters(reply);
        assertThat(parameters).hasSize(4);
        assertThat(parameters.subList(0, 3)).containsExactly(number, "picked up", "Chennai");
        assertThat(parameters.get(3)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(reply.body().toString()).doesNotContain("Nina").doesNotContain("Bangalore")
                .doesNotContain(customer.email());
    }

    @Test
    void shouldReplyPolitelyToAnUnknownNumberAndHintToAMessageWithoutOne() {
        String sender = phone();

        send(sender, "TRK00000000000");
        eventually(Duration.ofSeconds(20), () -> assertThat(META.to(digits(sender))).hasSize(1));
        send(sender, "hello?");
        eventually(() -> assertThat(META.to(digits(sender))).hasSize(2));

        FakeMessagingProvider.Request notFound = META.to(digits(sender)).get(0);
        assertThat(notFound.body().path("template").path("name").asString()).isEqualTo("waybill_tracking_not_found");
        assertThat(parameters(notFound)).containsExactly("TRK00000000000");
        assertThat(META.to(digits(sender)).get(1).body().path("template").path("name").asString())
                .isEqualTo("waybill_tracking_help");
    }

    @Test
    void shouldAnswerAMessageMetaDeliversTwiceOnce() {
        String sender = phone();
        byte[] body = inbound(sender, List.of("TRK00000000000")).getBytes(StandardCharsets.UTF_8);

        assertThat(post(body, WhatsAppSignature.header(APP_SECRET, body)).status()).isEqualTo(200);
        assertThat(post(body, WhatsAppSignature.header(APP_SECRET, body)).status()).isEqualTo(200);

        eventually(Duration.ofSeconds(20), () -> assertThat(META.to(digits(sender))).hasSize(1));
        awaitEvents();
        assertThat(database().sql("select count(*) from notifications.notifications where recipient = ?").param(sender)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void shouldStopReplyingToASenderBeyondTheLimitButStillAcceptTheirMessages() {
        String flooder = phone();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            texts.add("TRK00000000000 #" + i);
        }

        assertThat(send(flooder, texts).status()).isEqualTo(200);
        String patient = phone();
        send(patient, "TRK00000000000");

        eventually(Duration.ofSeconds(20), () -> assertThat(META.to(digits(patient))).hasSize(1));
        eventually(() -> assertThat(META.to(digits(flooder))).hasSize(10));
        assertThat(database().sql("select count(*) from notifications.notifications where recipient = ?").param(flooder)
                .query(Integer.class).single()).isEqualTo(10);
    }

    private Api.Response send(String from, String text) {
        return send(from, List.of(text));
    }

    private Api.Response send(String from, List<String> texts) {
        byte[] body = inbound(from, texts).getBytes(StandardCharsets.UTF_8);
        return post(body, WhatsAppSignature.header(APP_SECRET, body));
    }

    private Api.Response post(byte[] body, String signature) {
        return api.send("POST", WEBHOOK, null, "application/json", new String(body, StandardCharsets.UTF_8),
                signature == null ? Map.of() : Map.of("X-Hub-Signature-256", signature));
    }

    /** Meta's notification of text messages from one sender, as its webhook sends them. */
    private static String inbound(String from, List<String> texts) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (String text : texts) {
            messages.add(Map.of("from", digits(from), "id", "wamid." + UUID.randomUUID(), "timestamp", "1764583200",
                    "type", "text", "text", Map.of("body", text)));
        }
        Map<String, Object> value = Map.of("messaging_product", "whatsapp",
                "metadata", Map.of("display_phone_number", "15550001111", "phone_number_id", "1055501"),
                "contacts", List.of(Map.of("profile", Map.of("name", "Sender"), "wa_id", digits(from))),
                "messages", messages);
        return Api.json(Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of("id", "102290129340398",
                "changes", List.of(Map.of("field", "messages", "value", value))))));
    }

    private Api.Response registerDevice(Account account, String token, String platform) {
        return api.post("/me/devices", account.token(), Map.of("token", token, "platform", platform));
    }

    private List<String> tokens(Account account) {
        Api.Response listed = api.get("/me/devices", account.token());
        assertThat(listed.status()).isEqualTo(200);
        List<String> tokens = new ArrayList<>();
        listed.body().forEach(device -> tokens.add(device.path("token").asString()));
        return tokens;
    }

    private static List<String> parameters(FakeMessagingProvider.Request request) {
        List<String> texts = new ArrayList<>();
        request.body().path("template").path("components").get(0).path("parameters")
                .forEach(parameter -> texts.add(parameter.path("text").asString()));
        return texts;
    }

    private List<String> states(UUID userId) {
        return database().sql("select channel || ':' || status from notifications.notifications where user_id = ? "
                + "order by created_at").param(userId).query(String.class).list();
    }

    private String whatsApp(UUID userId) {
        return database().sql("select status || ':' || attempts from notifications.notifications where user_id = ? "
                + "and channel = 'whatsapp'").param(userId).query(String.class).optional().orElse("none");
    }

    /** A customer with a phone number: WhatsApp needs no verified email, only an E.164 number. */
    private Account customerWithPhone(String phone) {
        String email = Api.uniqueEmail("channels");
        Api.Response registered = api.post("/auth/register", null,
                Map.of("email", email, "password", PASSWORD, "full_name", "Nina Notified", "phone", phone));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return login(email, PASSWORD);
    }

    private static String phone() {
        return "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    private static String digits(String phone) {
        return phone.substring(1);
    }

    private static String deviceToken() {
        return "fcm-" + UUID.randomUUID();
    }
}
