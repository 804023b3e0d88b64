package io.waybill.identity.oidc;

import io.waybill.identity.AccountTenants;
import io.waybill.identity.ProviderSignIn;
import io.waybill.identity.SignInProviders;
import io.waybill.kernel.InvalidSettingException;
import io.waybill.kernel.web.Problems;
import io.waybill.security.Throttle;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Sign-in with OpenID Connect providers, present only once a provider is configured (Spring
 * Security's standard {@code spring.security.oauth2.client.registration.*}): without one, no bean
 * of this exists and the server is as it was. Its own filter chain, for the start and the callback
 * only: it keeps the authorization request (state, nonce, PKCE verifier) in the session, and never
 * keeps the sign-in itself there; the identity module's own tokens, or the pages' session, do.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnOAuth2ClientRegistrationProperties
@EnableConfigurationProperties(OidcProperties.class)
class OidcSignInConfiguration {

    /** {@code GET /auth/oidc/{registration}} starts a sign-in. */
    static final String START = "/auth/oidc";
    /** Spring Security's standard redirect URI, the one to register at the provider. */
    static final String CALLBACK = "/login/oauth2/code/{registration}";
    /** Where the pages finish a sign-in started for them. */
    static final String PAGES_FINISH = "/signin/provider";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain providerSignInChain(HttpSecurity http, ClientRegistrationRepository registrations,
            ProviderSignIn signIns, Problems problems, Throttle throttle, OidcProperties properties,
            AccountTenants tenants, SignInProviders providers) throws Exception {
        List<String> unknown = providers.unknownRegistrations();
        if (!unknown.isEmpty()) {
            throw new InvalidSettingException("waybill.oidc.tenants." + unknown.get(0), "waybill.oidc.tenants names "
                    + "identity providers that are not configured: " + unknown + ".", "Name each provider by the id of "
                    + "its registration (spring.security.oauth2.client.registration.<id>), or remove the setting.");
        }
        SignInCompletion completion = new SignInCompletion(signIns, tenants, providers, problems);
        http.securityMatcher(new OrRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, START + "/*"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, CALLBACK)))
                // Only GETs reach this chain; the callback's protection against forgery is its state.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")))
                .addFilterBefore(new SignInStart(registrations, properties.returnUris(), tenants, problems),
                        OAuth2AuthorizationRequestRedirectFilter.class)
                .addFilterBefore(new CallbackThrottle(throttle, problems), OAuth2LoginAuthenticationFilter.class)
                .oauth2Login(login -> login
                        .loginPage("/signin")
                        .authorizationEndpoint(start -> start.baseUri(START)
                                .authorizationRequestResolver(new SignInRequests(registrations))
                                .authorizationRequestRepository(new RememberedAuthorizationRequests()))
                        .authorizedClientRepository(new ForgottenAuthorizedClients())
                        .successHandler(completion)
                        .failureHandler(completion))
                .authorizeHttpRequests(routes -> routes.anyRequest().permitAll());
        return http.build();
    }
}
