package io.waybill.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The OpenID Connect providers one can sign in with: the configured registrations that ask for the
 * {@code openid} scope, by name. None when no provider is configured.
 */
@Component
public class SignInProviders {

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SignInProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    public List<Provider> all() {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
            for (Object each : configured) {
                if (each instanceof ClientRegistration registration && registration.getScopes().contains("openid")) {
                    providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
                }
            }
        }
        return providers;
    }

    /** A provider: the registration's id (in {@code /auth/oidc/{registration}}) and the name to show. */
    public record Provider(String registration, String name) {
    }
}
