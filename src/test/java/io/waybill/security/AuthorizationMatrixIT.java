package io.waybill.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.TenantContext;
import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.Eventually;
import io.waybill.support.LiveClients;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what: every endpoint of the contract, and every kind of caller, with the status each
 * must get, from ONE table. A second test compares the table with the endpoints the server really
 * maps, so an endpoint added without a row here fails the build.
 *
 * <p>Each cell runs on fresh data (a new shipment, hub, vehicle, user or key) so that one caller's
 * change never decides another caller's answer.
 */
public class AuthorizationMatrixIT extends ApiTest {

    /** The callers, in the order of the expected statuses in each row. */
    enum Who {
        ANONYMOUS, OWNER, OTHER_CUSTOMER, ASSIGNED_AGENT, OTHER_AGENT, ADMIN, API_KEY, DELETED_USER,
        /**
         * Runs the deployment's tenants: refused every tenant's endpoint that needs an account, whatever
         * the tenant; it may call /platform/**, its own session's routes and, as anyone may, the public ones.
         */
        PLATFORM_OPERATOR
    }

    private static final int[] ADMIN_ONLY_200 = {401, 403, 403, 403, 403, 200, 403, 401, 403};
    private static final int[] ADMIN_ONLY_201 = {401, 403, 403, 403, 403, 201, 403, 401, 403};
    private static final int[] ADMIN_ONLY_204 = {401, 403, 403, 403, 403, 204, 403, 401, 403};
    /** Admin-only, on a resource that does not exist (DeadLettersApiIT makes real ones). */
    private static final int[] ADMIN_ONLY_404 = {401, 403, 403, 403, 403, 404, 403, 401, 403};
    private static final int[] ANY_ACCOUNT_200 = {401, 200, 200, 200, 200, 200, 200, 401, 403};
    private static final int[] SHIPMENT_READ = {401, 200, 404, 200, 404, 200, 200, 401, 403};
    private static final int[] SHIPMENT_CHANGE = {401, 200, 404, 403, 404, 200, 403, 401, 403};
    private static final int[] FEEDBACK_201 = {401, 201, 404, 403, 404, 403, 403, 401, 403};
    private static final int[] FEEDBACK_200 = {401, 200, 404, 403, 404, 403, 403, 401, 403};
    private static final int[] OWNED_WEBHOOK_200 = {401, 200, 404, 403, 403, 200, 403, 401, 403};
    /** A bag assigned to the assigned agent: admins and that agent see it; for anyone else it does not exist. */
    private static final int[] BAG_READ = {401, 404, 404, 200, 404, 200, 200, 401, 403};
    /** Filling, sealing, assigning a bag: admins; its agent may see it but not change it. */
    private static final int[] BAG_PACK = {401, 404, 404, 403, 404, 200, 403, 401, 403};
    /** Platform operators only: every caller of a tenant is refused by role. */
    private static final int[] PLATFORM_ONLY_201 = {401, 403, 403, 403, 403, 403, 403, 401, 201};
    private static final int[] PLATFORM_ONLY_200 = {401, 403, 403, 403, 403, 403, 403, 401, 200};
    private static final int[] OWNED_WEBHOOK_204 = {401, 204, 404, 403, 403, 204, 403, 401, 403};

