package io.waybill.security.web;

import io.waybill.kernel.Caller;
import io.waybill.security.ApiKeyLookup;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated request: the caller it stands for and the credential that proved it (the
 * verified token, or the API key's recognisable prefix).
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final Object credential;
    private final String credentialLabel;
    private final ApiKeyLookup.Grant apiKey;

    CallerAuthentication(Caller caller, Object credential, String credentialLabel) {
        this(caller, credential, credentialLabel, null);
    }

    /** A request made with an API key, on that key's terms. */
    CallerAuthentication(Caller caller, Object credential, String credentialLabel, ApiKeyLookup.Grant apiKey) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.caller = caller;
        this.credential = credential;
        this.credentialLabel = credentialLabel;
        this.apiKey = apiKey;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return credential;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.userId().toString();
    }

    /** The API key the request came with and its terms; null for a bearer token. */
    ApiKeyLookup.Grant apiKey() {
        return apiKey;
    }

    /** What the audit log names as the credential: {@code bearer}, or {@code api-key wbk_1a2b3c4d}. */
    String credentialLabel() {
        return credentialLabel;
    }
}
