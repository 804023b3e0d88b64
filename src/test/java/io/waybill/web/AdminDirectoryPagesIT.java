package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import io.waybill.support.PageSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admins' users, hubs, vehicles and agents pages over plain HTTP: who may open them, their forms, their refusals. */
class AdminDirectoryPagesIT extends ApiTest {

    /** Towns of this class's own: a hub in a city other tests book from would route their shipments. */
    private static final String TOWN = "Pagetown " + UUID.randomUUID().toString().substring(0, 8);
    private static final String OTHER_TOWN = "Othertown " + UUID.randomUUID().toString().substring(0, 8);

    private static final List<String> PAGES = List.of("/admin/pages/users", "/admin/pages/hubs",
            "/admin/pages/hubs/new", "/admin/pages/vehicles", "/admin/pages/vehicles/new", "/admin/pages/agents");

    @Test
    void shouldOpenThePagesToAdminsOnlyAndSendTheSignedOutToSignIn() throws Exception {
        Account customer = customer();
        Account agent = agent();
        PageSession admin = admin(ADMIN_EMAIL);
        PageSession anonymous = new PageSession(port());
        PageSession asCustomer = PageSession.signedIn(port(), customer.email(), PASSWORD);
        PageSession asAgent = PageSession.signedIn(port(), agent.email(), PASSWORD);
        String hub = hub(admin, "Refusal hub " + UUID.randomUUID());
        List<String> pages = new java.util.ArrayList<>(PAGES);
        pages.addAll(List.of("/admin/pages/users/" + customer.id(), "/admin/pages/hubs/" + hub));

        for (String page : pages) {
            assertThat(admin.get(page).statusCode()).as(page).isEqualTo(200);
            HttpResponse<String> signedOut = anonymous.get(page);
            assertThat(signedOut.statusCode()).as(page).isEqualTo(302);
            assertThat(signedOut.headers().firstValue("Location").orElseThrow()).contains("/signin?continue=%2F");
            HttpResponse<String> refused = asCustomer.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(403);
            assertThat(refused.body()).contains("Not allowed");
            assertThat(asAgent.get(page).statusCode()).as(page).isEqualTo(403);
        }
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/pages/users\"", "href=\"/admin/pages/hubs\"",
                "href=\"/admin/pages/vehicles\"", "href=\"/admin/pages/agents\"");

