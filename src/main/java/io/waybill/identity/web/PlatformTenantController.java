package io.waybill.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.identity.Tenant;
import io.waybill.identity.TenantService;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.security.AuditActor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/platform/tenants")
@PreAuthorize("hasRole('PLATFORM')")
@Tag(name = "Platform: tenants", description = "Courier companies on this deployment (platform operators only)")
class PlatformTenantController {

    private final TenantService tenants;

    PlatformTenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a tenant with its first admin", description = "The admin can log in at once "
            + "with the tenant's slug, and is sent an email to verify the address.")
    @ApiResponse(responseCode = "201", description = "The tenant and its first admin")
    @ApiResponse(responseCode = "409", description = "A tenant has this slug")
    ResponseEntity<OpenedTenantResponse> open(@Valid @RequestBody NewTenantRequest request, Caller caller,
            HttpServletRequest http) {
        TenantService.OpenedTenant opened = tenants.open(caller, new TenantService.NewTenant(request.slug(),
                request.displayName(), request.adminEmail(), request.adminPassword(), request.adminName()));
        AuditActor.changedTenant(http, opened.tenant().id());
        return ResponseEntity.created(URI.create("/platform/tenants/" + opened.tenant().id()))
                .body(OpenedTenantResponse.of(opened));
    }

    @GetMapping
    @Operation(summary = "List the tenants, oldest first")
    Page<TenantResponse> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return tenants.list(caller, PageQuery.of(page, size)).map(TenantResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One tenant")
    @ApiResponse(responseCode = "404", description = "No such tenant")
    TenantResponse get(@PathVariable UUID id, Caller caller) {
        return TenantResponse.of(tenants.find(caller, id));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a tenant's settings", description = "As PATCH /admin/tenant does for its own "
            + "tenant's admin: fields left out stay as they are.")
    @ApiResponse(responseCode = "200", description = "The tenant's settings now")
    @ApiResponse(responseCode = "404", description = "No such tenant")
    @ApiResponse(responseCode = "422", description = "A bad value; the problem names the field")
    TenantSettingsResponse changeSettings(@PathVariable UUID id, @RequestBody TenantSettingsRequest request,
            Caller caller, HttpServletRequest http) {
        TenantSettingsResponse changed = TenantSettingsResponse.of(tenants.changeSettings(caller, id,
                request.toChange()));
        // The tenant's admins see in their audit log that the platform operator changed their settings.
        AuditActor.changedTenant(http, id);
        return changed;
    }

    record NewTenantRequest(@Schema(example = "acme", description = "Lower-case letters, digits and dashes; "
            + "what its people name when they sign in") @NotBlank @Size(max = 63) String slug,
            @Schema(example = "Acme Couriers") @NotBlank @Size(max = 200) String displayName,
            @Schema(example = "ops@acme.example") @NotBlank @Size(max = 254) String adminEmail,
            @Schema(example = "correct-horse-battery") @NotBlank String adminPassword,
            @Schema(example = "Asha Rao") @Size(max = 200) String adminName) {
    }

    record TenantResponse(UUID id, String slug, String displayName, Instant createdAt) {

        static TenantResponse of(Tenant tenant) {
            return new TenantResponse(tenant.id(), tenant.slug(), tenant.displayName(), tenant.createdAt());
        }
    }

    /** A tenant just opened, with its first admin's account. */
    record OpenedTenantResponse(UUID id, String slug, String displayName, Instant createdAt, UserResponse admin) {

        static OpenedTenantResponse of(TenantService.OpenedTenant opened) {
            Tenant tenant = opened.tenant();
            return new OpenedTenantResponse(tenant.id(), tenant.slug(), tenant.displayName(), tenant.createdAt(),
                    UserResponse.of(opened.admin()));
        }
    }
}
