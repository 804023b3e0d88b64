package io.waybill.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.identity.ApiKey;
import io.waybill.identity.ApiKeyService;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/api-keys")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: API keys", description = "Keys that let an integration act as an account (X-API-Key)")
class AdminApiKeyController {

    private final ApiKeyService keys;

    AdminApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue an API key for a delivery agent", description = "The key is in this answer "
            + "only: it is stored hashed and cannot be shown again. scopes default to every scope an agent's key "
            + "may have (tracking:read, scans:write). 409 when the agent already has the most keys an account may "
            + "have.")
    @ApiResponse(responseCode = "201", description = "The key, shown this once")
    @ApiResponse(responseCode = "409", description = "The agent has the most keys an account may have")
    ResponseEntity<CreatedKeyResponse> create(@Valid @RequestBody CreateKeyRequest request, Caller caller) {
        ApiKey.Issued issued = keys.createForAgent(caller, request.agentId(), request.terms());
        return ResponseEntity.created(URI.create("/admin/api-keys/" + issued.key().id()))
                .body(CreatedKeyResponse.of(issued));
    }

    @GetMapping
    @Operation(summary = "List API keys, newest first, optionally of one account", description = "Customers' and "
            + "agents' keys alike; never the keys themselves: their prefix identifies them.")
    Page<KeyResponse> list(@RequestParam(name = "agent_id", required = false) UUID agentId,
            @RequestParam(name = "user_id", required = false) UUID userId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return keys.list(userId != null ? userId : agentId, PageQuery.of(page, size)).map(KeyResponse::of);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key", description = "Requests with it are refused from now on.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }

    record CreateKeyRequest(@NotNull UUID agentId, @NotBlank @Size(max = 100) String name,
            @Schema(description = "Default: every scope an agent's key may have") List<String> scopes,
            Instant expiresAt, Integer requestsPerMinute) {

        ApiKey.Request terms() {
            return new ApiKey.Request(name, scopes, expiresAt, requestsPerMinute);
        }
    }
}
