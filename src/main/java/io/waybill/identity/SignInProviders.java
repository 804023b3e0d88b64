package io.waybill.identity;

import io.waybill.identity.oidc.OidcProperties;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.InvalidSettingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The OpenID Connect providers one can sign in with: the configured registrations that ask for the
 * {@code openid} scope, by name, each with the tenant it signs in to ({@code waybill.oidc.tenants.*};
 * the default tenant's when not named there). None when no provider is configured.
 */
@Component
public class SignInProviders {

    static final String SETTING = "waybill.oidc.tenants";

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final Map<String, String> tenants;

    SignInProviders(ObjectProvider<ClientRegistrationRepository> registrations, OidcProperties properties) {
        this.registrations = registrations;
        Map<String, String> slugs = new HashMap<>();
        properties.tenants().forEach((registration, slug) -> {
            try {
                slugs.put(registration, Tenant.slug("tenant", slug));
            } catch (InvalidRequestException malformed) {
                throw new InvalidSettingException(SETTING + "." + registration, "The tenant of the identity provider '"
                        + registration + "' is not a tenant's slug: '" + slug + "'.", "Set it to the slug of a tenant "
                        + "(lower-case letters, digits and dashes, as in GET /platform/tenants), or remove it for "
                        + "the default tenant.");
            }
        });
        this.tenants = Map.copyOf(slugs);
    }

    public List<Provider> all() {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
            for (Object each : configured) {
                if (each instanceof ClientRegistration registration && registration.getScopes().contains("openid")) {
                    providers.add(new Provider(registration.getRegistrationId(), registration.getClientName(),
                            tenantOf(registration.getRegistrationId())));
                }
            }
        }
        return providers;
    }

    /** The providers that sign in to the tenant of this slug (none: the default tenant). */
    public List<Provider> of(String tenantSlug) {
        String slug = tenantSlug == null || tenantSlug.isBlank() ? Tenant.DEFAULT_SLUG
                : tenantSlug.trim().toLowerCase(Locale.ROOT);
        return all().stream().filter(provider -> provider.tenant().equals(slug)).toList();
    }

    /** The slug of the tenant a sign-in through this registration belongs to. */
    public String tenantOf(String registration) {
        return tenants.getOrDefault(registration, Tenant.DEFAULT_SLUG);
    }

    /**
     * The registrations {@code waybill.oidc.tenants} names that are not configured: a misspelt name
     * would otherwise send that provider's people to the default tenant without a word.
     */
    public List<String> unknownRegistrations() {
        ClientRegistrationRepository configured = registrations.getIfAvailable();
        return tenants.keySet().stream().filter(registration -> configured == null
                || configured.findByRegistrationId(registration) == null).sorted().toList();
    }

    /**
     * A provider: the registration's id (in {@code /auth/oidc/{registration}}), the name to show and
     * the slug of the tenant it signs in to.
     */
    public record Provider(String registration, String name, String tenant) {
    }
}
