package io.waybill.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.waybill.identity.IdentityService;
import io.waybill.identity.User;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.RefusalException;
import io.waybill.kernel.Role;
import io.waybill.network.Hub;
import io.waybill.network.NetworkService;
import io.waybill.network.Vehicle;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * The admins' pages of the network module: hubs and vehicles, listed, opened and changed as
 * {@code /admin/hubs} and {@code /admin/vehicles} do. The rules (required fields, ranges, a hub that
 * exists) are the network module's; a refusal shows beside the field it names. A field left blank in
 * a change clears a text (so a required one is refused) and keeps a number or a choice, as the API's
 * left-out fields do. A hub is closed and a vehicle removed as the API's {@code DELETE} does. Admins only.
 */
@Controller
@Hidden
class AdminNetworkPages {

    private static final String HUB_FORM = "web/admin/hub-form";
    private static final String VEHICLE_FORM = "web/admin/vehicle-form";

    private final NetworkService network;
    private final IdentityService identity;

    AdminNetworkPages(NetworkService network, IdentityService identity) {
        this.network = network;
        this.identity = identity;
    }

    @GetMapping("/admin/pages/hubs")
    String hubs(@RequestParam(name = "page", required = false) Integer page, Model model) {
        AdminPages.admin();
        Page<Hub> hubs = network.hubs(PageQuery.of(page, PageQuery.DEFAULT_SIZE));
        model.addAttribute("hubs", hubs);
        model.addAttribute("hasNext", AdminPages.hasNext(hubs));
        return "web/admin/hubs";
    }

    @GetMapping("/admin/pages/hubs/new")
    String newHub(Model model) {
        AdminPages.admin();
        FormErrors.empty(model);
        return HUB_FORM;
    }

    @PostMapping("/admin/pages/hubs")
    String addHub(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        AdminPages.admin();
        return SentForm.of(form, model, response).answer(RefusalException.class, () -> {
            Hub hub = network.addHub(hubChange(form));
            redirect.addFlashAttribute("notice", "admin.hub.added");
            return "redirect:/admin/pages/hubs/" + hub.id();
        }, HUB_FORM);
    }

