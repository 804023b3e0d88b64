package io.waybill.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.waybill.identity.AccountTenants;
import io.waybill.identity.EmailVerificationService;
import io.waybill.identity.IdentityService;
import io.waybill.identity.PasswordResetService;
import io.waybill.identity.ProviderSignIn;
import io.waybill.identity.SignInProviders;
import io.waybill.identity.Tenant;
import io.waybill.identity.TokenPair;
import io.waybill.kernel.AuthenticationFailedException;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.RefusalException;
import io.waybill.kernel.Role;
import io.waybill.kernel.TenantContext;
import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Register, sign in and out, verify the email address, forgot and reset the password: forms over
 * the identity module's services, counted against the same per-address limits as the API's routes.
 * Sign-in with an identity provider, when one is configured, starts at the API's
 * {@code /auth/oidc/{registration}?for=web} and ends here, on {@code /signin/provider}.
 *
 * <p>Signing in, registering and asking for a reset are a tenant's: the form's optional {@code tenant}
 * (a slug; none is the default tenant), which {@code ?tenant=<slug>} fills in. The sign-in page shows
 * the buttons of that tenant's identity providers only, and the session is the tenant's that the
 * account is ({@link SignedIn}). A form sent from a signed-in session is a new sign-in: the session's
 * tenant does not carry over to it.
 */
@Controller
@Hidden
class SignInPages {

    /** The form field, and the query parameter, naming the tenant by its slug. */
    static final String TENANT = "tenant";

    private final IdentityService identity;
    private final EmailVerificationService verification;
    private final PasswordResetService passwordReset;
    private final SignedIn signedIn;
    private final Throttle throttle;
    private final ProviderSignIn providerSignIn;
    private final SignInProviders providers;
    private final AccountTenants tenants;

    SignInPages(IdentityService identity, EmailVerificationService verification, PasswordResetService passwordReset,
            SignedIn signedIn, Throttle throttle, ProviderSignIn providerSignIn, SignInProviders providers,
            AccountTenants tenants) {
        this.identity = identity;
        this.tenants = tenants;
        this.verification = verification;
        this.passwordReset = passwordReset;
        this.signedIn = signedIn;
        this.throttle = throttle;
        this.providerSignIn = providerSignIn;
        this.providers = providers;
    }

    /** The "Sign in with ..." buttons: one per identity provider of the page's tenant, none without. */
    @ModelAttribute("providers")
    List<SignInProviders.Provider> providers(@RequestParam(name = TENANT, required = false) String tenant) {
        return providers.of(tenant);
    }

    /** The slug of the tenant the page or form names, carried by its links to the other forms; null for the default. */
    @ModelAttribute(TENANT)
    String tenant(@RequestParam(name = TENANT, required = false) String tenant) {
        return FormErrors.optional(tenant) == null ? null : tenant.strip();
    }

    /** The page the visitor was on its way to when sent to sign in, carried by the form; null when none or unsafe. */
    @ModelAttribute("continueTo")
    String continueTo(@RequestParam(name = Landing.CONTINUE, required = false) String wanted) {
        return Landing.safe(wanted).orElse(null);
    }

    @GetMapping("/signin")
    String signInForm(@RequestParam(name = TENANT, required = false) String tenant, Model model,
            HttpServletResponse response) {
        return tenantsForm(tenant, model, response, "web/signin");
    }

