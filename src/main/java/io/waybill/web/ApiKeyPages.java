package io.waybill.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.waybill.identity.ApiKey;
import io.waybill.identity.ApiKeyService;
import io.waybill.identity.IdentityService;
import io.waybill.identity.User;
import io.waybill.kernel.ApiScope;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.RefusalException;
import io.waybill.kernel.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' API keys page, over the identity module's {@link ApiKeyService} as
 * {@code /admin/api-keys} uses it: every key (customers' and agents'), one account's if asked; issuing
 * one for a delivery agent, whose value is shown on the answer to that form and never again (it is
 * neither stored nor kept in the session); and revoking one, after a page that asks to confirm.
 */
@Controller
@Hidden
class ApiKeyPages {

    /** The longest name a key may have, as the API's {@code name} allows. */
    static final int MAX_NAME = 100;

    private final ApiKeyService keys;
    private final IdentityService identity;
    private final Clock clock;

    ApiKeyPages(ApiKeyService keys, IdentityService identity, Clock clock) {
        this.keys = keys;
        this.identity = identity;
        this.clock = clock;
    }

    @GetMapping("/admin/pages/api-keys")
    String list(@RequestParam(name = "owner", required = false) String owner,
            @RequestParam(name = "page", required = false) Integer page, Model model) {
        AdminPages.admin();
        fillList(ownerId(owner), page, model);
        FormErrors.empty(model);
        model.addAttribute("chosenScopes", List.of());
        return "web/admin/api-keys";
    }

    @PostMapping("/admin/pages/api-keys")
    String issue(@RequestParam Map<String, String> form,
            @RequestParam(name = "scopes", required = false) List<String> scopes, Model model,
            HttpServletResponse response) {
        Caller admin = AdminPages.admin();
        model.addAttribute("chosenScopes", scopes == null ? List.of() : scopes);
        return SentForm.of(form, model, response).choices("agent_id", "scopes")
                .except(NotFoundException.class, ForbiddenException.class)
                .answer(RefusalException.class, () -> {
                    // No scope ticked: every scope an agent's key may have, as when the API's request leaves them out.
                    List<String> asked = scopes == null || scopes.isEmpty() ? null : scopes;
                    ApiKey.Issued issued = keys.createForAgent(admin, agentId(form.get("agent_id")),
                            new ApiKey.Request(name(form.get("name")), asked, expiry(form.get("expires_at")),
                                    perMinute(form.get("requests_per_minute"))));
                    model.addAttribute("issued", issued);
                    model.addAttribute("owner", agentEmails().get(issued.key().userId()));
                    response.setStatus(HttpServletResponse.SC_CREATED);
                    return "web/admin/api-key-issued";
                }, "web/admin/api-keys", () -> fillList(null, 0, model));
    }

    /** The question before a key is revoked: which key, and that it cannot be undone. */
    @GetMapping("/admin/pages/api-keys/{id}/revoke")
    String revokeForm(@PathVariable String id, Model model) {
        AdminPages.admin();
        ApiKey key = keys.get(keyId(id));
        model.addAttribute("key", key);
        model.addAttribute("owner", agentEmails().get(key.userId()));
        return "web/admin/api-key-revoke";
    }

    @PostMapping("/admin/pages/api-keys/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes redirect) {
        AdminPages.admin();
        UUID key = keyId(id);
        keys.revoke(key);
        redirect.addFlashAttribute("notice", "admin.keys.revoked");
        return "redirect:/admin/pages/api-keys";
    }

    private void fillList(UUID owner, Integer page, Model model) {
        Page<ApiKey> listed = keys.list(owner, PageQuery.of(page, PageQuery.DEFAULT_SIZE));
        model.addAttribute("keys", listed);
        model.addAttribute("hasNext", AdminPages.hasNext(listed));
        model.addAttribute("ownerFilter", owner);
        model.addAttribute("agents", agentEmails());
        model.addAttribute("scopes", List.of(ApiScope.values()).stream().map(ApiScope::wireName).toList());
        model.addAttribute("now", clock.instant());
    }

    /** The delivery agents a key may be issued for, every one of them, by id, with their email addresses. */
    private Map<UUID, String> agentEmails() {
        Map<UUID, String> agents = new LinkedHashMap<>();
        Page<User> listed;
        int page = 0;
        do {
            listed = identity.list(Role.AGENT, PageQuery.of(page++, PageQuery.MAX_SIZE));
            listed.items().stream().filter(User::isActive).forEach(agent -> agents.put(agent.id(), agent.email().value()));
        } while (AdminPages.hasNext(listed));
        return agents;
    }

    private static UUID ownerId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new BadParameterException("owner", "must be an account's id (a UUID)");
        }
    }

    private static UUID keyId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException("No such API key.");
        }
    }

    private static UUID agentId(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("agent_id", "is required: choose the delivery agent");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidRequestException("agent_id", "is not an active delivery agent");
        }
    }

    /** The name, required and at most {@value #MAX_NAME} characters, as the API's request allows. */
    private static String name(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("name", "is required: say what the key is for");
        }
        if (value.strip().length() > MAX_NAME) {
            throw new InvalidRequestException("name", "must be at most " + MAX_NAME + " characters");
        }
        return value.strip();
    }

    /** The last day a key works, as the form's date field sends it: it expires at the end of that day, UTC. */
    private static Instant expiry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            throw new InvalidRequestException("expires_at", "must be a date such as 2027-01-31");
        }
    }

    private static Integer perMinute(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException("requests_per_minute", "must be a whole number of requests");
        }
    }
}
