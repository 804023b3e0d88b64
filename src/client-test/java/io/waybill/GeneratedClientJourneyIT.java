package io.waybill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waybill.client.ApiClient;
import io.waybill.client.ApiException;
import io.waybill.client.ApiResponse;
import io.waybill.client.api.AdminReportsApi;
import io.waybill.client.api.AuthApi;
import io.waybill.client.api.DeliveryApi;
import io.waybill.client.api.ShipmentsApi;
import io.waybill.client.api.TrackingApi;
import io.waybill.client.api.WebhooksApi;
import io.waybill.client.model.AssignmentRequest;
import io.waybill.client.model.BookingRequest;
import io.waybill.client.model.CreatedWebhook;
import io.waybill.client.model.DailyReport;
import io.waybill.client.model.DeliveryResponse;
import io.waybill.client.model.LoginRequest;
import io.waybill.client.model.ProofRequest;
import io.waybill.client.model.PublicTracking;
import io.waybill.client.model.RegisterRequest;
import io.waybill.client.model.ShipmentResponse;
import io.waybill.client.model.ShipmentStatus;
import io.waybill.client.model.StatusRequest;
import io.waybill.client.model.TokenResponse;
import io.waybill.client.model.UserResponse;
import io.waybill.client.model.WebhookEventType;
import io.waybill.client.model.WebhookRequest;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Proofs;
import io.waybill.support.Eventually;
import io.waybill.support.WebhookReceiver;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The narrative, played by an integrator who has nothing but a Java client generated from the
 * running server's OpenAPI document (the build writes the document and generates the client before
 * this test is compiled; see pom.xml). Every request here goes through that client: if the document
 * says something the server does not do (a status, a field, a content type), this fails.
 */
class GeneratedClientJourneyIT extends ApiTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void shouldPlayTheNarrativeThroughTheGeneratedClient() throws Exception {
        // Register and log in.
        String email = Api.uniqueEmail("integrator");
        ApiResponse<UserResponse> registered = new AuthApi(client(null)).authRegisterWithHttpInfo(
                new RegisterRequest().email(email).password(PASSWORD).fullName("Asha Rao"));
        assertThat(registered.getStatusCode()).isEqualTo(201);
        TokenResponse customer = logIn(email, PASSWORD);
        assertThat(customer.getUserId()).isEqualTo(registered.getData().getId());
        assertThat(customer.getRole()).isEqualTo(TokenResponse.RoleEnum.CUSTOMER);

        // Subscribe a webhook, then book.
        WebhooksApi webhooks = new WebhooksApi(client(customer.getAccessToken()));
        ApiResponse<CreatedWebhook> subscribed = webhooks.webhookRegisterWithHttpInfo(new WebhookRequest()
                .url(receiver.url("/journey")).events(List.of(WebhookEventType.SHIPMENT_DELIVERED)), null);
        assertThat(subscribed.getStatusCode()).isEqualTo(201);
        assertThat(subscribed.getData().getSecret()).isNotBlank();

        ShipmentsApi asCustomer = new ShipmentsApi(client(customer.getAccessToken()));
        ApiResponse<ShipmentResponse> booked = asCustomer.shipmentBookWithHttpInfo(new BookingRequest()
                .sourceAddress("Chennai").destinationAddress("Bangalore").recipientName("Ravi")
                .weightKg(new BigDecimal("2.5")), UUID.randomUUID().toString());
        assertThat(booked.getStatusCode()).isEqualTo(201);
        ShipmentResponse shipment = booked.getData();
        assertThat(shipment.getStatus()).isEqualTo(ShipmentStatus.CREATED);
        assertThat(booked.getHeaders().get("location")).singleElement().asString()
                .endsWith("/shipments/" + shipment.getId());