    @PostMapping("/signin")
    String signIn(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        String address = request.getRemoteAddr();
        // Taken before the password is compared and given back unless it was wrong, as for POST /auth/login.
        Throttle.Quota quota = throttle.take(RateLimit.LOGIN_ADDRESS, address);
        SentForm sent = SentForm.of(form, model, response);
        if (!quota.taken()) {
            return sent.refused(quota.refusal("Too many failed sign-ins from this address; try again in "
                    + quota.refusal("").retryAfterSeconds() + " seconds."), "web/signin");
        }
        TokenPair tokens;
        try {
            TenantContext.clear();
            // A tenant that does not exist is said so, beside the field, as the API answers it (422 on tenant).
            tenants.bindForSignIn(form.get(TENANT));
            tokens = identity.login(form.get("email"), form.get("password"), address);
        } catch (AuthenticationFailedException wrong) {
            return sent.refused(wrong, "web/signin");
        } catch (RefusalException refusal) {
            throttle.giveBack(RateLimit.LOGIN_ADDRESS, address);
            return sent.refused(refusal, "web/signin");
        }
        throttle.giveBack(RateLimit.LOGIN_ADDRESS, address);
        if (tokens.role().isPlatform()) {
            // The pages are a tenant's; a platform operator runs the tenants through the API.
            identity.logout(new Caller(tokens.userId(), tokens.role()), tokens.refreshToken());
            return sent.refused(new ForbiddenException("A platform operator manages tenants through the "
                    + "API (/platform/tenants), not these pages."), "web/signin");
        }
        signedIn.signIn(tokens, form.get("email"), request, response);
        return "redirect:" + Landing.after(tokens.role(), form.get(Landing.CONTINUE));
    }

    /**
     * The end of a sign-in with an identity provider started from these pages: the provider's callback
     * left a one-time code (or the reason it refused) in this browser's session, never in the URL.
     */
    @GetMapping("/signin/provider")
    String providerSignIn(Model model, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        String code = session == null ? null : (String) session.getAttribute(ProviderSignIn.SESSION_CODE);
        String refusal = session == null ? null : (String) session.getAttribute(ProviderSignIn.SESSION_REFUSAL);
        String tenant = session == null ? null : (String) session.getAttribute(ProviderSignIn.SESSION_TENANT);
        String continueTo = session == null ? null : (String) session.getAttribute(ProviderSignIn.SESSION_CONTINUE);
        if (session != null) {
            session.removeAttribute(ProviderSignIn.SESSION_CODE);
            session.removeAttribute(ProviderSignIn.SESSION_REFUSAL);
            session.removeAttribute(ProviderSignIn.SESSION_TENANT);
            session.removeAttribute(ProviderSignIn.SESSION_CONTINUE);
        }
        if (code != null) {
            try {
                // The code is the tenant's of the provider it signed in with, and so is the session it opens.
                TenantContext.clear();
                tenants.bindForAccountToken(code);
                TokenPair tokens = providerSignIn.redeem(code);
                String email = identity.me(new Caller(tokens.userId(), tokens.role(), TenantContext.currentOrDefault()))
                        .email().value();
                signedIn.signIn(tokens, email, request, response);
                return "redirect:" + Landing.after(tokens.role(), continueTo);
            } catch (RefusalException refused) {
                refusal = refused.getMessage();
            }
        }
        // The sign-in page again, of the provider's tenant and on the way to the same page, to try again.
        String slug = tenant == null || tenant.equals(Tenant.DEFAULT_SLUG) ? null : tenant;
        model.addAttribute(TENANT, slug);
        model.addAttribute("providers", providers.of(slug));
        model.addAttribute("continueTo", Landing.safe(continueTo).orElse(null));
        FormErrors.show(model, slug == null ? Map.of() : Map.of(TENANT, slug), new ForbiddenException(
                refusal != null ? refusal : "The sign-in with the provider failed or expired: start it again."),
                response);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "web/signin";
    }

    @PostMapping("/signout")
    String signOut(HttpServletRequest request) {
        SignedIn.current().ifPresent(user -> identity.logout(user.caller(), user.refreshToken()));
        signedIn.signOut(request);
        return "redirect:/";
    }

    @GetMapping("/register")
    String registerForm(@RequestParam(name = TENANT, required = false) String tenant, Model model,
            HttpServletResponse response) {
        return tenantsForm(tenant, model, response, "web/register");
    }

