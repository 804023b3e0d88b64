package io.waybill.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.identity.ApiKey;
import io.waybill.identity.ApiKeyService;
import io.waybill.kernel.Caller;
import io.waybill.kernel.NoApiKeys;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

/** An account's own API keys: a customer issues them (a shop integrating with its account); owners list and revoke. */
@RestController
@RequestMapping("/me/api-keys")
@Tag(name = "API keys", description = "Your own keys for integrations (X-API-Key); managed with a bearer token only")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('CUSTOMER')")
    @NoApiKeys
    @Operation(summary = "Issue an API key of your own", description = "Customers; the key acts for you within its "
            + "scopes (default: tracking:read and shipments:write), until expires_at (at most two years ahead; "
            + "none: never), at requests_per_minute (none: your tenant's api-key budget, else the server's default; "
            + "that is also the most a key of your own may have: 422 above it). The key is in this answer only. "
            + "409 beyond the number of keys an account may have (10 by default).")
    @ApiResponse(responseCode = "201", description = "The key, shown this once")
    @ApiResponse(responseCode = "409", description = "The account has the most keys it may have")
    ResponseEntity<CreatedKeyResponse> create(@Valid @RequestBody OwnKeyRequest request, Caller caller) {
        ApiKey.Issued issued = keys.createOwn(caller, new ApiKey.Request(request.name(), request.scopes(),
                request.expiresAt(), request.requestsPerMinute()));
        return ResponseEntity.created(URI.create("/me/api-keys/" + issued.key().id()))
                .body(CreatedKeyResponse.of(issued));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('CUSTOMER', 'AGENT')")
    @NoApiKeys
    @Operation(summary = "Your API keys, newest first", description = "Never the keys themselves: their prefix "
            + "identifies them. An agent sees the keys an admin issued for them.")
    Page<KeyResponse> list(Caller caller, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return keys.listOwn(caller, PageQuery.of(page, size)).map(KeyResponse::of);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('CUSTOMER', 'AGENT')")
    @NoApiKeys
    @Operation(summary = "Revoke one of your API keys", description = "Requests with it are refused from now on.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID id) {
        keys.revokeOwn(caller, id);
        return ResponseEntity.noContent().build();
    }

    record OwnKeyRequest(@NotBlank @Size(max = 100) @Schema(example = "Shop integration") String name,
            @ArraySchema(schema = @Schema(example = "tracking:read", allowableValues = {"tracking:read",
                    "shipments:write", "scans:write"})) List<String> scopes,
            Instant expiresAt, Integer requestsPerMinute) {
    }
}
