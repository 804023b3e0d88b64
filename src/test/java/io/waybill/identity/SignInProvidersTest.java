package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.identity.oidc.OidcProperties;
import io.waybill.kernel.InvalidSettingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

class SignInProvidersTest {

    private static ClientRegistration registration(String id) {
        return ClientRegistration.withRegistrationId(id).clientId("client").clientName(id.toUpperCase())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("https://id.example/authorize").tokenUri("https://id.example/token")
                .scope("openid", "email").build();
    }

    private static SignInProviders providers(Map<String, String> tenants, String... registrations) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (registrations.length > 0) {
            beans.addBean("registrations", new InMemoryClientRegistrationRepository(
                    List.of(registrations).stream().map(SignInProvidersTest::registration).toList()));
        }
        return new SignInProviders(beans.getBeanProvider(ClientRegistrationRepository.class),
                new OidcProperties(null, tenants));
    }

    @Test
    void shouldSignInToTheDefaultTenantUnlessTheRegistrationIsNamed() {
        SignInProviders providers = providers(Map.of("acme-id", " Acme "), "google", "acme-id");

        assertThat(providers.tenantOf("google")).isEqualTo(Tenant.DEFAULT_SLUG);
        assertThat(providers.tenantOf("acme-id")).as("trimmed and lower-cased, as a slug is typed").isEqualTo("acme");
    }

    @Test
    void shouldListATenantsProvidersOnly() {
        SignInProviders providers = providers(Map.of("acme-id", "acme"), "google", "acme-id");

        assertThat(providers.of(null)).extracting(SignInProviders.Provider::registration).containsExactly("google");
        assertThat(providers.of(" ")).extracting(SignInProviders.Provider::registration).containsExactly("google");
        assertThat(providers.of("ACME")).extracting(SignInProviders.Provider::registration).containsExactly("acme-id");
        assertThat(providers.of("nobody")).isEmpty();
        assertThat(providers.all()).extracting(SignInProviders.Provider::tenant).containsExactlyInAnyOrder("default", "acme");
    }

    @Test
    void shouldRefuseToStartWithATenantThatIsNoSlug() {
        assertThatThrownBy(() -> providers(Map.of("acme-id", "Acme Couriers!"), "acme-id"))
                .isInstanceOf(InvalidSettingException.class)
                .satisfies(refused -> assertThat(((InvalidSettingException) refused).setting())
                        .isEqualTo("waybill.oidc.tenants.acme-id"));
    }

    @Test
    void shouldNameTheRegistrationsTheSettingNamesThatAreNotConfigured() {
        assertThat(providers(Map.of("acme-id", "acme", "gogle", "default"), "google", "acme-id").unknownRegistrations())
                .containsExactly("gogle");
        assertThat(providers(Map.of("acme-id", "acme")).unknownRegistrations()).containsExactly("acme-id");
        assertThat(providers(Map.of(), "google").unknownRegistrations()).isEmpty();
    }
}
