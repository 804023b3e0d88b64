package io.waybill.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.identity.TenantService;
import io.waybill.kernel.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/tenant")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: tenant settings", description = "The settings of the admin's own tenant")
class AdminTenantController {

    private final TenantService tenants;

    AdminTenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    @Operation(summary = "The settings of the caller's tenant")
    TenantSettingsResponse get(Caller caller) {
        return TenantSettingsResponse.of(tenants.settings(caller));
    }

    @PatchMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the settings of the caller's tenant", description = "Fields left out stay as "
            + "they are; a blank sender_email or sender_name goes back to the deployment's. The change is "
            + "published to the other modules (the carrier's name on public tracking, the proofs accepted, "
            + "the sender of the tenant's mail) and audited.")
    @ApiResponse(responseCode = "200", description = "The settings now")
    @ApiResponse(responseCode = "422", description = "A bad value; the problem names the field")
    TenantSettingsResponse change(@RequestBody TenantSettingsRequest request, Caller caller) {
        return TenantSettingsResponse.of(tenants.changeSettings(caller, request.toChange()));
    }
}
