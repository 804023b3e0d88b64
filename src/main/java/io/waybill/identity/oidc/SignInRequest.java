package io.waybill.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * What a provider sign-in was started for, kept in the authorization request (which Spring Security
 * stores in the session with its state, nonce and PKCE verifier) until the provider sends the browser
 * back: the web pages' session (and the page it was on its way to), an app's return URI, or neither
 * (the code is answered as JSON).
 */
record SignInRequest(String registration, boolean forPages, String returnTo, String continueTo) {

    static final String FOR_PAGES = "waybill.for-pages";
    static final String RETURN_TO = "waybill.return-to";
    static final String CONTINUE = "waybill.continue";
    /** Longer than any path the pages send; a longer one is not kept. */
    private static final int MAX_CONTINUE = 2000;
    /** The request attribute where the authorization request the callback consumed is remembered. */
    static final String CONSUMED = SignInRequest.class.getName() + ".consumed";

    void into(Map<String, Object> attributes) {
        attributes.put(FOR_PAGES, forPages);
        if (returnTo != null) {
            attributes.put(RETURN_TO, returnTo);
        }
        if (forPages && continueTo != null && continueTo.length() <= MAX_CONTINUE) {
            attributes.put(CONTINUE, continueTo);
        }
    }

    /** The sign-in this callback finishes, or null when no authorization request matched its state. */
    static SignInRequest consumedBy(HttpServletRequest request) {
        if (!(request.getAttribute(CONSUMED) instanceof OAuth2AuthorizationRequest consumed)) {
            return null;
        }
        Map<String, Object> attributes = consumed.getAttributes();
        return new SignInRequest((String) attributes.get(OAuth2ParameterNames.REGISTRATION_ID),
                Boolean.TRUE.equals(attributes.get(FOR_PAGES)), (String) attributes.get(RETURN_TO),
                (String) attributes.get(CONTINUE));
    }
}
