package io.waybill.security.web;

import io.waybill.security.AccountLookup;
import io.waybill.security.ApiKeyBudget;
import io.waybill.security.ApiKeyLookup;
import io.waybill.kernel.web.HandlerAnnotations;
import io.waybill.kernel.Idempotent;
import io.waybill.kernel.PlatformProperties;
import io.waybill.security.Throttle;
import io.waybill.kernel.web.Problems;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Who may reach what. Routes open to everyone are listed here; everything else needs a valid
 * access token or API key, and the role a route needs is declared on its controller method.
 * Refusals are problem+json bodies like every other error. Every answer carries the security
 * headers; cross-origin calls are allowed only from {@code waybill.cors.allowed-origins}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The API answers JSON only: nothing in it may load, run or frame anything. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Swagger UI loads its own scripts and styles (it sets inline styles), and calls the API. */
    static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Spring Security would wrap every filter of every request in an observation once the actuator
     * brings an observation registry: measured on GET /docs, 64 connections, about 9,800 requests/s
     * with it and 15,500 with Spring Security's own observations merely switched off by property. The
     * requests themselves are still timed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noFilterChainObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccountLookup accounts, ApiKeyLookup apiKeys, Throttle throttle,
            Problems problems, PlatformProperties properties, HandlerAnnotations handlers, ApiKeyBudget keyBudgets,
            Clock clock) throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated(problems);
        AccessDeniedHandler denied = (request, response, exception) ->
                problems.write(response, request, HttpStatus.FORBIDDEN, "You are not allowed to do this.");
        RequestMatcher docs = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/docs"),
                PathPatternRequestMatcher.withDefaults().matcher("/docs/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> {})
                .cors(cors -> cors.disable())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .contentTypeOptions(options -> {})
                        // Sent only on requests that came over TLS (directly, or through a trusted proxy).
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(docs,
                                new StaticHeadersWriter("Content-Security-Policy", DOCS_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(docs),
                                new StaticHeadersWriter("Content-Security-Policy", API_CSP))))
                .addFilterAfter(corsFilter(properties.cors().allowedOrigins(), problems), HeaderWriterFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, unauthenticated, handlers, keyBudgets,
                        problems, clock),
                        BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new CallerCaptureFilter(), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new AddressRateLimitFilter(throttle, problems), AuthorizationFilter.class)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers(HttpMethod.POST, "/auth/register", "/auth/login", "/auth/refresh",
                                "/auth/verify-email", "/auth/request-password-reset", "/auth/reset-password")
                        .permitAll()
                        // The code an identity provider's sign-in handed out is the credential here.
                        .requestMatchers(HttpMethod.POST, "/auth/oidc/token").permitAll()
                        .requestMatchers(HttpMethod.GET, "/track/*", "/track/*/events").permitAll()
                        // Counted per number against the tracking limit by the tracking module itself.
                        .requestMatchers(HttpMethod.POST, "/track/bulk").permitAll()
                        // Called by Meta: the notifications module checks the app secret's signature itself.
                        .requestMatchers("/notifications/webhook/whatsapp").permitAll()
                        // A flight-data provider's alerts carry no token: line haul checks their signature.
                        .requestMatchers(HttpMethod.POST, "/flights/webhook").permitAll()
                        // The live socket checks its token itself (query parameter or first message).
                        .requestMatchers(HttpMethod.GET, "/ws/shipments").permitAll()
                        // A streaming answer's later dispatches were authorised when the stream was opened.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/docs", "/docs/**", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/error").permitAll()
                        // Matches on the management port only (MANAGEMENT_SERVER_PORT), which is for the
                        // internal network: probes and the metrics scraper call it without a token. On the
                        // application port no actuator endpoint exists, and /actuator/** is refused as any
                        // unknown path is.
                        .requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/platform/**").hasRole("PLATFORM")
                        // A platform operator runs the tenants and is nobody's account within one: its own
                        // session is all else it may touch.
                        .requestMatchers(HttpMethod.GET, "/auth/me").authenticated()
                        .requestMatchers(HttpMethod.POST, "/auth/logout", "/auth/logout-all").authenticated()
                        .anyRequest().access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole("PLATFORM")))))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenToCaller(accounts)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Browsers may call the API from the configured origins only. Built here rather than as a bean,
     * so that it runs once, inside the chain, and refuses a foreign origin with a problem body.
     */
    private static CorsFilter corsFilter(List<String> allowedOrigins, Problems problems) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(allowedOrigins);
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", ApiKeyAuthenticationFilter.HEADER,
                Idempotent.HEADER, "If-None-Match"));
        configuration.setExposedHeaders(List.of("Location", "Retry-After", AddressRateLimitFilter.LIMIT_HEADER,
                AddressRateLimitFilter.REMAINING_HEADER, "X-Request-Id", Idempotent.REPLAYED_HEADER, "ETag"));
        configuration.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }

    private static AuthenticationEntryPoint unauthenticated(Problems problems) {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            challenge.commence(request, response, exception);
            String detail;
            if (request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null) {
                detail = exception.getMessage();
            } else if (request.getHeader("Authorization") != null) {
                detail = "The access token is invalid or expired.";
            } else {
                detail = "Authentication is required: send an access token as 'Authorization: Bearer <token>' "
                        + "or an API key as 'X-API-Key'.";
            }
            problems.write(response, request, HttpStatus.UNAUTHORIZED, detail);
        };
    }
}
