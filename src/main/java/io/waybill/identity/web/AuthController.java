package io.waybill.identity.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.identity.AccountTenants;
import io.waybill.identity.EmailVerificationService;
import io.waybill.identity.IdentityService;
import io.waybill.identity.PasswordResetService;
import io.waybill.identity.TokenPair;
import io.waybill.identity.User;
import io.waybill.kernel.Caller;
import io.waybill.kernel.NoApiKeys;
import io.waybill.kernel.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/auth")
@Tag(name = "Auth", description = "Accounts and tokens")
class AuthController {

    private static final String TENANT = "The slug of the account's tenant (company); none for the default tenant";

    private final IdentityService identity;
    private final EmailVerificationService verification;
    private final PasswordResetService passwordReset;
    private final AccountTenants tenants;

    AuthController(IdentityService identity, EmailVerificationService verification, PasswordResetService passwordReset,
            AccountTenants tenants) {
        this.identity = identity;
        this.verification = verification;
        this.passwordReset = passwordReset;
        this.tenants = tenants;
    }

    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    @NoApiKeys
    @Operation(summary = "Open an account", description = "Anyone may open a customer account; creating an agent "
            + "or admin account needs an admin's token.")
    @SecurityRequirements
    @ApiResponse(responseCode = "201", description = "The account")
    @ApiResponse(responseCode = "409", description = "An account with this email exists")
    @ApiResponse(responseCode = "429", description = "Too many registrations from this address")
    ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterRequest request, Caller caller) {
        Role role = request.role() == null ? Role.CUSTOMER : Role.parse("role", request.role());
        tenants.bindForRegistration(request.tenant());
        User user = identity.register(caller, new IdentityService.Registration(request.email(), request.password(),
                request.fullName(), request.phone(), role));
        return ResponseEntity.created(URI.create("/admin/users/" + user.id())).body(UserResponse.of(user));
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    @NoApiKeys
    @Operation(summary = "Log in with email and password")
    @SecurityRequirements
    @ApiResponse(responseCode = "401", description = "Wrong email or password")
    @ApiResponse(responseCode = "422", description = "A malformed email, or a tenant slug no tenant has")
    @ApiResponse(responseCode = "429", description = "Too many failed logins for this account or from this address")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        tenants.bindForSignIn(request.tenant());
        return TokenResponse.of(identity.login(request.email(), request.password(), http.getRemoteAddr()));
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @NoApiKeys
    @Operation(summary = "Log in with the OAuth2 password flow", description = "The form Swagger UI's Authorize "
            + "button sends: the email goes in 'username'.")
    @SecurityRequirements
    @ApiResponse(responseCode = "401", description = "Wrong email or password")
    @ApiResponse(responseCode = "422", description = "A tenant slug no tenant has")
    @ApiResponse(responseCode = "429", description = "Too many failed logins for this account or from this address")
    TokenResponse loginWithForm(@RequestParam String username, @RequestParam String password,
            @RequestParam(required = false) String tenant, HttpServletRequest http) {
        tenants.bindForSignIn(tenant);
        return TokenResponse.of(identity.login(username, password, http.getRemoteAddr()));
    }

    @PostMapping(path = "/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    @NoApiKeys
    @Operation(summary = "Trade a refresh token for a new pair", description = "The old refresh token stops "
            + "working. Presenting it again revokes every token of that login.")
    @SecurityRequirements
    @ApiResponse(responseCode = "401", description = "The refresh token is invalid, expired, used or revoked")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        tenants.bindForRefreshToken(request.refreshToken());
        return TokenResponse.of(identity.refresh(request.refreshToken()));
    }

    @PostMapping(path = "/logout", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revoke a refresh token")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request, Caller caller) {
        identity.logout(caller, request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/logout-all")
    @Operation(summary = "Log out of every session", description = "Every refresh token of the account stops "
            + "working, and so does every access token issued until now, this one included.")
    @ApiResponse(responseCode = "204", description = "Every session ended")
    ResponseEntity<Void> logoutEverywhere(Caller caller) {
        identity.logoutEverywhere(caller);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Operation(summary = "The account of the caller")
    UserResponse me(Caller caller) {
        return UserResponse.of(identity.me(caller));
    }

    @PostMapping(path = "/verify-email", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify an email address with the token sent to it", description = "A token is good "
            + "once, for 24 hours. 422 when it is invalid, expired or already used.")
    @SecurityRequirements
    @ApiResponse(responseCode = "204", description = "Verified")
    ResponseEntity<Void> verifyEmail(@Valid @RequestBody TokenRequest request) {
        tenants.bindForAccountToken(request.token());
        verification.verify(request.token());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/request-verification")
    @NoApiKeys
    @Operation(summary = "Send a new verification email to the caller's address", description = "Earlier "
            + "tokens stop working. 409 when the address is already verified.")
    @ApiResponse(responseCode = "202", description = "An email is on its way")
    @ApiResponse(responseCode = "409", description = "The address is already verified")
    @ApiResponse(responseCode = "429", description = "Too many emails requested from this address")
    ResponseEntity<Void> requestVerification(Caller caller) {
        verification.resend(caller);
        return ResponseEntity.accepted().build();
    }

    @PostMapping(path = "/request-password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
    @NoApiKeys
    @Operation(summary = "Email a password reset token", description = "Always 202, whether or not an account "
            + "has this address (422 for a tenant slug no tenant has). The token is good once, for 30 minutes.")
    @SecurityRequirements
    @ApiResponse(responseCode = "202", description = "If an account has this address, an email is on its way")
    @ApiResponse(responseCode = "429", description = "Too many emails requested from this address")
    ResponseEntity<Void> requestPasswordReset(@Valid @RequestBody PasswordResetRequest request) {
        tenants.bindForSignIn(request.tenant());
        passwordReset.request(request.email());
        return ResponseEntity.accepted().build();
    }

    @PostMapping(path = "/reset-password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a new password with a reset token", description = "Every refresh and access "
            + "token of the account stops working. 422 when the token is invalid, expired or used, or the password too short.")
    @SecurityRequirements
    @ApiResponse(responseCode = "204", description = "The password is changed")
    ResponseEntity<Void> resetPassword(@Valid @RequestBody NewPasswordRequest request) {
        tenants.bindForAccountToken(request.token());
        passwordReset.reset(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    record TokenRequest(@NotBlank @Size(max = 200) String token) {
    }

    record PasswordResetRequest(@NotBlank @Size(max = 254) String email, @Schema(example = "acme",
            description = TENANT) @Size(max = 63) String tenant) {
    }

    record NewPasswordRequest(@NotBlank @Size(max = 200) String token, @NotBlank String newPassword) {
    }

    record RegisterRequest(@Schema(example = "asha@example.com") @NotBlank @Size(max = 254) String email,
            @Schema(example = "correct-horse-battery") @NotBlank String password,
            @Schema(example = "Asha Rao") @Size(max = 200) String fullName,
            @Schema(example = "+919876543210") @Size(max = 40) String phone,
            @Schema(allowableValues = {"customer", "agent", "admin"},
                    description = "customer unless an admin registers the account") String role,
            @Schema(example = "acme", description = TENANT) @Size(max = 63) String tenant) {
    }

    record LoginRequest(@Schema(example = "asha@example.com") @NotBlank String email,
            @Schema(example = "correct-horse-battery") @NotBlank String password,
            @Schema(example = "acme", description = TENANT) @Size(max = 63) String tenant) {
    }

    record RefreshRequest(@NotBlank String refreshToken) {
    }

    record TokenResponse(@Schema(example = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl") String accessToken,
            @Schema(example = "bearer") String tokenType, @Schema(example = "900") long expiresIn,
            @Schema(example = "r1_6Qm0cZ2xXbqjV") String refreshToken,
            @Schema(allowableValues = {"customer", "agent", "admin", "platform"}) String role, UUID userId) {

        static TokenResponse of(TokenPair pair) {
            return new TokenResponse(pair.accessToken(), "bearer", pair.expiresIn(), pair.refreshToken(),
                    pair.role().wireName(), pair.userId());
        }
    }
}
