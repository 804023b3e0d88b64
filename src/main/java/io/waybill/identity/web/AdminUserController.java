package io.waybill.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.identity.IdentityService;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.kernel.Role;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an account", description = "It can no longer log in and its tokens stop "
            + "working at once; its shipments are kept.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id, Caller caller) {
        identity.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
