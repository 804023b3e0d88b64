package io.waybill.identity.oidc;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a provider sign-in started by an app may send its one-time code: the exact URIs of
 * {@code waybill.oidc.return-uris} (an app's custom scheme or app link), nothing else, so the
 * flow cannot be made to hand a code to a stranger's site. And the tenant each provider's
 * registration signs in to ({@code waybill.oidc.tenants.<registration>=<slug>}; a registration not
 * named there signs in to the default tenant). The providers themselves are Spring Security's
 * standard registrations ({@code spring.security.oauth2.client.registration.*}).
 */
@ConfigurationProperties("waybill.oidc")
public record OidcProperties(List<String> returnUris, Map<String, String> tenants) {

    public OidcProperties {
        returnUris = returnUris == null ? List.of() : List.copyOf(returnUris);
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }
}
