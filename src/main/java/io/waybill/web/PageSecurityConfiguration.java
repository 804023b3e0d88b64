package io.waybill.web;

import io.waybill.security.AccountLookup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages' own filter chain, before the API's and only for the pages' paths, so the API's chain
 * (stateless, bearer tokens, no CSRF since no cookie authenticates it) stays as it is. Here a
 * session cookie authenticates, so every form carries a CSRF token, and the policy runs scripts
 * from this origin only: no inline script, no eval.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

    /** Every path the pages answer; nothing else reaches this chain. */
    static final String[] PAGE_PATHS = {"/", "/t", "/t/**", "/signin", "/register", "/signout", "/verify-email",
            "/forgot-password", "/reset-password", "/portal", "/portal/**", "/assets/**", "/webjars/**",
            "/signin/provider",
            // The admin pages: /admin itself and /admin/pages/**; the API's /admin/... routes stay on its own chain.
            "/admin", "/admin/pages/**",
            "/agent", "/agent/**"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain pages(HttpSecurity http, AccountLookup accounts, WebProperties properties) throws Exception {
        HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        http.securityMatcher(PAGE_PATHS)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .securityContext(context -> context.securityContextRepository(new HttpSessionSecurityContextRepository()))
                .httpBasic(basic -> basic.disable())
                // Signing in and out are forms of SignInPages, which call the identity module.
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> {})
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .contentTypeOptions(options -> {})
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds()))
                        .referrerPolicy(referrer -> referrer
                                .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(policy(properties))))
                .addFilterAfter(new SessionAccountCheck(accounts), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers("/portal", "/portal/**").authenticated()
                        .requestMatchers("/admin", "/admin/pages/**").authenticated()
                        .requestMatchers("/agent", "/agent/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/signout").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new SignInFirst()));
        return http.build();
    }

    /**
     * A signed-out visitor opening a page is sent to sign in, and from there on to the page it asked for
     * (a GET's path and query; a form posted without a session goes to its role's home instead); to
     * the sign-in page of the tenant the page names with {@code ?tenant=}, if it does.
     */
    static final class SignInFirst extends LoginUrlAuthenticationEntryPoint {

        SignInFirst() {
            super("/signin");
        }

        @Override
        protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) {
            if (!HttpMethod.GET.matches(request.getMethod())) {
                return "/signin";
            }
            String target = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            // A page that names its tenant (?tenant=<slug>) is signed in to at that tenant's sign-in page.
            String tenant = request.getParameter(SignInPages.TENANT);
            UriComponentsBuilder signIn = UriComponentsBuilder.fromPath("/signin");
            Map<String, String> values = new HashMap<>();
            if (tenant != null && !tenant.isBlank()) {
                signIn.queryParam(SignInPages.TENANT, "{tenant}");
                values.put("tenant", tenant.strip());
            }
            Landing.safe(target).ifPresent(path -> {
                signIn.queryParam(Landing.CONTINUE, "{target}");
                values.put("target", path);
            });
            return signIn.encode().buildAndExpand(values).toUriString();
        }
    }

    /** Scripts, styles, connections from this origin; images from here, data URLs and the map tiles' origin. */
    static String policy(WebProperties properties) {
        String tiles = properties.mapTilesOrigin();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
                + (tiles.isEmpty() ? "" : " " + tiles) + "; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }
}
