package io.waybill.identity.oidc;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a provider sign-in started by an app may send its one-time code: the exact URIs of
 * {@code waybill.oidc.return-uris} (an app's custom scheme or app link), nothing else, so the
 * flow cannot be made to hand a code to a stranger's site. The providers themselves are Spring
 * Security's standard registrations ({@code spring.security.oauth2.client.registration.*}).
 */
@ConfigurationProperties("waybill.oidc")
record OidcProperties(List<String> returnUris) {

    OidcProperties {
        returnUris = returnUris == null ? List.of() : List.copyOf(returnUris);
    }
}
