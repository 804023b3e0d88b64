package io.waybill.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Spring Security's authorization requests (state, and for OpenID Connect the nonce), with PKCE on
 * for every client, public or confidential, and what the sign-in is for. Its parameters were
 * checked by {@link SignInStart} before.
 */
final class SignInRequests implements OAuth2AuthorizationRequestResolver {

    private final DefaultOAuth2AuthorizationRequestResolver standard;

    SignInRequests(ClientRegistrationRepository registrations) {
        standard = new DefaultOAuth2AuthorizationRequestResolver(registrations, OidcSignInConfiguration.START);
        standard.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return withPurpose(request, standard.resolve(request));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registration) {
        return withPurpose(request, standard.resolve(request, registration));
    }

    private static OAuth2AuthorizationRequest withPurpose(HttpServletRequest request,
            OAuth2AuthorizationRequest authorization) {
        if (authorization == null) {
            return null;
        }
        SignInRequest purpose = new SignInRequest(null, SignInStart.FOR_PAGES.equals(request.getParameter("for")),
                request.getParameter("return_to"), request.getParameter("continue"));
        return OAuth2AuthorizationRequest.from(authorization).attributes(purpose::into).build();
    }
}
