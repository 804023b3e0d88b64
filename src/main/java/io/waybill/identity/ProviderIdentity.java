package io.waybill.identity;

import io.waybill.kernel.InvalidRequestException;

/**
 * Who an OpenID Connect provider says signed in: its issuer and subject (the pair that stays the
 * same for one person at one provider), and the email address with whether the provider verified it.
 * The registration names the provider's configuration ({@code google}, {@code microsoft}).
 */
public record ProviderIdentity(String registration, String issuer, String subject, String email,
        boolean emailVerified, String name) {

    public ProviderIdentity {
        if (issuer == null || issuer.isBlank() || subject == null || subject.isBlank()) {
            throw new InvalidRequestException("id_token", "names no issuer or subject");
        }
    }
}