    @PostMapping("/register")
    String register(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return counted(RateLimit.REGISTRATION, form, model, request, response, "web/register", () -> {
            // The form's tenant (none: the default tenant's), whether or not work without a tenant sees anything.
            TenantContext.clear();
            tenants.bindForRegistration(FormErrors.optional(form.get(TENANT)));
            identity.register(null, new IdentityService.Registration(form.get("email"), form.get("password"),
                    FormErrors.optional(form.get("full_name")), FormErrors.optional(form.get("phone")), Role.CUSTOMER));
            TokenPair tokens = identity.login(form.get("email"), form.get("password"), request.getRemoteAddr());
            signedIn.signIn(tokens, form.get("email"), request, response);
            return "redirect:/portal?welcome";
        });
    }

    @GetMapping("/verify-email")
    String verifyForm(@RequestParam(name = "token", required = false) String token, Model model) {
        FormErrors.empty(model);
        model.addAttribute("form", token == null ? Map.of() : Map.of("token", token));
        return "web/verify-email";
    }

    @PostMapping("/verify-email")
    String verify(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return answered(form, model, response, "web/verify-email", () -> {
            tenants.bindForAccountToken(form.get("token"));
            verification.verify(form.get("token"));
            model.addAttribute("done", "verify.done");
            return "web/done";
        });
    }

    @GetMapping("/forgot-password")
    String forgotForm(@RequestParam(name = TENANT, required = false) String tenant, Model model,
            HttpServletResponse response) {
        return tenantsForm(tenant, model, response, "web/forgot-password");
    }

    @PostMapping("/forgot-password")
    String forgot(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return counted(RateLimit.MAIL_REQUEST, form, model, request, response, "web/forgot-password", () -> {
            TenantContext.clear();
            tenants.bindForSignIn(form.get(TENANT));
            passwordReset.request(form.get("email"));
            model.addAttribute("done", "forgot.done");
            return "web/done";
        });
    }

    @GetMapping("/reset-password")
    String resetForm(@RequestParam(name = "token", required = false) String token, Model model) {
        FormErrors.empty(model);
        model.addAttribute("form", token == null ? Map.of() : Map.of("token", token));
        return "web/reset-password";
    }

    @PostMapping("/reset-password")
    String reset(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return answered(form, model, response, "web/reset-password", () -> {
            tenants.bindForAccountToken(form.get("token"));
            passwordReset.reset(form.get("token"), form.get("new_password"));
            model.addAttribute("done", "reset.done");
            return "web/done";
        });
    }

    /**
     * A tenant's form, empty but for the tenant {@code ?tenant=} names; when no tenant has that slug,
     * the form says so beside its field, answered 404.
     */
    private String tenantsForm(String tenant, Model model, HttpServletResponse response, String page) {
        FormErrors.empty(model);
        if (FormErrors.optional(tenant) != null) {
            Map<String, String> named = Map.of(TENANT, tenant.strip());
            model.addAttribute("form", named);
            try {
                tenants.tenantOfSlug(tenant);
            } catch (InvalidRequestException unknown) {
                FormErrors.show(model, named, unknown, response);
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            }
        }
        return page;
    }

    /** A form whose every sending counts against a per-address limit, as its API route does. */
    private String counted(RateLimit limit, Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response, String page, Supplier<String> action) {
        Throttle.Quota quota = throttle.take(limit, request.getRemoteAddr());
        if (!quota.taken()) {
            return SentForm.of(form, model, response).refused(quota.refusal("Too many requests from this address; "
                    + "try again in " + quota.refusal("").retryAfterSeconds() + " seconds."), page);
        }
        return answered(form, model, response, page, action);
    }

    /** A form's action: its page when it succeeds, else the form again with any refusal beside it. */
    private static String answered(Map<String, String> form, Model model, HttpServletResponse response, String page,
            Supplier<String> action) {
        return SentForm.of(form, model, response).answer(RefusalException.class, action, page);
    }
}