    /** The table. The API key belongs to the assigned agent, so it must get what that agent gets. */
    private static final List<Row> TABLE = List.of(
            row("POST", "/auth/register", f -> call("/auth/register",
                    Map.of("email", Api.uniqueEmail("matrix"), "password", PASSWORD)),
                    201, 201, 201, 201, 201, 201, 403, 401, 201),
            row("POST", "/auth/login", f -> call("/auth/login",
                    Map.of("email", f.owner.email(), "password", PASSWORD)),
                    200, 200, 200, 200, 200, 200, 403, 401, 200),
            row("POST", "/auth/refresh", f -> call("/auth/refresh",
                    Map.of("refresh_token", f.freshRefreshToken())),
                    200, 200, 200, 200, 200, 200, 403, 401, 200),
            row("POST", "/auth/logout", f -> call("/auth/logout", Map.of("refresh_token", "not-a-real-token")),
                    401, 204, 204, 204, 204, 204, 204, 401, 204),
            row("GET", "/auth/me", f -> call("/auth/me", null), 401, 200, 200, 200, 200, 200, 200, 401, 200),
            row("POST", "/auth/verify-email", f -> call("/auth/verify-email", Map.of("token", "made-up")),
                    422, 422, 422, 422, 422, 422, 422, 401, 422),
            row("POST", "/auth/request-verification", f -> call("/auth/request-verification", null),
                    401, 202, 202, 202, 202, 202, 403, 401, 403),
            row("POST", "/auth/request-password-reset", f -> call("/auth/request-password-reset",
                    Map.of("email", f.owner.email())),
                    202, 202, 202, 202, 202, 202, 403, 401, 202),
            row("POST", "/auth/reset-password", f -> call("/auth/reset-password",
                    Map.of("token", "made-up", "new_password", "a-new-password")),
                    422, 422, 422, 422, 422, 422, 422, 401, 422),
            // The one-time code of a provider sign-in is the credential; ProviderSignInApiIT makes real ones.
            row("POST", "/auth/oidc/token", f -> call("/auth/oidc/token", Map.of("code", "made-up")),
                    401, 401, 401, 401, 401, 401, 403, 401, 401),

            row("POST", "/shipments", f -> call("/shipments", Map.of("source_address", "Chennai",
                    "destination_address", "Bangalore", "customer_id", f.owner.id().toString())),
                    401, 201, 403, 403, 403, 201, 403, 401, 403),
            row("GET", "/shipments", f -> call("/shipments", null), ANY_ACCOUNT_200),
            row("GET", "/shipments/{id}", f -> call("/shipments/" + f.freshShipment(), null), SHIPMENT_READ),
            row("PUT", "/shipments/{id}", f -> call("/shipments/" + f.freshShipment(),
                    Map.of("description", "changed")), SHIPMENT_CHANGE),
            row("DELETE", "/shipments/{id}", f -> call("/shipments/" + f.freshShipment(), null), SHIPMENT_CHANGE),
            // Customers are refused by role, whatever the id; an agent who cannot see it gets 404 as for none.
            row("PUT", "/shipments/{id}/status", f -> call("/shipments/" + f.freshShipment() + "/status",
                    Map.of("status", "picked_up", "location", "Chennai")),
                    401, 403, 403, 200, 404, 200, 200, 401, 403),
            row("PUT", "/shipments/{id}/assign-agent", f -> call("/shipments/" + f.freshShipment() + "/assign-agent",
                    Map.of("agent_id", f.assignedAgent.id().toString())), ADMIN_ONLY_200),
            row("POST", "/tracking/{id}", f -> call("/tracking/" + f.freshShipment(),
                    Map.of("location", "Chennai hub")),
                    401, 403, 403, 201, 404, 201, 201, 401, 403),
            row("GET", "/tracking/{id}", f -> call("/tracking/" + f.freshShipment(), null), SHIPMENT_READ),
            row("GET", "/shipments/{id}/label", f -> call("/shipments/" + f.freshShipment() + "/label?format=zpl", null),
                    SHIPMENT_READ),
            // As POST /tracking/{id}, for the shipment the scanned code names.
            row("POST", "/scans", f -> call("/scans", Map.of("code", f.freshTrackingNumber(), "location", "Chennai hub")),
                    401, 403, 403, 201, 404, 201, 201, 401, 403),
            row("GET", "/track/{trackingNumber}", f -> call("/track/" + f.trackingNumber, null),
                    200, 200, 200, 200, 200, 200, 200, 401, 200),
            row("POST", "/track/bulk", f -> call("/track/bulk", Map.of("tracking_numbers", List.of(f.trackingNumber))),
                    200, 200, 200, 200, 200, 200, 200, 401, 200),
            // Live streams of a cancelled shipment: its history, then the stream ends (final status).
            row("GET", "/shipments/{id}/events", f -> call("/shipments/" + f.cancelledShipment() + "/events", null),
                    SHIPMENT_READ),
            row("GET", "/track/{trackingNumber}/events", f -> call("/track/" + f.cancelledTrackingNumber()
                    + "/events", null), 200, 200, 200, 200, 200, 200, 200, 401, 200),

            // Agents report their own points; an API key acts as its agent.
            row("POST", "/agents/me/locations", f -> call("/agents/me/locations", Fixture.locationBatch()),
                    401, 403, 403, 200, 200, 403, 200, 401, 403),
            row("GET", "/admin/agents/locations", f -> call("/admin/agents/locations", null), ADMIN_ONLY_200),
            row("GET", "/admin/agents/{id}/locations", f -> call("/admin/agents/" + f.assignedAgent.id()
                    + "/locations", null), ADMIN_ONLY_200),

            // Support tickets: any account opens one; a ticket about a shipment is seen and answered by its
            // requester, admins and the shipment's assigned agent (an API key acts as that agent).
            row("POST", "/tickets", f -> call("/tickets", Map.of("category", "other", "message", "A question")),
                    401, 201, 201, 201, 201, 201, 201, 401, 403),
            row("GET", "/tickets", f -> call("/tickets", null), ANY_ACCOUNT_200),
            row("GET", "/tickets/{id}", f -> call("/tickets/" + f.freshTicket(), null), SHIPMENT_READ),
            row("POST", "/tickets/{id}/messages", f -> call("/tickets/" + f.freshTicket() + "/messages",
                    Map.of("message", "A reply")), 401, 201, 404, 201, 404, 201, 201, 401, 403),
            row("PUT", "/tickets/{id}/status", f -> call("/tickets/" + f.freshTicket() + "/status",
                    Map.of("status", "closed")), SHIPMENT_READ),
            row("GET", "/admin/feedback", f -> call("/admin/feedback?max_rating=2", null), ADMIN_ONLY_200),
            // Line haul: bags opened by admins, carried by the assigned agent (or its API key).
            row("POST", "/bags", f -> call("/bags", f.bagBody()), ADMIN_ONLY_201),
            row("GET", "/bags/{id}", f -> call("/bags/" + f.freshBag(), null), BAG_READ),
            row("GET", "/bags/{id}/label", f -> call("/bags/" + f.freshBag() + "/label", null), BAG_READ),
            row("POST", "/bags/{id}/shipments", f -> call("/bags/" + f.freshBag() + "/shipments",
                    Map.of("shipment_ids", List.of(f.routedShipment()))), BAG_PACK),
            row("DELETE", "/bags/{id}/shipments/{shipmentId}", f -> call(f.bagShipmentPath(), null), BAG_PACK),
            row("POST", "/bags/{id}/seal", f -> call(f.filledBag() + "/seal", null), BAG_PACK),
            row("POST", "/bags/{id}/assign", f -> call("/bags/" + f.freshBag() + "/assign",
                    Map.of("agent_id", f.assignedAgent.id().toString())), BAG_PACK),
            row("POST", "/bags/{id}/scans", f -> call(f.sealedBag() + "/scans", Map.of("event", "dispatched")),
                    401, 404, 404, 201, 404, 201, 201, 401, 403),
            // A bag's code where parcels are scanned: the bag's rules, behind the scan endpoint's role check.
            row("POST", "/scans", f -> call("/scans", Map.of("code", f.sealedBagCode(), "event", "dispatched")),
                    401, 403, 403, 201, 404, 201, 201, 401, 403),
            row("POST", "/flights", f -> call("/flights", Fixture.flightBody()), ADMIN_ONLY_201),
            row("GET", "/flights/{id}", f -> call("/flights/" + f.freshFlight(), null), ADMIN_ONLY_200),
            row("POST", "/flights/{id}/bags", f -> call("/flights/" + f.freshFlight() + "/bags",
                    Map.of("bags", List.of(f.sealedBag().substring("/bags/".length())))), ADMIN_ONLY_200),
            row("POST", "/flights/{id}/status", f -> call("/flights/" + f.freshFlight() + "/status",
                    Map.of("status", "delayed")), ADMIN_ONLY_200),
            // No flight-data provider in this context: an admin is told so (409).
            row("POST", "/flights/{id}/sync", f -> call("/flights/" + f.freshFlight() + "/sync", null),
                    401, 403, 403, 403, 403, 409, 403, 401, 403),
            row("POST", "/flights/{id}/alerts", f -> call("/flights/" + f.freshFlight() + "/alerts", null),
                    401, 403, 403, 403, 403, 409, 403, 401, 403),
            // The provider's alerts need no token but a signature, which none of these callers has.
            row("POST", "/flights/webhook", f -> call("/flights/webhook", Map.of("flights", List.of())),
                    401, 401, 401, 401, 401, 401, 401, 401, 401),
            row("GET", "/courier/bags", f -> call("/courier/bags", null), 401, 403, 403, 200, 200, 403, 200, 401, 403),

            row("GET", "/me/notification-preferences", f -> call("/me/notification-preferences", null),
                    ANY_ACCOUNT_200),
            row("PUT", "/me/notification-preferences", f -> call("/me/notification-preferences",
                    Map.of("sms", true)), ANY_ACCOUNT_200),
            // Devices for push: people with an app (customers, agents; an agent's API key may list and remove,
            // not register, a device); admins by role.
            row("POST", "/me/devices", f -> call("/me/devices", Fixture.deviceBody()),
                    401, 201, 201, 201, 201, 403, 403, 401, 403),
            row("GET", "/me/devices", f -> call("/me/devices", null), 401, 200, 200, 200, 200, 403, 200, 401, 403),
            row("DELETE", "/me/devices/{id}", f -> call("/me/devices/" + f.freshDevice(), null),
                    401, 204, 404, 404, 404, 403, 404, 401, 403),
            // Meta's webhook takes no token; WhatsApp is not configured here (WhatsAppAndPushApiIT configures it).
            row("GET", "/notifications/webhook/whatsapp", f -> call("/notifications/webhook/whatsapp"
                    + "?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", null),
                    404, 404, 404, 404, 404, 404, 404, 401, 404),
            row("POST", "/notifications/webhook/whatsapp", f -> call("/notifications/webhook/whatsapp",
                    Map.of("object", "whatsapp_business_account")), 404, 404, 404, 404, 404, 404, 404, 401, 404),

            row("POST", "/webhooks", f -> call("/webhooks", Fixture.webhookBody("shipment.delivered")),
                    401, 201, 201, 403, 403, 201, 403, 401, 403),
            row("GET", "/webhooks", f -> call("/webhooks", null), 401, 200, 200, 403, 403, 200, 403, 401, 403),
            row("DELETE", "/webhooks/{id}", f -> call("/webhooks/" + f.freshWebhook("shipment.delivered"), null),
                    OWNED_WEBHOOK_204),
            row("GET", "/webhooks/{id}/deliveries", f -> call("/webhooks/" + f.freshWebhook("shipment.delivered")
                    + "/deliveries", null), OWNED_WEBHOOK_200),
            row("POST", "/webhooks/{id}/test", f -> call("/webhooks/" + f.freshWebhook("shipment.delivered")
                    + "/test", null), 401, 202, 404, 403, 403, 202, 403, 401, 403),
            row("POST", "/webhooks/{id}/deliveries/{deliveryId}/redeliver", f -> call(f.freshDelivery(), null),
                    401, 202, 404, 403, 403, 202, 403, 401, 403),

            row("POST", "/admin/hubs", f -> call("/admin/hubs", f.hubBody()), ADMIN_ONLY_201),
            row("GET", "/admin/hubs", f -> call("/admin/hubs", null), ADMIN_ONLY_200),
            row("GET", "/admin/hubs/{id}", f -> call("/admin/hubs/" + f.freshHub(), null), ADMIN_ONLY_200),
            row("PUT", "/admin/hubs/{id}", f -> call("/admin/hubs/" + f.freshHub(), Map.of("address", "Dock 2")),
                    ADMIN_ONLY_200),
            row("DELETE", "/admin/hubs/{id}", f -> call("/admin/hubs/" + f.freshHub(), null), ADMIN_ONLY_204),
            row("POST", "/admin/lanes", f -> call("/admin/lanes", f.laneBody()), ADMIN_ONLY_201),
            row("GET", "/admin/lanes", f -> call("/admin/lanes", null), ADMIN_ONLY_200),
            row("GET", "/admin/lanes/{id}", f -> call("/admin/lanes/" + f.freshLane(), null), ADMIN_ONLY_200),
            row("PUT", "/admin/lanes/{id}", f -> call("/admin/lanes/" + f.freshLane(),
                    Map.of("standard_transit_days", 4)), ADMIN_ONLY_200),
            row("DELETE", "/admin/lanes/{id}", f -> call("/admin/lanes/" + f.freshLane(), null), ADMIN_ONLY_204),
            row("POST", "/admin/vehicles", f -> call("/admin/vehicles", f.vehicleBody()), ADMIN_ONLY_201),
            row("GET", "/admin/vehicles", f -> call("/admin/vehicles", null), ADMIN_ONLY_200),
            row("GET", "/admin/vehicles/{id}", f -> call("/admin/vehicles/" + f.freshVehicle(), null), ADMIN_ONLY_200),
            row("PUT", "/admin/vehicles/{id}", f -> call("/admin/vehicles/" + f.freshVehicle(),
                    Map.of("status", "maintenance")), ADMIN_ONLY_200),
            row("DELETE", "/admin/vehicles/{id}", f -> call("/admin/vehicles/" + f.freshVehicle(), null),
                    ADMIN_ONLY_204),
            row("PUT", "/admin/vehicles/{id}/agent", f -> call("/admin/vehicles/" + f.freshVehicle() + "/agent",
                    Map.of("agent_id", f.otherAgent.id().toString())), ADMIN_ONLY_200),
            row("GET", "/admin/users", f -> call("/admin/users", null), ADMIN_ONLY_200),
            row("GET", "/admin/users/{id}", f -> call("/admin/users/" + f.freshUser(), null), ADMIN_ONLY_200),
            row("PATCH", "/admin/users/{id}", f -> call("/admin/users/" + f.freshUser(), Map.of("disabled", true)),
                    ADMIN_ONLY_200),
            row("DELETE", "/admin/users/{id}", f -> call("/admin/users/" + f.freshUser(), null), ADMIN_ONLY_204),
            row("GET", "/admin/reports", f -> call("/admin/reports", null), ADMIN_ONLY_200),
            row("GET", "/admin/audit", f -> call("/admin/audit", null), ADMIN_ONLY_200),
            row("POST", "/admin/api-keys", f -> call("/admin/api-keys",
                    Map.of("agent_id", f.otherAgent.id().toString(), "name", "matrix")), ADMIN_ONLY_201),
            row("GET", "/admin/api-keys", f -> call("/admin/api-keys", null), ADMIN_ONLY_200),
            row("DELETE", "/admin/api-keys/{id}", f -> call("/admin/api-keys/" + f.freshApiKey(), null),
                    ADMIN_ONLY_204),
            row("POST", "/me/api-keys", f -> call("/me/api-keys", Map.of("name", "Matrix shop")),
                    401, 201, 201, 403, 403, 403, 403, 401, 403),
            row("GET", "/me/api-keys", f -> call("/me/api-keys", null), 401, 200, 200, 200, 200, 403, 403, 401, 403),
            row("DELETE", "/me/api-keys/{id}", f -> call("/me/api-keys/" + f.freshOwnApiKey(), null),
                    401, 204, 404, 404, 404, 403, 403, 401, 403),
            // Tenants are platform operators' only (PlatformTenantsApiIT); a tenant's admin is refused by role.
            row("POST", "/platform/tenants", f -> call("/platform/tenants", Map.of("slug", Fixture.uniqueSlug(),
                    "display_name", "Matrix", "admin_email", Api.uniqueEmail("matrix"), "admin_password", PASSWORD)),
                    PLATFORM_ONLY_201),
            row("GET", "/platform/tenants", f -> call("/platform/tenants", null), PLATFORM_ONLY_200),
            row("GET", "/platform/tenants/{id}", f -> call("/platform/tenants/" + io.waybill.kernel.TenantContext.DEFAULT,
                    null), PLATFORM_ONLY_200),
            row("PATCH", "/platform/tenants/{id}", f -> call("/platform/tenants/"
                    + io.waybill.kernel.TenantContext.DEFAULT, Map.of()), PLATFORM_ONLY_200),
            // A tenant's own settings (TenantSettingsApiIT); an empty change leaves them as they are.
            row("GET", "/admin/tenant", f -> call("/admin/tenant", null), ADMIN_ONLY_200),
            row("PATCH", "/admin/tenant", f -> call("/admin/tenant", Map.of()), ADMIN_ONLY_200),
            // A tenant's own notification texts (TenantTemplatesApiIT). The admin's change is refused (a placeholder
            // the built-in text has not), so no cell changes the texts every other test's notifications use.
            row("GET", "/admin/notification-templates", f -> call("/admin/notification-templates", null),
                    ADMIN_ONLY_200),
            row("PUT", "/admin/notification-templates/{kind}/{channel}", f -> call(
                    "/admin/notification-templates/delivered/sms", Map.of("template", "Delivered {{secret}}")),
                    401, 403, 403, 403, 403, 422, 403, 401, 403),
            row("DELETE", "/admin/notification-templates/{kind}/{channel}", f -> call(
                    "/admin/notification-templates/delivered/sms", null), ADMIN_ONLY_404),
            row("GET", "/admin/events/dead-letters", f -> call("/admin/events/dead-letters", null), ADMIN_ONLY_200),
            row("GET", "/admin/events/dead-letters/{id}", f -> call("/admin/events/dead-letters/0", null),
                    ADMIN_ONLY_404),
            row("POST", "/admin/events/dead-letters/{id}/retry", f -> call("/admin/events/dead-letters/0/retry",
                    Map.of()), ADMIN_ONLY_404),
            row("DELETE", "/admin/events/dead-letters/{id}", f -> call("/admin/events/dead-letters/0", null),
                    ADMIN_ONLY_404),

            // Near the end: each cell walks a shipment to its door, events the live-stream rows above need not wait
            // behind. Delivering takes a proof: the assigned agent (or its API key) and admins; customers by role.
            row("POST", "/shipments/{id}/proof-of-delivery", f -> call("/shipments/" + f.outForDelivery()
                    + "/proof-of-delivery", io.waybill.support.Proofs.signature("Door")),
                    401, 403, 403, 201, 404, 201, 201, 401, 403),
            row("GET", "/shipments/{id}/proof-of-delivery", f -> call("/shipments/" + f.delivered()
                    + "/proof-of-delivery", null), SHIPMENT_READ),
            row("GET", "/shipments/{id}/proof-of-delivery/images/{number}", f -> call("/shipments/" + f.delivered()
                    + "/proof-of-delivery/images/1", null), SHIPMENT_READ),
            // The customer's choice after a failed attempt: agents are refused by role.
            row("POST", "/shipments/{id}/delivery-instructions", f -> call("/shipments/" + f.failedDelivery()
                    + "/delivery-instructions", Map.of("action", "hold_at_hub")),
                    401, 201, 404, 403, 403, 201, 403, 401, 403),

            // Cash on delivery. Admin-only rows refuse everyone else by role, so their data can be shared:
            // one cash-on-delivery shipment the assigned agent collected, remitted by the refund row.
            row("PUT", "/shipments/{id}/payment/allowance", f -> call("/shipments/" + f.freshCodShipment()
                    + "/payment/allowance", Map.of("allow_mismatch", true)), ADMIN_ONLY_200),
            row("GET", "/admin/agents/{id}/cash", f -> call("/admin/agents/" + f.assignedAgent.id() + "/cash", null),
                    ADMIN_ONLY_200),
            row("POST", "/admin/agents/{id}/remittances", f -> call("/admin/agents/" + f.cashCollected()
                    + "/remittances", Map.of("amount_minor", 1, "currency", "INR")), ADMIN_ONLY_201),
            row("POST", "/shipments/{id}/payment/refund", f -> call("/shipments/" + f.remittedShipment()
                    + "/payment/refund", null), ADMIN_ONLY_200),
            // An agent's own cash: agents (and their API keys) only.
            row("GET", "/agents/me/cash", f -> call("/agents/me/cash", null),
                    401, 403, 403, 200, 200, 403, 200, 401, 403),
            // Only the customer rates a delivery: those who see it otherwise are refused by role.
            row("POST", "/shipments/{id}/feedback", f -> call("/shipments/" + f.deliveredAndKnownToCare()
                    + "/feedback", Map.of("rating", 4)), FEEDBACK_201),
            row("PUT", "/shipments/{id}/feedback", f -> call("/shipments/" + f.rated() + "/feedback",
                    Map.of("rating", 3)), FEEDBACK_200),

            // Last: it ends every session of the caller, so no cell may use the caller's token after it.
            row("POST", "/auth/logout-all", f -> call("/auth/logout-all", null),
                    401, 204, 204, 204, 204, 204, 204, 401, 204));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    private DataSource dataSource;

