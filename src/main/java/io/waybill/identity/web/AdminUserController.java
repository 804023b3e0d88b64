package io.waybill.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.identity.IdentityService;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.Caller;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.Role;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: users")
class AdminUserController {

    private final IdentityService identity;

    AdminUserController(IdentityService identity) {
        this.identity = identity;
    }

    @GetMapping
    @Operation(summary = "List live accounts, optionally of one role")
    Page<UserResponse> list(@RequestParam(required = false) String role,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Role filter = role == null || role.isBlank() ? null
                : Role.fromRequest(role).orElseThrow(() -> new BadParameterException("role", Role.ONE_OF));
        return identity.list(filter, PageQuery.of(page, size)).map(UserResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account", description = "Never its password hash. 404 for an unknown or deleted "
            + "account, or another tenant's.")
    UserResponse get(@PathVariable UUID id) {
        return UserResponse.of(identity.account(id));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Disable, enable or re-role an account", description = "disabled: true suspends the "
            + "account (it cannot log in; its tokens, refresh tokens and API keys stop working at once; its live "
            + "streams end; its data stays), false reinstates it (tokens issued before stay refused). role: agent "
            + "or admin, between those two only (409 for a customer account or to make one); its access tokens "
            + "stop working. Not on the admin's own account (409). Fields left out stay as they are.")
    UserResponse change(@PathVariable UUID id, @RequestBody AccountChangeRequest request, Caller caller) {
        return UserResponse.of(identity.change(caller, id, request.change()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an account", description = "It can no longer log in and its tokens stop "
            + "working at once; its shipments are kept.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id, Caller caller) {
        identity.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    record AccountChangeRequest(Boolean disabled, String role) {

        IdentityService.AccountChange change() {
            if (disabled == null && role == null) {
                throw new InvalidRequestException("disabled", "or role is required: nothing to change");
            }
            return new IdentityService.AccountChange(disabled, role == null ? null : Role.parse("role", role));
        }
    }
}
