package io.waybill.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.identity.AccountTenants;
import io.waybill.identity.ProviderSignIn;
import io.waybill.kernel.NoApiKeys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API's end of a sign-in with an identity provider: the one-time code becomes Waybill's tokens. */
@RestController
@RequestMapping("/auth/oidc")
@Tag(name = "Auth", description = "Accounts and tokens")
class ProviderSignInController {

    private final ProviderSignIn signIns;
    private final AccountTenants tenants;

    ProviderSignInController(ProviderSignIn signIns, AccountTenants tenants) {
        this.signIns = signIns;
        this.tenants = tenants;
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    @NoApiKeys
    @Operation(summary = "Trade a provider sign-in's one-time code for tokens", description = "The code comes "
            + "from GET /auth/oidc/{registration} (to the app's return URI, or as JSON); it is good once, for 60 "
            + "seconds. The answer is the pair POST /auth/login gives.")
    @SecurityRequirements
    @ApiResponse(responseCode = "401", description = "The code is invalid, expired or already used")
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins from this address")
    AuthController.TokenResponse token(@Valid @RequestBody CodeRequest request) {
        tenants.bindForAccountToken(request.code());
        return AuthController.TokenResponse.of(signIns.redeem(request.code()));
    }

    record CodeRequest(@NotBlank @Size(max = 200) String code) {
    }
}