        // A customer may not assign: the refusal is the documented problem.
        UUID someone = UUID.randomUUID();
        ApiException refused = catchThrowableOfType(ApiException.class, () -> asCustomer.shipmentAssignAgent(
                shipment.getId().toString(), new AssignmentRequest().agentId(someone)));
        assertThat(refused.getCode()).isEqualTo(403);
        assertThat(refused.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");

        // An admin opens an agent's account and assigns the shipment to it.
        TokenResponse admin = logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String agentEmail = Api.uniqueEmail("agent");
        UserResponse agentAccount = new AuthApi(client(admin.getAccessToken())).authRegister(new RegisterRequest()
                .email(agentEmail).password(PASSWORD).fullName("Kumar").role(RegisterRequest.RoleEnum.AGENT));
        ShipmentResponse assigned = new ShipmentsApi(client(admin.getAccessToken())).shipmentAssignAgent(
                shipment.getId().toString(), new AssignmentRequest().agentId(agentAccount.getId()));
        assertThat(assigned.getAgentId()).isEqualTo(agentAccount.getId());

        // The agent moves it to the door, then delivers it.
        ApiClient agentClient = client(logIn(agentEmail, PASSWORD).getAccessToken());
        ShipmentsApi asAgent = new ShipmentsApi(agentClient);
        move(asAgent, shipment, ShipmentStatus.PICKED_UP, "Chennai");
        move(asAgent, shipment, ShipmentStatus.IN_TRANSIT, "Chennai hub");
        move(asAgent, shipment, ShipmentStatus.OUT_FOR_DELIVERY, "Bangalore");
        ShipmentResponse delivered = deliver(agentClient, shipment);
        assertThat(delivered.getStatus()).isEqualTo(ShipmentStatus.DELIVERED);

        // Anyone tracks it by its number, without a token.
        awaitEvents();
        PublicTracking tracked = new TrackingApi(client(null)).publicTrackingTrack(shipment.getTrackingNumber(), null);
        assertThat(tracked.getStatus()).isEqualTo("delivered");
        assertThat(tracked.getEvents()).extracting(event -> event.getStatus())
                .containsSubsequence("created", "picked_up", "in_transit", "out_for_delivery", "delivered");

        // The admin reads the day's report.
        DailyReport report = new AdminReportsApi(client(admin.getAccessToken())).reportDaily(null);
        assertThat(report.getTotalShipmentsToday()).isPositive();
        assertThat(report.getDelivered()).isPositive();

        // The webhook heard of the delivery, and its log says so.
        Eventually.eventually(() -> assertThat(receiver.deliveries).anySatisfy(delivery -> {
            assertThat(delivery.path()).isEqualTo("/journey");
            assertThat(delivery.headers().get("x-waybill-event-type")).isEqualTo("shipment.delivered");
            assertThat(delivery.body()).contains(shipment.getTrackingNumber());
        }));
        Eventually.eventually(() -> {
            List<DeliveryResponse> log = call(() -> webhooks.webhookDeliveries(subscribed.getData().getId(), null, null))
                    .getItems();
            assertThat(log).anySatisfy(delivery -> {
                assertThat(delivery.getEventType()).isEqualTo(WebhookEventType.SHIPMENT_DELIVERED);
                assertThat(delivery.getStatus()).isEqualTo("delivered");
            });
        });
    }

    private static void move(ShipmentsApi agent, ShipmentResponse shipment, ShipmentStatus status, String location)
            throws ApiException {
        ShipmentResponse moved = agent.shipmentChangeStatus(shipment.getId().toString(),
                new StatusRequest().status(status).location(location), null);
        assertThat(moved.getStatus()).isEqualTo(status);
    }

    /** The last step: the agent hands in a proof of delivery (a signature), which delivers it. */
    private static ShipmentResponse deliver(ApiClient agent, ShipmentResponse shipment) throws ApiException {
        String id = shipment.getId().toString();
        new DeliveryApi(agent).deliveryDeliver(id, new ProofRequest().kind("signature")
                .image(Proofs.base64(Proofs.image("png", 240, 80))).receivedBy("Asha Rao").location("Bangalore"));
        return new ShipmentsApi(agent).shipmentGet(id, null);
    }

    private TokenResponse logIn(String email, String password) throws ApiException {
        return new AuthApi(client(null)).authLogin(new LoginRequest().email(email).password(password));
    }

    /** A client of this server, sending the access token when there is one. */
    private ApiClient client(String accessToken) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port());
        if (accessToken != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
        }
        return client;
    }

    private interface Call<T> {
        T call() throws ApiException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (ApiException e) {
            throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
        }
    }
}