    @Test
    void shouldHaveARowForEveryEndpointTheServerMaps() {
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!isApiController(entry.getValue().getBeanType())) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                entry.getKey().getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method.name() + " " + normalise(pattern)));
            }
        }
        Set<String> covered = TABLE.stream().map(row -> row.method() + " " + normalise(row.path()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(covered).as("rows of the authorization matrix").containsExactlyElementsOf(mapped);
    }

    @TestFactory
    Stream<DynamicTest> shouldGiveEveryCallerTheStatusTheContractSays() {
        Fixture fixture = new Fixture();
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : TABLE) {
            for (Who who : Who.values()) {
                int expected = row.expected()[who.ordinal()];
                cells.add(DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + who + " -> " + expected,
                        () -> {
                            Call call = row.call().apply(fixture);
                            Api.Response response = fixture.send(who, row.method(), call);
                            assertThat(response.status()).as(response.toString()).isEqualTo(expected);
                            if (expected >= 400) {
                                assertProblem(response, expected);
                            }
                        }));
            }
        }
        return cells.stream();
    }

    /**
     * The two-tenant matrix: every endpoint of the table, called with this (the default) tenant's data
     * by another tenant's admin, agent and customer, and by that agent's and that customer's API keys.
     * A call that names any of this tenant's ids or tracking numbers and would change something is
     * refused (4xx); a read of one answers 4xx, or 2xx without any of them (an empty list); a list
     * answers none of this tenant's ids, numbers or addresses. Public tracking (the number is the
     * credential, and the page is the same for everyone) and the routes of an account's own session
     * (/auth) are the rows left out; the other tenant's audit log is not searched for this tenant's ids,
     * as it lists the paths its own people asked for. The live streams have a test of their own.
     */
    @TestFactory
    Stream<DynamicTest> shouldShowAnotherTenantsPeopleNothingOfThisTenantsThroughAnyEndpoint() {
        Fixture fixture = new Fixture();
        TenantAdmin other = newTenant();
        Map<String, Stranger> strangers = strangersOf(other);
        Set<String> markers = new java.util.concurrent.ConcurrentSkipListSet<>(List.of(fixture.owner.id().toString(),
                fixture.owner.email(), fixture.otherCustomer.email(), fixture.assignedAgent.id().toString(),
                fixture.assignedAgent.email(), fixture.admin.id().toString(), fixture.trackingNumber));
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : TABLE) {
            if (row.path().startsWith("/auth/") || row.path().startsWith("/track/")) {
                continue;
            }
            for (Map.Entry<String, Stranger> stranger : strangers.entrySet()) {
                cells.add(DynamicTest.dynamicTest(row.method() + " " + row.path() + " as another tenant's "
                        + stranger.getKey(), () -> {
                            Call call = row.call().apply(fixture);
                            Set<String> named = namedIn(call);
                            markers.addAll(named);
                            Api.Response response = api.json(row.method(), call.path(), stranger.getValue().token(),
                                    call.body(), stranger.getValue().headers());
                            String answer = response.toString();
                            if (!named.isEmpty() && !row.method().equals("GET")) {
                                assertThat(response.status()).as("a change of this tenant's data: " + answer)
                                        .isBetween(400, 499);
                            } else if (response.status() < 400 && !row.path().equals("/admin/audit")) {
                                // What the call named itself may come back (an empty trail of that id).
                                assertThat(response.raw()).as("an answer to another tenant").doesNotContain(
                                        markers.stream().filter(marker -> !named.contains(marker))
                                                .toArray(String[]::new));
                            }
                            if (response.status() >= 400) {
                                assertProblem(response, response.status());
                            }
                        }));
            }
        }
        return cells.stream();
    }

    /**
     * The live streams, which no row of the table holds: another tenant's people (tokens and API keys)
     * cannot open the stream of this tenant's shipment, and the sockets on which another tenant's admin,
     * agent and customer follow everything they may see carry nothing of this tenant's, while this
     * tenant's admin's socket carries the change.
     */
    @Test
    void shouldStreamNothingOfThisTenantsShipmentsToAnotherTenantsPeople() throws InterruptedException {
        Account owner = customer();
        Account assigned = agent();
        Api.Response booked = book(owner);
        String id = booked.text("id");
        String number = booked.text("tracking_number");
        assign(id, assigned);
        Map<String, Stranger> strangers = strangersOf(newTenant());

        for (Map.Entry<String, Stranger> stranger : strangers.entrySet()) {
            try (LiveClients.Stream stream = LiveClients.stream(port(), "/shipments/" + id + "/events",
                    stranger.getValue().token(), stranger.getValue().headers())) {
                assertThat(stream.status).as("the stream of this tenant's shipment for another tenant's "
                        + stranger.getKey() + ": " + stream.refusal).isEqualTo(404);
                assertThat(stream.refusal).doesNotContain(number);
            }
        }

        List<LiveClients.Socket> theirs = new ArrayList<>();
        try (LiveClients.Socket ours = LiveClients.socket(port(), "?access_token=" + admin().token())
                .awaitSubscribed()) {
            for (Stranger stranger : strangers.values()) {
                if (stranger.token() != null) {
                    theirs.add(LiveClients.socket(port(), "?access_token=" + stranger.token()).awaitSubscribed());
                }
            }
            assertThat(move(id, assigned, "picked_up", "Chennai").status()).isEqualTo(200);

            Eventually.eventually(() -> assertThat(ours.updatesOf(number)).isNotEmpty());
            // Each update is offered to every socket at once: what another tenant's socket was given is
            // written by now.
            Thread.sleep(500);
            for (LiveClients.Socket socket : theirs) {
                assertThat(socket.messages).as("another tenant's socket")
                        .noneMatch(message -> message.toString().contains(number) || message.toString().contains(id));
            }
        } finally {
            theirs.forEach(LiveClients.Socket::close);
        }
    }

    /** Another tenant's caller: a token, or an API key in its header. */
    record Stranger(String token, Map<String, String> headers) {

        static Stranger withToken(String token) {
            return new Stranger(token, Map.of());
        }

        static Stranger withApiKey(String key) {
            return new Stranger(null, Map.of("X-API-Key", key));
        }
    }

    /**
     * Another tenant's people: its admin, an agent and a customer with their tokens, and the agent's
     * key (made by that tenant's admin) and the customer's own key.
     */
    private Map<String, Stranger> strangersOf(TenantAdmin other) {
        Account agent = registerIn(other.slug(), "agent", other.admin().token());
        Account customer = registerIn(other.slug(), "customer", null);
        Api.Response agentKey = api.post("/admin/api-keys", other.admin().token(),
                Map.of("agent_id", agent.id().toString(), "name", "stranger's agent"));
        assertThat(agentKey.status()).as(agentKey.toString()).isEqualTo(201);
        Api.Response customerKey = api.post("/me/api-keys", customer.token(), Map.of("name", "stranger's shop"));
        assertThat(customerKey.status()).as(customerKey.toString()).isEqualTo(201);
        Map<String, Stranger> strangers = new LinkedHashMap<>();
        strangers.put("admin", Stranger.withToken(other.admin().token()));
        strangers.put("agent", Stranger.withToken(agent.token()));
        strangers.put("customer", Stranger.withToken(customer.token()));
        strangers.put("agent's API key", Stranger.withApiKey(agentKey.text("key")));
        strangers.put("customer's API key", Stranger.withApiKey(customerKey.text("key")));
        return strangers;
    }

    /** The ids and tracking numbers a call names in its path and body (all of them the fixture's tenant's). */
    private static Set<String> namedIn(Call call) {
        Set<String> named = new TreeSet<>();
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|TRK[0-9]+|BAG[0-9]{10}")
                // A device's push token is made up per call (and holds a UUID): it names nothing.
                .matcher(call.path() + " " + (call.body() == null ? ""
                        : Api.json(call.body()).replaceAll("\"token\":\"[^\"]*\"", "")));
        while (ids.find()) {
            named.add(ids.group());
        }
        named.remove(io.waybill.kernel.TenantContext.DEFAULT.toString());
        return named;
    }

    /**
     * An agent not assigned to a shipment learns nothing from its id: every shipment endpoint gives
     * them the very same answer for it as for an id that does not exist, byte for byte once the id
     * itself (in {@code instance}) is set aside.
     */
    @Test
    void shouldAnswerAnUnassignedAgentForARealShipmentExactlyAsForAMadeUpOne() {
        Account owner = customer();
        Account assigned = agent();
        Account stranger = agent();
        String real = book(owner).text("id");
        assign(real, assigned);
        String madeUp = UUID.randomUUID().toString();
        Map<String, Object> status = Map.of("status", "picked_up", "location", "Chennai");
        Map<String, Object> scan = Map.of("location", "Chennai hub", "status", "picked_up");
        List<String[]> calls = List.of(new String[] {"GET", "/shipments/%s"}, new String[] {"PUT", "/shipments/%s"},
                new String[] {"DELETE", "/shipments/%s"}, new String[] {"PUT", "/shipments/%s/status"},
                new String[] {"GET", "/tracking/%s"}, new String[] {"POST", "/tracking/%s"},
                new String[] {"GET", "/shipments/%s/events"}, new String[] {"GET", "/shipments/%s/label"},
                new String[] {"GET", "/shipments/%s/proof-of-delivery"},
                new String[] {"GET", "/shipments/%s/proof-of-delivery/images/1"},
                new String[] {"POST", "/shipments/%s/proof-of-delivery"});

        for (String[] call : calls) {
            Object body = call[1].endsWith("/proof-of-delivery") && call[0].equals("POST")
                    ? io.waybill.support.Proofs.signature("Door")
                    : call[1].endsWith("/status") ? status
                    : call[0].equals("POST") ? scan : call[0].equals("PUT") ? Map.of("description", "x") : null;
            Api.Response forReal = api.json(call[0], call[1].formatted(real), stranger.token(), body, Map.of());
            Api.Response forNone = api.json(call[0], call[1].formatted(madeUp), stranger.token(), body, Map.of());

            assertProblem(forReal, 404);
            // Every answer carries its own request id; all else must be the same.
            assertThat(forReal.raw().replace(real, "{id}").replace(forReal.header("X-Request-Id"), "{request}"))
                    .as(call[0] + " " + call[1])
                    .isEqualTo(forNone.raw().replace(madeUp, "{id}").replace(forNone.header("X-Request-Id"), "{request}"));
            assertThat(forReal.contentType()).isEqualTo(forNone.contentType());
        }
        assertThat(api.get("/shipments/" + real, owner.token()).text("status")).isEqualTo("created");
    }

    /**
     * Visibility is checked before the shipment is locked: while its real handler holds the row, an
     * agent who cannot see it is answered at once, and never queues for (or holds) the lock.
     */
    @Test
    void shouldNotLockOrWaitForAShipmentTheCallerCannotSee() throws Exception {
        Account owner = customer();
        Account stranger = agent();
        String id = book(owner).text("id");
        assign(id, agent());

        // The handler's connection is the default tenant's, whose shipment it locks.
        try (Connection handler = TenantContext.callChecked(TenantContext.DEFAULT, dataSource::getConnection)) {
            handler.setAutoCommit(false);
            try (PreparedStatement lock = handler.prepareStatement(
                    "select id from shipments.shipments where id = ? for update")) {
                lock.setObject(1, UUID.fromString(id));
                try (java.sql.ResultSet locked = lock.executeQuery()) {
                    assertThat(locked.next()).as("the handler holds the shipment's row").isTrue();
                }
            }
            try {
                CompletableFuture<Api.Response> status = CompletableFuture.supplyAsync(() -> api.put(
                        "/shipments/" + id + "/status", stranger.token(),
                        Map.of("status", "picked_up", "location", "Chennai")));
                CompletableFuture<Api.Response> scan = CompletableFuture.supplyAsync(() -> api.post(
                        "/tracking/" + id, stranger.token(), Map.of("location", "Chennai hub")));
                CompletableFuture<Api.Response> cancel = CompletableFuture.supplyAsync(() -> api.delete(
                        "/shipments/" + id, customer().token()));

                assertProblem(status.get(5, TimeUnit.SECONDS), 404);
                assertProblem(scan.get(5, TimeUnit.SECONDS), 404);
                assertProblem(cancel.get(5, TimeUnit.SECONDS), 404);
            } finally {
                handler.rollback();
            }
        }
    }

    /**
     * The statuses the table expects of each endpoint ("PUT /shipments/{}/status"), whoever calls:
     * OpenApiDocumentIT checks that the OpenAPI document lists every one of them.
     */
    public static Map<String, Set<Integer>> statusesByEndpoint() {
        Map<String, Set<Integer>> statuses = new java.util.TreeMap<>();
        for (Row row : TABLE) {
            Set<Integer> codes = new TreeSet<>();
            for (int status : row.expected()) {
                codes.add(status);
            }
            statuses.put(row.method() + " " + normalise(row.path()), codes);
        }
        return statuses;
    }

    /**
     * A controller of the API: Waybill's own, other than the error controller and the web pages (which a
     * session cookie opens, not a token: PagesIT and the browser tests pin who may open them).
     */
    public static boolean isApiController(Class<?> controller) {
        return controller.getPackageName().startsWith("io.waybill") && !controller.getPackageName().equals("io.waybill.web")
                && !controller.getSimpleName().equals("ProblemErrorController");
    }

    public static String normalise(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static Row row(String method, String path, Function<Fixture, Call> call, int... expected) {
        assertThat(expected).as(method + " " + path).hasSize(Who.values().length);
        return new Row(method, path, call, expected);
    }

    private static Call call(String path, Object body) {
        return new Call(path, body);
    }

    record Row(String method, String path, Function<Fixture, Call> call, int[] expected) {
    }

    record Call(String path, Object body) {
    }

    /** The cast of callers, and fresh data for each cell. */
    private final class Fixture {

        final Account owner = customer();
        final Account otherCustomer = customer();
        final Account assignedAgent = agent();
        final Account otherAgent = agent();
        final Account admin = admin();
        final String apiKey = apiKey(assignedAgent);
        final Account deleted = deletedCustomer();
        final Account operator = platformOperator();
        final String trackingNumber = book(owner).text("tracking_number");

        Api.Response send(Who who, String method, Call call) {
            Map<String, String> headers = new LinkedHashMap<>();
            String token = switch (who) {
                case ANONYMOUS, API_KEY -> null;
                case OWNER -> owner.token();
                case OTHER_CUSTOMER -> otherCustomer.token();
                case ASSIGNED_AGENT -> assignedAgent.token();
                case OTHER_AGENT -> otherAgent.token();
                case ADMIN -> admin.token();
                case DELETED_USER -> deleted.token();
                case PLATFORM_OPERATOR -> operator.token();
            };
            if (who == Who.API_KEY) {
                headers.put("X-API-Key", apiKey);
            }
            return api.json(method, call.path(), token, call.body(), headers);
        }

        String freshShipment() {
            String id = book(owner).text("id");
            assign(id, assignedAgent);
            return id;
        }

        String freshTrackingNumber() {
            return api.get("/shipments/" + freshShipment(), owner.token()).text("tracking_number");
        }

        String outForDelivery() {
            String id = freshShipment();
            for (String status : List.of("in_transit", "out_for_delivery")) {
                assertThat(move(id, assignedAgent, status, "Bangalore").status()).isEqualTo(200);
            }
            return id;
        }

        String delivered() {
            String id = outForDelivery();
            deliver(id, assignedAgent, "Door");
            return id;
        }

        private String codCollected;
        private String codRemitted;

        String freshCodShipment() {
            Api.Response booked = api.post("/shipments", owner.token(), Map.of("source_address", "Chennai",
                    "destination_address", "Bangalore", "payment", Map.of("method", "cash_on_delivery",
                            "amount_minor", 5000, "currency", "INR")));
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            assign(booked.text("id"), assignedAgent);
            return booked.text("id");
        }

        /** The assigned agent, once holding the cash of one delivered cash-on-delivery shipment. */
        UUID cashCollected() {
            if (codCollected == null) {
                String id = freshCodShipment();
                for (String status : List.of("in_transit", "out_for_delivery")) {
                    assertThat(move(id, assignedAgent, status, "Bangalore").status()).isEqualTo(200);
                }
                Map<String, Object> proof = new java.util.HashMap<>(io.waybill.support.Proofs.signature("Door"));
                proof.put("collection", Map.of("amount_minor", 5000, "currency", "INR", "method", "cash"));
                Api.Response delivered = api.post("/shipments/" + id + "/proof-of-delivery", assignedAgent.token(),
                        proof);
                assertThat(delivered.status()).as(delivered.toString()).isEqualTo(201);
                codCollected = id;
            }
            return assignedAgent.id();
        }

        /** That shipment, its payment remitted: the admin records the rest of the agent's cash. */
        String remittedShipment() {
            if (codRemitted == null) {
                cashCollected();
                long outstanding = api.get("/admin/agents/" + assignedAgent.id() + "/cash", admin.token()).body()
                        .get("balances").get(0).get("outstanding_minor").asLong();
                assertThat(api.post("/admin/agents/" + assignedAgent.id() + "/remittances", admin.token(),
                        Map.of("amount_minor", outstanding, "currency", "INR")).status()).isEqualTo(201);
                codRemitted = codCollected;
            }
            return codRemitted;
        }

        /** A ticket the owner opened about a fresh shipment, once care knows the shipment. */
        String freshTicket() {
            String shipment = freshShipment();
            awaitEvents();
            return created(api.post("/tickets", owner.token(), Map.of("shipment_id", shipment, "category", "delay",
                    "message", "Where is it?")));
        }

        /** A delivered shipment, once care has learnt it was delivered. */
        String deliveredAndKnownToCare() {
            String id = delivered();
            awaitEvents();
            return id;
        }

        String rated() {
            String id = deliveredAndKnownToCare();
            assertThat(api.post("/shipments/" + id + "/feedback", owner.token(), Map.of("rating", 5)).status())
                    .isEqualTo(201);
            return id;
        }

        String failedDelivery() {
            String id = outForDelivery();
            assertThat(move(id, assignedAgent, "delivery_failed", "Door").status()).isEqualTo(200);
            return id;
        }

        String cancelledShipment() {
            String id = freshShipment();
            assertThat(api.delete("/shipments/" + id, owner.token()).status()).isEqualTo(200);
            // The stream reads tracking's copy, fed by events; on a busy machine they may take longer
            // than the stream's short wait for a new shipment, and this table is about who, not when.
            awaitEvents();
            return id;
        }

        String cancelledTrackingNumber() {
            return api.get("/shipments/" + cancelledShipment(), owner.token()).text("tracking_number");
        }

        static Map<String, Object> locationBatch() {
            return Map.of("points", List.of(Map.of("lat", 12.97, "lon", 77.59, "accuracy_m", 10,
                    "recorded_at", java.time.Instant.now().toString())));
        }

        /** A public address (TEST-NET-3) that never answers: nothing in this context is delivered. */
        static Map<String, Object> webhookBody(String event) {
            return Map.of("url", "http://127.0.0.1:9/hook", "events", List.of(event));
        }

        static String uniqueSlug() {
            return "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        }

        static Map<String, Object> deviceBody() {
            return Map.of("token", "fcm-" + UUID.randomUUID(), "platform", "android");
        }

        /** A device of the owner's. */
        String freshDevice() {
            return created(api.post("/me/devices", owner.token(), deviceBody()));
        }

        String freshWebhook(String event) {
            return created(api.post("/webhooks", owner.token(), webhookBody(event)));
        }

        /** The redelivery path of a delivery of the owner's webhook, once the event has reached it. */
        String freshDelivery() {
            String webhook = freshWebhook("shipment.created");
            book(owner);
            String[] delivery = new String[1];
            io.waybill.support.Eventually.eventually(() -> {
                Api.Response log = api.get("/webhooks/" + webhook + "/deliveries", owner.token());
                assertThat(log.body().get("items").size()).isPositive();
                delivery[0] = log.body().get("items").get(0).get("id").asString();
            });
            return "/webhooks/" + webhook + "/deliveries/" + delivery[0] + "/redeliver";
        }

        static Map<String, Object> flightBody() {
            return Map.of("carrier_code", "AI", "flight_number", "101", "departure_airport", "DEL",
                    "arrival_airport", "BOM", "scheduled_departure", "2026-12-24T08:00:00Z",
                    "scheduled_arrival", "2026-12-24T10:00:00Z");
        }

        String freshFlight() {
            return created(api.post("/flights", admin.token(), flightBody()));
        }

        /** The bags' two hubs, made once: the shipments module's copy of the hubs must know them first. */
        private String[] bagHubs;

        String[] bagHubs() {
            if (bagHubs == null) {
                String city = "Bagtown" + UUID.randomUUID().toString().substring(0, 8);
                String origin = created(api.post("/admin/hubs", admin.token(), Map.of("hub_name", "Hub of " + city,
                        "city", city)));
                String destination = freshHub();
                awaitEvents();
                bagHubs = new String[] {origin, destination, city};
            }
            return bagHubs;
        }

        Map<String, Object> bagBody() {
            return Map.of("origin_hub_id", bagHubs()[0], "destination_hub_id", bagHubs()[1]);
        }

        /** An open bag, assigned to the assigned agent. */
        String freshBag() {
            String bag = created(api.post("/bags", admin.token(), bagBody()));
            assertThat(api.post("/bags/" + bag + "/assign", admin.token(),
                    Map.of("agent_id", assignedAgent.id().toString())).status()).isEqualTo(200);
            return bag;
        }

        /** A shipment of the owner's, routed to the bags' origin hub. */
        String routedShipment() {
            Api.Response booked = api.post("/shipments", owner.token(), Map.of("source_address", bagHubs()[2],
                    "destination_address", "Bangalore"));
            String id = created(booked);
            io.waybill.support.Eventually.eventually(() -> assertThat(api.get("/shipments/" + id, owner.token())
                    .text("hub_id")).isEqualTo(bagHubs()[0]));
            return id;
        }

        String bagShipmentPath() {
            String shipment = routedShipment();
            String bag = freshBag();
            assertThat(api.post("/bags/" + bag + "/shipments", admin.token(), Map.of("shipment_ids", List.of(shipment)))
                    .status()).isEqualTo(200);
            return "/bags/" + bag + "/shipments/" + shipment;
        }

        /** The path of an open bag with one shipment inside. */
        String filledBag() {
            String path = bagShipmentPath();
            return path.substring(0, path.indexOf("/shipments/"));
        }

        String sealedBag() {
            String bag = filledBag();
            assertThat(api.post(bag + "/seal", admin.token(), null).status()).isEqualTo(200);
            return bag;
        }

        /** The code of a sealed bag assigned to the assigned agent, as its label's QR code reads. */
        String sealedBagCode() {
            return api.get(sealedBag(), admin.token()).text("code");
        }

        String freshRefreshToken() {
            return login(owner.email(), PASSWORD).refreshToken();
        }

        Map<String, Object> hubBody() {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            return Map.of("hub_name", "Matrix hub " + unique, "city", "Matrixtown" + unique);
        }

        Map<String, Object> vehicleBody() {
            return Map.of("registration_number", "MX-" + UUID.randomUUID().toString().substring(0, 12), "type", "van",
                    "capacity_kg", 500);
        }

        String freshHub() {
            return created(api.post("/admin/hubs", admin.token(), hubBody()));
        }

        Map<String, Object> laneBody() {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            return Map.of("origin_city", "Matrixfrom" + unique, "destination_city", "Matrixto" + unique,
                    "standard_transit_days", 3, "express_transit_days", 1);
        }

        String freshLane() {
            return created(api.post("/admin/lanes", admin.token(), laneBody()));
        }

        String freshVehicle() {
            return created(api.post("/admin/vehicles", admin.token(), vehicleBody()));
        }

        String freshUser() {
            return created(api.post("/auth/register", null,
                    Map.of("email", Api.uniqueEmail("to-delete"), "password", PASSWORD)));
        }

        String freshApiKey() {
            return created(api.post("/admin/api-keys", admin.token(),
                    Map.of("agent_id", otherAgent.id().toString(), "name", "to revoke")));
        }

        String freshOwnApiKey() {
            return created(api.post("/me/api-keys", owner.token(), Map.of("name", "to revoke")));
        }

        private Account deletedCustomer() {
            Account account = customer();
            assertThat(api.delete("/admin/users/" + account.id(), admin().token()).status()).isEqualTo(204);
            return account;
        }

        private String created(Api.Response response) {
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return response.text("id");
        }
    }
}
