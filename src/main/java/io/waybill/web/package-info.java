/**
 * The web pages: public tracking, sign-in, the customer portal and the admin pages, rendered on the server
 * (Thymeleaf) with a little htmx and a script of our own, their libraries served from WebJars by
 * this server. The pages call the modules' services in-process, like any adapter; they own no
 * table and publish no event. So this module runs only in a process that runs the modules it
 * calls ({@link io.waybill.kernel.Services#PAGES_NEED}, the monolith by default).
 *
 * <p>The pages have their own security chain, apart from the API's: a session cookie (HttpOnly,
 * SameSite=Lax) rather than bearer tokens, a CSRF token on every form, and a content security
 * policy that runs no inline script. A signed-in session ends when its account is deleted or its
 * owner logs out everywhere, as an access token would.
 *
 * <p>The agent's page shows the bags an agent carries and takes their scans through line haul's
 * {@link io.waybill.linehaul.BagService}, when line haul runs in this process (it runs with the
 * shipments module); without it, no bag is shown or found.
 *
 * <p>The admin dashboard's figures come from the reporting module, and the agents' map from the
 * delivery module; neither need run in the pages' process: the page then says so.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web pages",
        allowedDependencies = {"kernel", "security", "identity", "shipments", "shipments :: events", "tracking", "network", "notifications", "reporting", "care", "linehaul", "delivery"})
package io.waybill.web;
