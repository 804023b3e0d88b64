package io.waybill.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.waybill.delivery.AgentLocationService;
import io.waybill.delivery.AgentPosition;
import io.waybill.identity.IdentityService;
import io.waybill.identity.User;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' pages of the people: the live accounts ({@code /admin/pages/users}, by role, as
 * {@code GET /admin/users} lists them), one account with its deletion (as {@code DELETE /admin/users/{id}}),
 * its suspension and reinstatement and its staff role (as {@code PATCH /admin/users/{id}}),
 * and where the active agents are ({@code /admin/pages/agents}): their latest positions, from the
 * delivery module, on a map and in a table. The delivery module need not run in the pages' process:
 * the agents' page then says so. Admins only.
 */
@Controller
@Hidden
class AdminUserPages {

    private final IdentityService identity;
    private final ObjectProvider<AgentLocationService> locations;
    private final WebProperties properties;

    AdminUserPages(IdentityService identity, ObjectProvider<AgentLocationService> locations, WebProperties properties) {
        this.identity = identity;
        this.locations = locations;
        this.properties = properties;
    }

    @GetMapping("/admin/pages/users")
    String users(@RequestParam(name = "role", required = false) String role,
            @RequestParam(name = "page", required = false) Integer page, Model model) {
        AdminPages.admin();
        Role filter = role == null || role.isBlank() ? null
                : Role.fromWire(role).orElseThrow(() -> new BadParameterException("role", Role.ONE_OF));
        Page<User> users = identity.list(filter, PageQuery.of(page, PageQuery.DEFAULT_SIZE));
        model.addAttribute("users", users);
        model.addAttribute("hasNext", AdminPages.hasNext(users));
        model.addAttribute("role", filter == null ? "" : filter.wireName());
        model.addAttribute("roles", Arrays.stream(Role.values()).map(Role::wireName).toList());
        return "web/admin/users";
    }

    @GetMapping("/admin/pages/users/{id}")
    String user(@PathVariable UUID id, Model model) {
        Caller admin = AdminPages.admin();
        model.addAttribute("account", identity.account(id));
        model.addAttribute("self", admin.is(id));
        return "web/admin/user";
    }

    @PostMapping("/admin/pages/users/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        Caller admin = AdminPages.admin();
        try {
            identity.delete(admin, id);
        } catch (ConflictException refusal) {
            redirect.addFlashAttribute("problem", refusal.getMessage());
            return "redirect:/admin/pages/users/" + id;
        }
        redirect.addFlashAttribute("notice", "admin.user.deleted");
        return "redirect:/admin/pages/users";
    }

    /** Suspends an account, as {@code PATCH /admin/users/{id}} with {@code disabled: true}. */
    @PostMapping("/admin/pages/users/{id}/disable")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        return change(id, new IdentityService.AccountChange(true, null), "admin.user.disabled", redirect);
    }

    /** Reinstates an account, as {@code PATCH /admin/users/{id}} with {@code disabled: false}. */
    @PostMapping("/admin/pages/users/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        return change(id, new IdentityService.AccountChange(false, null), "admin.user.enabled", redirect);
    }

    /** Moves a staff account to the other staff role, as {@code PATCH /admin/users/{id}} with {@code role}. */
    @PostMapping("/admin/pages/users/{id}/role")
    String role(@PathVariable UUID id, @RequestParam(name = "role", required = false) String role,
            RedirectAttributes redirect) {
        AdminPages.admin();
        Role next = Role.fromRequest(role).orElse(null);
        if (next == null) {
            redirect.addFlashAttribute("problem", "The role " + Role.ONE_OF + ".");
            return "redirect:/admin/pages/users/" + id;
        }
        return change(id, new IdentityService.AccountChange(null, next), "admin.user.role_changed", redirect);
    }

    private String change(UUID id, IdentityService.AccountChange change, String notice, RedirectAttributes redirect) {
        Caller admin = AdminPages.admin();
        try {
            identity.change(admin, id, change);
        } catch (ConflictException refusal) {
            redirect.addFlashAttribute("problem", refusal.getMessage());
            return "redirect:/admin/pages/users/" + id;
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/pages/users/" + id;
    }

    @GetMapping("/admin/pages/agents")
    String agents(@RequestParam(name = "page", required = false) Integer page, Model model) {
        AdminPages.admin();
        model.addAttribute("tiles", properties.mapTilesUrl());
        model.addAttribute("tilesAttribution", properties.mapAttribution());
        AgentLocationService service = locations.getIfAvailable();
        if (service != null) {
            Page<AgentRow> agents = service.activeAgents(PageQuery.of(page, PageQuery.DEFAULT_SIZE)).map(this::row);
            model.addAttribute("agents", agents);
            model.addAttribute("hasNext", AdminPages.hasNext(agents));
        }
        return "web/admin/agents";
    }

    private AgentRow row(AgentPosition position) {
        String name;
        try {
            User agent = identity.account(position.agentId());
            name = agent.fullName() != null ? agent.fullName() : agent.email().value();
        } catch (NotFoundException deleted) {
            name = null;
        }
        return new AgentRow(position.agentId(), name, position.point().lat(), position.point().lon(),
                position.point().accuracyM(), position.point().recordedAt());
    }

    /** An agent's latest position as the page shows it; the name is null for an account deleted since. */
    record AgentRow(UUID agentId, String name, double lat, double lon, Double accuracyM, Instant recordedAt) {
    }
}
