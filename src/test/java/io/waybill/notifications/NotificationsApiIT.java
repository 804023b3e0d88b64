package io.waybill.notifications;

import static io.waybill.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.eventing.DomainEvent;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.identity.UserDeleted;
import io.waybill.identity.UserRegistered;
import io.waybill.identity.UserUpdated;
import io.waybill.kernel.TenantContext;
import io.waybill.shipments.ShipmentBooked;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.FakeTwilio;
import io.waybill.support.IsolatedDatabase;
import io.waybill.support.Mailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications end to end: emails arrive at a real SMTP server (GreenMail), text messages at a
 * local stand-in for Twilio; each is recorded, retried after a failure, and the user's opt-outs hold.
 * Email goes only to verified addresses and SMS only to E.164 numbers, so most tests verify first.
 */
@DirtiesContext
class NotificationsApiIT extends ApiTest {

    private static final FakeTwilio TWILIO = new FakeTwilio();

    @Autowired
    private NotificationPlanner planner;

    @Autowired
    private Recipients recipients;

    @Autowired
    private JsonMapper json;

    @Autowired
    private TransactionTemplate transaction;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        IsolatedDatabase.register(registry, "notify");
        registry.add("waybill.sms.twilio.base-url", TWILIO::baseUrl);
        registry.add("waybill.sms.twilio.account-sid", () -> "ACtest");
        registry.add("waybill.sms.twilio.auth-token", () -> "twilio-secret");
        registry.add("waybill.sms.twilio.from", () -> "+15550000000");
        registry.add("waybill.notifications.retry-delay", () -> "PT0.2S");
        registry.add("waybill.notifications.poll-interval", () -> "PT0.2S");
    }

    @AfterAll
    static void stopTwilio() {
        TWILIO.stop();
    }

    @Test
    void shouldEmailAndTextTheCustomerAtEachStepThatConcernsThem() {
        String phone = phone();
        Account customer = customerWithPhone(phone);
        Account agent = agent();
        Api.Response booked = book(customer);
        String id = booked.text("id");
        String number = booked.text("tracking_number");
        assign(id, agent);
        for (String[] step : new String[][] {{"picked_up", "Chennai"}, {"in_transit", "Salem"},
                {"out_for_delivery", "Bangalore"}, {"delivery_failed", "Bangalore"}, {"out_for_delivery", "Bangalore"},
                {"delivered", "Bangalore"}}) {
            assertThat(move(id, agent, step[0], step[1]).status()).isBetween(200, 201);
        }

        eventually(Duration.ofSeconds(20), () -> assertThat(subjects(customer.email()))
                .containsExactlyInAnyOrder("Your shipment " + number + " is booked",
                        "Your shipment " + number + " is out for delivery",
                        "Delivery of your shipment " + number + " failed",
                        "Your shipment " + number + " is out for delivery",
                        "Your shipment " + number + " was delivered",
                        "Delivery code for your shipment " + number,
                        "Delivery code for your shipment " + number));
        eventually(() -> assertThat(TWILIO.to(phone)).hasSize(5));
        FakeTwilio.Request text = TWILIO.to(phone).get(0);
        assertThat(text.path()).isEqualTo("/2010-04-01/Accounts/ACtest/Messages.json");
        assertThat(text.authorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("ACtest:twilio-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(text.form()).containsEntry("From", "+15550000000");
        assertThat(TWILIO.to(phone)).allSatisfy(r -> assertThat(r.form().get("Body")).contains(number));
        assertThat(TWILIO.to(phone).get(4).form().get("Body")).contains("delivered");
        eventually(() -> assertThat(states(customer.id())).hasSize(12).containsOnly("email:sent", "sms:sent"));
    }

    @Test
    void shouldRetryAFailedTextMessageWithBackoffUntilItIsSent() {
        String phone = phone();
        Account customer = customerWithPhone(phone);
        TWILIO.failNext(phone, 2);
        book(customer);

        eventually(Duration.ofSeconds(20), () -> assertThat(TWILIO.to(phone)).extracting(FakeTwilio.Request::answered)
                .containsExactly(500, 500, 201));
        eventually(() -> assertThat(database().sql("select status || ':' || attempts from notifications.notifications "
                + "where user_id = ? and channel = 'sms'").param(customer.id()).query(String.class).single())
                .isEqualTo("sent:3"));
    }

    @Test
    void shouldRespectAnOptOutPerChannel() {
        String phone = phone();
        Account customer = customerWithPhone(phone);
        assertThat(api.get("/me/notification-preferences", customer.token()).raw())
                .isEqualTo("{\"email\":true,\"sms\":true,\"whatsapp\":true,\"push\":true}");
        Api.Response changed = api.put("/me/notification-preferences", customer.token(), Map.of("sms", false));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.raw()).isEqualTo("{\"email\":true,\"sms\":false,\"whatsapp\":true,\"push\":true}");
        assertThat(api.get("/me/notification-preferences", customer.token()).raw())
                .isEqualTo("{\"email\":true,\"sms\":false,\"whatsapp\":true,\"push\":true}");

        String number = book(customer).text("tracking_number");

        eventually(() -> assertThat(subjects(customer.email())).contains("Your shipment " + number + " is booked"));
        awaitEvents();
        assertThat(states(customer.id())).containsExactly("email:sent");
        assertThat(TWILIO.to(phone)).isEmpty();

        api.put("/me/notification-preferences", customer.token(), Map.of("email", false, "sms", true));
        String second = book(customer).text("tracking_number");
        eventually(() -> assertThat(TWILIO.to(phone)).hasSize(1));
        assertThat(TWILIO.to(phone).get(0).form().get("Body")).contains(second);
        assertThat(subjects(customer.email())).noneMatch(subject -> subject.contains(second));
    }

    @Test
    void shouldNotEmailAnAddressItsOwnerHasNotVerified() {
        String phone = phone();
        String email = Api.uniqueEmail("unverified");
        assertThat(api.post("/auth/register", null, Map.of("email", email, "password", PASSWORD, "full_name",
                "Nina Unverified", "phone", phone)).status()).isEqualTo(201);
        Account customer = login(email, PASSWORD);

        String number = book(customer).text("tracking_number");

        // The text message shows that the booking was planned and sent; no email was planned with it.
        eventually(() -> assertThat(TWILIO.to(phone)).hasSize(1));
        awaitEvents();
        eventually(() -> assertThat(states(customer.id())).containsExactly("sms:sent"));
        assertThat(subjects(email)).noneMatch(subject -> subject.contains(number));
        assertThat(Mailbox.to(email)).hasSize(1); // the verification mail, and nothing else

        verify(email);
        String second = book(customer).text("tracking_number");
        eventually(Duration.ofSeconds(20), () -> assertThat(subjects(email))
                .containsExactly("Your shipment " + second + " is booked"));
    }

    @Test
    void shouldNotTextAStoredPhoneThatIsNotE164() {
        Account customer = customerWithPhone(phone());
        String legacy = "+91 98400 " + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        // An account from before the E.164 rule: its phone is kept, but never texted.
        database().sql("update identity.users set phone = ? where id = ?").params(legacy, customer.id()).update();
        awaitEvents();
        // ... and notifications' copy of it, as V62 copied it from identity.users.
        database().sql("update notifications.recipients set phone = ? where user_id = ?").params(legacy, customer.id())
                .update();

        String number = book(customer).text("tracking_number");

        eventually(() -> assertThat(subjects(customer.email())).contains("Your shipment " + number + " is booked"));
        awaitEvents();
        assertThat(states(customer.id())).containsExactly("email:sent");
        assertThat(TWILIO.to(legacy)).isEmpty();
    }

    /**
     * With Kafka a booking's event may overtake its customer's user.created (another topic): the
     * notifications are planned anyway, wait while the account is unknown, and go out once it is.
     */
    @Test
    void shouldSendNotificationsPlannedBeforeTheCustomersAccountArrived() {
        UUID customerId = UUID.randomUUID();
        String email = Api.uniqueEmail("late");
        String phone = phone();
        Instant registered = Instant.now().minusSeconds(60);
        String number = "TRK" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);

        feed(new ShipmentBooked(UUID.randomUUID(), number, customerId, "12 Anna Salai, Chennai", "4 MG Road, Bangalore",
                Instant.now()));

        // Planned for both channels, unaddressed, and retried while nobody knows the account.
        eventually(() -> assertThat(database().sql("select count(*) from notifications.notifications where user_id = ? "
                + "and status = 'pending' and recipient is null and attempts >= 2 and last_error like '%not known yet%'")
                .param(customerId).query(Long.class).single()).isEqualTo(2));

        feed(new UserRegistered(customerId, "customer", email, "Lena Late", phone, registered));
        eventually(() -> assertThat(TWILIO.to(phone)).hasSize(1));
        assertThat(TWILIO.to(phone).get(0).form().get("Body")).contains(number);
        // The address is not verified by user.created alone: the email waits for the user.updated that says so.
        assertThat(subjects(email)).isEmpty();

        feed(new UserUpdated(customerId, "customer", email, "Lena Late", phone, true, null,
                registered.plusSeconds(30)));
        eventually(Duration.ofSeconds(20), () -> assertThat(subjects(email))
                .containsExactly("Your shipment " + number + " is booked"));
        assertThat(Mailbox.to(email)).singleElement().satisfies(mail -> assertThat(body(mail)).contains("Lena Late"));
        eventually(() -> assertThat(states(customerId)).containsExactlyInAnyOrder("email:sent", "sms:sent"));
    }

    /** The copy of an account takes only newer states, and a deleted account stays deleted. */
    @Test
    void shouldKeepTheNewestStateOfAnAccountWhateverOrderItsEventsArriveIn() {
        UUID id = UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(600);
        feed(new UserUpdated(id, "customer", "new@example.test", "New Name", null, true, null,
                created.plusSeconds(60)));
        feed(new UserRegistered(id, "customer", "old@example.test", "Old Name", null, created));
        assertThat(recipient(id)).get().satisfies(recipient -> {
            assertThat(recipient.email()).isEqualTo("new@example.test");
            assertThat(recipient.emailVerified()).isTrue();
        });

        feed(new UserDeleted(id, "customer", created.plusSeconds(120)));
        feed(new UserUpdated(id, "customer", "late@example.test", "Late", null, true, null, created.plusSeconds(180)));
        assertThat(recipient(id)).get().satisfies(recipient -> {
            assertThat(recipient.isLive()).isFalse();
            assertThat(recipient.email()).isNull();
            assertThat(recipient.addressFor(Channel.EMAIL)).isEmpty();
        });
    }

    @Test
    void shouldRefusePreferencesWithoutAToken() {
        assertProblem(api.get("/me/notification-preferences", null), 401);
        assertProblem(api.put("/me/notification-preferences", null, Map.of("sms", false)), 401);
    }

    /**
     * Hands an event to the notifications consumer as the transport would: in a transaction of its own,
     * as the work of the event's tenant (the default tenant's here, as the envelope names none).
     */
    private void feed(DomainEvent event) {
        ReceivedEvent received = new ReceivedEvent(UUID.randomUUID(), event.topic(), event.type(), event.version(),
                event.occurredAt(), event.key(), json.valueToTree(event), (payload, type) -> json.treeToValue(payload, type));
        TenantContext.runAs(received.tenantId(),
                () -> transaction.executeWithoutResult(status -> planner.handle(received)));
    }

    /** The notifications module's copy of an account, read as the consumer keeps it: as the default tenant's. */
    private java.util.Optional<Recipient> recipient(UUID id) {
        return TenantContext.callAs(TenantContext.DEFAULT, () -> recipients.find(id));
    }

    private static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> states(UUID userId) {
        return database().sql("select channel || ':' || status from notifications.notifications where user_id = ? "
                + "order by created_at").param(userId).query(String.class).list();
    }

    private static List<String> subjects(String address) {
        return Mailbox.to(address).stream().map(NotificationsApiIT::subject)
                .filter(subject -> subject.contains("shipment")).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String phone() {
        return "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    private Account customerWithPhone(String phone) {
        String email = Api.uniqueEmail("notify");
        Api.Response registered = api.post("/auth/register", null,
                Map.of("email", email, "password", PASSWORD, "full_name", "Nina Notified", "phone", phone));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        verify(email);
        return login(email, PASSWORD);
    }

    /** Verifies the address with the token of its verification mail, as its owner would. */
    private void verify(String email) {
        Api.Response verified = api.post("/auth/verify-email", null, Map.of("token", Mailbox.tokenIn(email, 1)));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(204);
    }
}