    @GetMapping("/admin/pages/hubs/{id}")
    String hub(@PathVariable UUID id, Model model) {
        AdminPages.admin();
        Hub hub = network.hub(id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub_name", hub.hubName());
        form.put("city", hub.city());
        form.put("address", hub.address());
        form.put("latitude", hub.latitude() == null ? null : hub.latitude().toString());
        form.put("longitude", hub.longitude() == null ? null : hub.longitude().toString());
        form.put("time_zone", hub.timeZone());
        model.addAttribute("hub", hub);
        model.addAttribute("form", form);
        model.addAttribute("errors", Map.of());
        return HUB_FORM;
    }

    @PostMapping("/admin/pages/hubs/{id}")
    String changeHub(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        AdminPages.admin();
        return SentForm.of(form, model, response).answer(RefusalException.class, () -> {
            network.changeHub(id, hubChange(form));
            redirect.addFlashAttribute("notice", "admin.hub.changed");
            return "redirect:/admin/pages/hubs/" + id;
        }, HUB_FORM, () -> model.addAttribute("hub", network.hub(id)));
    }

    /** Closes a hub, as {@code DELETE /admin/hubs/{id}}; refused while vehicles are based there. */
    @PostMapping("/admin/pages/hubs/{id}/delete")
    String removeHub(@PathVariable UUID id, RedirectAttributes redirect) {
        AdminPages.admin();
        try {
            network.removeHub(id);
        } catch (ConflictException refusal) {
            redirect.addFlashAttribute("problem", refusal.getMessage());
            return "redirect:/admin/pages/hubs/" + id;
        }
        redirect.addFlashAttribute("notice", "admin.hub.removed");
        return "redirect:/admin/pages/hubs";
    }

    @GetMapping("/admin/pages/vehicles")
    String vehicles(@RequestParam(name = "page", required = false) Integer page, Model model) {
        AdminPages.admin();
        Page<Vehicle> vehicles = network.vehicles(PageQuery.of(page, PageQuery.DEFAULT_SIZE));
        model.addAttribute("vehicles", vehicles);
        model.addAttribute("hasNext", AdminPages.hasNext(vehicles));
        model.addAttribute("hubNames", hubNames());
        return "web/admin/vehicles";
    }

    @GetMapping("/admin/pages/vehicles/new")
    String newVehicle(Model model) {
        AdminPages.admin();
        FormErrors.empty(model);
        return vehicleForm(model);
    }

    @PostMapping("/admin/pages/vehicles")
    String addVehicle(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        AdminPages.admin();
        return SentForm.of(form, model, response).answer(RefusalException.class, () -> {
            Vehicle vehicle = network.addVehicle(vehicleChange(form));
            redirect.addFlashAttribute("notice", "admin.vehicle.added");
            return "redirect:/admin/pages/vehicles/" + vehicle.id();
        }, VEHICLE_FORM, () -> vehicleForm(model));
    }

    @GetMapping("/admin/pages/vehicles/{id}")
    String vehicle(@PathVariable UUID id, Model model) {
        AdminPages.admin();
        Vehicle vehicle = network.vehicle(id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("registration_number", vehicle.registrationNumber());
        form.put("type", wire(vehicle.type()));
        form.put("capacity_kg", vehicle.capacityKg().stripTrailingZeros().toPlainString());
        form.put("hub_id", vehicle.hubId() == null ? "" : vehicle.hubId().toString());
        form.put("status", wire(vehicle.status()));
        model.addAttribute("vehicle", vehicle);
        model.addAttribute("form", form);
        model.addAttribute("errors", Map.of());
        return vehicleForm(model);
    }

    @PostMapping("/admin/pages/vehicles/{id}")
    String changeVehicle(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        AdminPages.admin();
        return SentForm.of(form, model, response).answer(RefusalException.class, () -> {
            network.changeVehicle(id, vehicleChange(form));
            redirect.addFlashAttribute("notice", "admin.vehicle.changed");
            return "redirect:/admin/pages/vehicles/" + id;
        }, VEHICLE_FORM, () -> {
            model.addAttribute("vehicle", network.vehicle(id));
            vehicleForm(model);
        });
    }

    /** Assigns the vehicle to an agent, or to nobody (a blank choice), as {@code PUT /admin/vehicles/{id}/agent}. */
    @PostMapping("/admin/pages/vehicles/{id}/agent")
    String assignVehicle(@PathVariable UUID id, @RequestParam(name = "agent_id", required = false) String agentId,
            RedirectAttributes redirect) {
        AdminPages.admin();
        try {
            network.assignVehicle(id, agentId == null || agentId.isBlank() ? null : UUID.fromString(agentId.strip()));
            redirect.addFlashAttribute("notice", "admin.vehicle.assigned");
        } catch (InvalidRequestException | ConflictException refusal) {
            redirect.addFlashAttribute("problem", refusal.getMessage());
        } catch (IllegalArgumentException notAnId) {
            redirect.addFlashAttribute("problem", "The agent is not an account id.");
        }
        return "redirect:/admin/pages/vehicles/" + id;
    }

    /** Removes a vehicle from the fleet, as {@code DELETE /admin/vehicles/{id}}. */
    @PostMapping("/admin/pages/vehicles/{id}/delete")
    String removeVehicle(@PathVariable UUID id, RedirectAttributes redirect) {
        AdminPages.admin();
        network.removeVehicle(id);
        redirect.addFlashAttribute("notice", "admin.vehicle.removed");
        return "redirect:/admin/pages/vehicles";
    }

    private String vehicleForm(Model model) {
        // The first page of agents is the choice: a fleet's admin picks among its live agents.
        model.addAttribute("agentChoices", identity.list(Role.AGENT, PageQuery.of(0, PageQuery.MAX_SIZE)).items()
                .stream().filter(User::canSignIn).toList());
        model.addAttribute("hubChoices", network.allHubs());
        model.addAttribute("types", wireNames(Vehicle.Type.values()));
        model.addAttribute("statuses", wireNames(Vehicle.Status.values()));
        return VEHICLE_FORM;
    }

    private Map<UUID, String> hubNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        network.allHubs().forEach(hub -> names.put(hub.id(), hub.hubName()));
        return names;
    }

    private static NetworkService.HubChange hubChange(Map<String, String> form) {
        return new NetworkService.HubChange(form.get("hub_name"), form.get("city"), form.get("address"),
                degrees("latitude", form.get("latitude")), degrees("longitude", form.get("longitude")),
                form.get("time_zone"));
    }

    private static NetworkService.VehicleChange vehicleChange(Map<String, String> form) {
        return new NetworkService.VehicleChange(form.get("registration_number"), form.get("type"),
                FormErrors.number("capacity_kg", form.get("capacity_kg"), "must be a number of kilograms, e.g. 750"),
                hubId(form.get("hub_id")), form.get("status"));
    }

    private static Double degrees(String field, String value) {
        BigDecimal number = FormErrors.number(field, value, "must be a number of degrees, e.g. 12.9716");
        return number == null ? null : number.doubleValue();
    }

    private static UUID hubId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidRequestException("hub_id", "is not an existing hub");
        }
    }

    private static String wire(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> wireNames(Enum<?>[] constants) {
        return Arrays.stream(constants).map(AdminNetworkPages::wire).toList();
    }
}