        // Their own valid token does not let a customer or an agent change anything.
        String customersToken = PageSession.csrfToken(asCustomer.get("/portal/notifications").body());
        assertThat(asCustomer.post("/admin/pages/hubs", form("_csrf", customersToken, "hub_name", "Taken",
                "city", "Pune")).statusCode()).isEqualTo(403);
        assertThat(asCustomer.post("/admin/pages/users/" + agent.id() + "/delete", "_csrf=" + customersToken)
                .statusCode()).isEqualTo(403);
        String agentsToken = PageSession.csrfToken(asAgent.get("/portal/notifications").body());
        assertThat(asAgent.post("/admin/pages/hubs/" + hub, form("_csrf", agentsToken, "city", "Pune"))
                .statusCode()).isEqualTo(403);
        assertThat(asAgent.post("/admin/pages/hubs/" + hub + "/delete", "_csrf=" + agentsToken).statusCode())
                .isEqualTo(403);
        assertThat(api.get("/admin/hubs/" + hub, admin().token()).text("city")).isEqualTo(TOWN);
        assertThat(api.get("/admin/users?role=agent&size=100", admin().token()).raw()).contains(agent.id().toString());
    }

    @Test
    void shouldOpenAndChangeAHubShowingTheServicesRefusalsBesideTheirFields() throws Exception {
        PageSession admin = admin(ADMIN_EMAIL);
        String name = "Page hub " + UUID.randomUUID();
        String token = PageSession.csrfToken(admin.get("/admin/pages/hubs/new").body());
        long before = hubCount();

        assertThat(admin.post("/admin/pages/hubs", form("hub_name", name, "city", TOWN)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> outOfRange = admin.post("/admin/pages/hubs", form("_csrf", token, "hub_name", name,
                "city", TOWN, "latitude", "95", "longitude", "80.27"));
        assertThat(outOfRange.statusCode()).isEqualTo(422);
        assertThat(outOfRange.body()).contains("id=\"latitude-error\"", "must be between -90 and 90",
                "value=\"" + name + "\"").containsPattern("id=\"latitude\"[^>]*aria-invalid=\"true\"");
        HttpResponse<String> notANumber = admin.post("/admin/pages/hubs", form("_csrf", token, "hub_name", name,
                "city", TOWN, "latitude", "north"));
        assertThat(notANumber.statusCode()).isEqualTo(422);
        assertThat(notANumber.body()).contains("id=\"latitude-error\"", "must be a number of degrees");
        HttpResponse<String> noCity = admin.post("/admin/pages/hubs", form("_csrf", token, "hub_name", name,
                "city", ""));
        assertThat(noCity.body()).contains("id=\"city-error\"");
        assertThat(hubCount()).isEqualTo(before);

        String id = hub(admin, name);
        assertThat(hubCount()).isEqualTo(before + 1);
        HttpResponse<String> opened = admin.get("/admin/pages/hubs/" + id);
        assertThat(opened.body()).contains("value=\"13.0827\"", "value=\"Asia/Kolkata\"").doesNotContain("The hub is open.");
        assertThat(admin.get("/admin/pages/hubs?page=" + (hubCount() - 1) / 20).statusCode()).isEqualTo(200);

        String editToken = PageSession.csrfToken(opened.body());
        HttpResponse<String> blankName = admin.post("/admin/pages/hubs/" + id, form("_csrf", editToken,
                "hub_name", "", "city", OTHER_TOWN));
        assertThat(blankName.statusCode()).isEqualTo(422);
        assertThat(blankName.body()).contains("id=\"hub_name-error\"", "value=\"" + OTHER_TOWN + "\"");
        HttpResponse<String> badZone = admin.post("/admin/pages/hubs/" + id, form("_csrf", editToken,
                "hub_name", name, "city", OTHER_TOWN, "time_zone", "Mars/Olympus"));
        assertThat(badZone.body()).contains("id=\"time_zone-error\"");
        assertThat(api.get("/admin/hubs/" + id, admin().token()).text("city")).isEqualTo(TOWN);

        HttpResponse<String> changed = admin.post("/admin/pages/hubs/" + id, form("_csrf", editToken,
                "hub_name", name, "city", OTHER_TOWN, "address", "", "latitude", "", "longitude", "", "time_zone", ""));
        assertThat(changed.statusCode()).isEqualTo(302);
        Api.Response stored = api.get("/admin/hubs/" + id, admin().token());
        assertThat(stored.text("city")).isEqualTo(OTHER_TOWN);
        assertThat(stored.body().get("latitude").asDouble()).isEqualTo(13.0827);
        assertThat(admin.get("/admin/pages/hubs/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAddAndChangeAVehicleAtAHubShowingTheServicesRefusalsBesideTheirFields() throws Exception {
        PageSession admin = admin(ADMIN_EMAIL);
        String hubName = "Vehicle hub " + UUID.randomUUID();
        String hub = hub(admin, hubName);
        String registration = "KA" + (System.nanoTime() % 100_000_000);
        HttpResponse<String> blank = admin.get("/admin/pages/vehicles/new");
        assertThat(blank.body()).contains("<option value=\"" + hub + "\"", hubName);
        String token = PageSession.csrfToken(blank.body());

        assertThat(admin.post("/admin/pages/vehicles", form("registration_number", registration, "type", "van",
                "capacity_kg", "750")).statusCode()).isEqualTo(403);
        HttpResponse<String> noCapacity = admin.post("/admin/pages/vehicles", form("_csrf", token,
                "registration_number", registration, "type", "van", "capacity_kg", "-5", "hub_id", hub));
        assertThat(noCapacity.statusCode()).isEqualTo(422);
        assertThat(noCapacity.body()).contains("id=\"capacity_kg-error\"", "more than 0")
                .containsPattern("<option value=\"" + hub + "\" selected");
        HttpResponse<String> badType = admin.post("/admin/pages/vehicles", form("_csrf", token,
                "registration_number", registration, "type", "rocket", "capacity_kg", "750"));
        assertThat(badType.body()).contains("id=\"type-error\"", "must be one of bike, car, van, truck");
        HttpResponse<String> noHub = admin.post("/admin/pages/vehicles", form("_csrf", token,
                "registration_number", registration, "type", "van", "capacity_kg", "750", "hub_id", UUID.randomUUID().toString()));
        assertThat(noHub.body()).contains("id=\"hub_id-error\"", "is not an existing hub");
        assertThat(api.get("/admin/vehicles?size=100", admin().token()).raw()).doesNotContain(registration);

        HttpResponse<String> added = admin.post("/admin/pages/vehicles", form("_csrf", token,
                "registration_number", registration, "type", "van", "capacity_kg", "750", "hub_id", hub));
        assertThat(added.statusCode()).isEqualTo(302);
        String id = added.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        Api.Response stored = api.get("/admin/vehicles/" + id, admin().token());
        assertThat(stored.text("hub_id")).isEqualTo(hub);
        assertThat(stored.text("status")).isEqualTo("available");

        String editToken = PageSession.csrfToken(admin.get("/admin/pages/vehicles/" + id).body());
        HttpResponse<String> badStatus = admin.post("/admin/pages/vehicles/" + id, form("_csrf", editToken,
                "registration_number", registration, "capacity_kg", "lots", "status", "maintenance"));
        assertThat(badStatus.statusCode()).isEqualTo(422);
        assertThat(badStatus.body()).contains("id=\"capacity_kg-error\"");
        assertThat(admin.post("/admin/pages/vehicles/" + id, form("_csrf", editToken, "registration_number",
                registration, "type", "truck", "capacity_kg", "900", "status", "maintenance")).statusCode()).isEqualTo(302);
        stored = api.get("/admin/vehicles/" + id, admin().token());
        assertThat(stored.text("status")).isEqualTo("maintenance");
        assertThat(stored.text("type")).isEqualTo("truck");
        assertThat(stored.text("hub_id")).isEqualTo(hub);
        assertThat(admin.get("/admin/pages/vehicles").body()).contains(registration);
        HttpResponse<String> taken = admin.post("/admin/pages/vehicles", form("_csrf", token,
                "registration_number", registration.toLowerCase(), "type", "car", "capacity_kg", "400"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("id=\"form-error\"", "already exists");

        // A hub with a vehicle based there stays open; once the vehicle is removed it closes.
        HttpResponse<String> kept = admin.post("/admin/pages/hubs/" + hub + "/delete", "_csrf=" + editToken);
        assertThat(kept.headers().firstValue("Location").orElseThrow()).endsWith("/admin/pages/hubs/" + hub);
        assertThat(admin.get("/admin/pages/hubs/" + hub).body()).contains("Vehicles are based at this hub");
        assertThat(api.get("/admin/hubs/" + hub, admin().token()).status()).isEqualTo(200);
        String removeVehicle = "/admin/pages/vehicles/" + id + "/delete";
        assertThat(admin.get("/admin/pages/vehicles/" + id).body()).contains("action=\"" + removeVehicle + "\"");
        assertThat(admin.post(removeVehicle, "").statusCode()).isEqualTo(403);
        assertThat(api.get("/admin/vehicles/" + id, admin().token()).status()).isEqualTo(200);
        HttpResponse<String> removed = admin.post(removeVehicle, "_csrf=" + editToken);
        assertThat(removed.headers().firstValue("Location").orElseThrow()).endsWith("/admin/pages/vehicles");
        assertThat(admin.get("/admin/pages/vehicles").body()).contains("The vehicle is removed.");
        assertThat(api.get("/admin/vehicles/" + id, admin().token()).status()).isEqualTo(404);
        HttpResponse<String> closed = admin.post("/admin/pages/hubs/" + hub + "/delete", "_csrf=" + editToken);
        assertThat(closed.headers().firstValue("Location").orElseThrow()).endsWith("/admin/pages/hubs");
        assertThat(admin.get("/admin/pages/hubs").body()).contains("The hub is closed.");
        assertThat(api.get("/admin/hubs/" + hub, admin().token()).status()).isEqualTo(404);
        assertThat(admin.post(removeVehicle, "_csrf=" + editToken).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldListUsersByRoleShowOneAndDeleteItOnlyWithTheFormsToken() throws Exception {
        Account customer = customer();
        Account agent = agent();
        Account otherAdmin = register("admin", admin().token());
        PageSession admin = admin(otherAdmin.email());

        HttpResponse<String> agents = admin.get("/admin/pages/users?role=agent&size=100");
        assertThat(agents.statusCode()).isEqualTo(200);
        assertThat(agents.body()).contains("<option value=\"agent\" selected");
        assertThat(all(admin, "agent")).contains(agent.email()).doesNotContain(customer.email());
        assertThat(all(admin, "customer")).contains(customer.email()).doesNotContain(agent.email());
        assertThat(admin.get("/admin/pages/users?role=boss").statusCode()).isEqualTo(400);

        HttpResponse<String> page = admin.get("/admin/pages/users/" + customer.id());
        assertThat(page.body()).contains(customer.email(), "Test customer", "Customer",
                "/admin/pages/audit?actor_id=" + customer.id());
        String delete = "/admin/pages/users/" + customer.id() + "/delete";
        assertThat(page.body()).contains("action=\"" + delete + "\"");
        String token = PageSession.csrfToken(page.body());
        assertThat(admin.post(delete, "").statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/pages/users/" + customer.id()).statusCode()).isEqualTo(200);

        HttpResponse<String> deleted = admin.post(delete, "_csrf=" + token);
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(admin.get(deleted.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", ""))
                .body()).contains("The account is deleted.");
        assertThat(admin.get("/admin/pages/users/" + customer.id()).statusCode()).isEqualTo(404);
        assertThat(api.post("/auth/login", null, Map.of("email", customer.email(), "password", PASSWORD)).status())
                .isEqualTo(401);
        // The deletion is in the audit log with the admin who made it through the page.
        io.waybill.support.Eventually.eventually(() -> assertThat(api.get("/admin/audit?kind=admin_action&actor_id="
                + otherAdmin.id() + "&action=POST%20" + delete, otherAdmin.token()).raw())
                .contains("\"path\":\"" + delete + "\"", "\"credential\":\"session\"", "\"status\":302"));

        // An admin's own page offers no deletion, and the service refuses it if sent anyway.
        HttpResponse<String> own = admin.get("/admin/pages/users/" + otherAdmin.id());
        assertThat(own.body()).doesNotContain("/delete\"");
        HttpResponse<String> self = admin.post("/admin/pages/users/" + otherAdmin.id() + "/delete", "_csrf=" + token);
        assertThat(self.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/pages/users/" + otherAdmin.id()).body())
                .contains("An admin cannot delete their own account.");
        assertThat(admin.get("/admin/pages/users/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldShowAnActiveAgentsLatestPositionOnTheMapAndInTheTable() throws Exception {
        Account agent = agent();
        Instant now = Instant.now();
        Api.Response reported = api.post("/agents/me/locations", agent.token(), Map.of("points", List.of(
                Map.of("lat", 12.9716, "lon", 77.5946, "accuracy_m", 8.5, "recorded_at", now.minusSeconds(60).toString()),
                Map.of("lat", 12.9720, "lon", 77.5950, "accuracy_m", 8.5, "recorded_at", now.minusSeconds(30).toString()))));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);

        PageSession admin = admin(ADMIN_EMAIL);
        String body = admin.get("/admin/pages/agents?page=0").body();
        int pages = 0;
        while (!body.contains(agent.id().toString()) && body.contains(">Next page<") && pages++ < 50) {
            body = admin.get("/admin/pages/agents?page=" + pages).body();
        }
        assertThat(body).contains("/admin/pages/users/" + agent.id(), "Test agent", "12.97200, 77.59500",
                "data-lat=\"12.972\"", "data-lon=\"77.595\"", "id=\"map\"", "data-route=\"none\"", "/assets/map.js")
                .doesNotContain("12.97160");
        assertThat(admin.get("/admin/pages/agents?page=-1").statusCode()).isEqualTo(400);
    }

    private PageSession admin(String email) throws Exception {
        return PageSession.signedIn(port(), email, email.equals(ADMIN_EMAIL) ? ADMIN_PASSWORD : PASSWORD);
    }

    /** Opens a hub in {@link #TOWN} through the page's form and returns its id. */
    private String hub(PageSession admin, String name) throws Exception {
        String token = PageSession.csrfToken(admin.get("/admin/pages/hubs/new").body());
        HttpResponse<String> added = admin.post("/admin/pages/hubs", form("_csrf", token, "hub_name", name,
                "city", TOWN, "address", "1 Anna Salai", "latitude", "13.0827", "longitude", "80.2707",
                "time_zone", "Asia/Kolkata"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        String location = added.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/admin/pages/hubs/");
        String id = location.replaceAll(".*/", "");
        assertThat(admin.get("/admin/pages/hubs/" + id).body()).contains("The hub is open.");
        return id;
    }

    private long hubCount() {
        return api.get("/admin/hubs", admin().token()).body().get("total").asLong();
    }

    @Test
    void shouldSuspendReinstateAndReroleAnAccountAndAssignAVehicleFromThePages() throws Exception {
        Account agent = agent();
        Account otherAdmin = register("admin", admin().token());
        PageSession admin = admin(otherAdmin.email());
        String userPage = "/admin/pages/users/" + agent.id();

        HttpResponse<String> page = admin.get(userPage);
        assertThat(page.body()).contains("action=\"" + userPage + "/disable\"", "action=\"" + userPage + "/role\"",
                "Enabled");
        String token = PageSession.csrfToken(page.body());
        assertThat(admin.post(userPage + "/disable", "").statusCode()).isEqualTo(403);

        assertThat(admin.post(userPage + "/disable", "_csrf=" + token).statusCode()).isEqualTo(302);
        HttpResponse<String> disabled = admin.get(userPage);
        assertThat(disabled.body()).contains("The account is disabled.", "Disabled by an admin",
                "action=\"" + userPage + "/enable\"");
        assertThat(api.post("/auth/login", null, Map.of("email", agent.email(), "password", PASSWORD)).status())
                .isEqualTo(403);
        assertThat(admin.post(userPage + "/enable", "_csrf=" + token).statusCode()).isEqualTo(302);
        assertThat(admin.get(userPage).body()).contains("The account is enabled.");
        assertThat(api.post("/auth/login", null, Map.of("email", agent.email(), "password", PASSWORD)).status())
                .isEqualTo(200);

        assertThat(admin.post(userPage + "/role", form("_csrf", token, "role", "admin")).statusCode()).isEqualTo(302);
        assertThat(admin.get(userPage).body()).contains("The role is changed.");
        assertThat(api.get("/admin/users/" + agent.id(), otherAdmin.token()).text("role")).isEqualTo("admin");
        assertThat(admin.post(userPage + "/role", form("_csrf", token, "role", "agent")).statusCode()).isEqualTo(302);
        // Not on the admin's own account: the page offers nothing, the service refuses what is sent anyway.
        String ownPage = "/admin/pages/users/" + otherAdmin.id();
        assertThat(admin.get(ownPage).body()).doesNotContain("/disable\"").doesNotContain("/role\"");
        assertThat(admin.post(ownPage + "/disable", "_csrf=" + token).statusCode()).isEqualTo(302);
        assertThat(admin.get(ownPage).body()).contains("An admin cannot disable their own account.");

        String vehicle = api.post("/admin/vehicles", otherAdmin.token(), Map.of("registration_number",
                "KA" + (System.nanoTime() % 100_000_000), "type", "bike", "capacity_kg", 30)).text("id");
        String vehiclePage = "/admin/pages/vehicles/" + vehicle;
        assertThat(admin.get(vehiclePage).body()).contains("action=\"" + vehiclePage + "/agent\"",
                "<option value=\"" + agent.id() + "\"");
        assertThat(admin.post(vehiclePage + "/agent", form("_csrf", token, "agent_id", agent.id().toString()))
                .statusCode()).isEqualTo(302);
        assertThat(admin.get(vehiclePage).body()).contains("The agent of the vehicle is changed.");
        assertThat(api.get("/admin/vehicles/" + vehicle, otherAdmin.token()).text("agent_id"))
                .isEqualTo(agent.id().toString());
        assertThat(admin.post(vehiclePage + "/agent", form("_csrf", token, "agent_id", "")).statusCode())
                .isEqualTo(302);
        assertThat(api.get("/admin/vehicles/" + vehicle, otherAdmin.token()).body().get("agent_id").isNull()).isTrue();
    }

    /** Every page of the users list of a role, as one text. */
    private String all(PageSession admin, String role) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int page = 0; page < 100; page++) {
            String body = admin.get("/admin/pages/users?role=" + role + "&page=" + page).body();
            text.append(body);
            if (!body.contains(">Next page<")) {
                break;
            }
        }
        return text.toString();
    }

    private static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
