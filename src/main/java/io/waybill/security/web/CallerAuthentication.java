package io.waybill.security.web;

import io.waybill.kernel.Caller;
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

    CallerAuthentication(Caller caller, Object credential, String credentialLabel) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.caller = caller;
        this.credential = credential;
        this.credentialLabel = credentialLabel;
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

    /** What the audit log names as the credential: {@code bearer}, or {@code api-key wbk_1a2b3c4d}. */
    String credentialLabel() {
        return credentialLabel;
    }
}
