package io.waybill.identity.config;

import static io.waybill.kernel.InvalidSettingException.requireAtLeast;
import static io.waybill.kernel.InvalidSettingException.requirePositive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identity module's settings: how long tokens live ({@code waybill.jwt.*}; the signing secret
 * is the platform's), the first admin ({@code waybill.admin.*}), API keys ({@code waybill.api-keys.*}) and
 * the platform operator ({@code waybill.platform-operator.*}: an email and password, made at start-up
 * when set; none by default).
 */
@ConfigurationProperties("waybill")
public record IdentityProperties(@DefaultValue Jwt jwt, @DefaultValue Admin admin, @DefaultValue ApiKeys apiKeys,
        @DefaultValue Admin platformOperator) {

    /**
     * @param maxPerUser  how many keys, neither revoked nor expired, one account may have
     * @param maxLifetime the latest a key's {@code expires_at} may be, from its issue
     * @param maxRequestsPerMinute the highest rate limit an admin may issue a key with (a key issued without
     *                    one has {@code waybill.rate-limits.api-key.capacity}, which is also the most a
     *                    customer's own key may have)
     */
    public record ApiKeys(@DefaultValue("10") int maxPerUser, @DefaultValue("P730D") Duration maxLifetime,
            @DefaultValue("6000") int maxRequestsPerMinute) {

        public ApiKeys {
            requirePositive("waybill.api-keys.max-lifetime", maxLifetime);
            requireAtLeast("waybill.api-keys.max-per-user", maxPerUser, 1);
            requireAtLeast("waybill.api-keys.max-requests-per-minute", maxRequestsPerMinute, 1);
        }
    }

    /**
     * @param accessTokenTtl        an access token's lifetime
     * @param refreshTokenTtl       a refresh token's lifetime
     * @param refreshFamilyLifetime the longest a login lives, however often its refresh token rotates
     */
    public record Jwt(@DefaultValue("PT15M") Duration accessTokenTtl, @DefaultValue("P30D") Duration refreshTokenTtl,
            @DefaultValue("P90D") Duration refreshFamilyLifetime) {

        public Jwt {
            requirePositive("waybill.jwt.access-token-ttl", accessTokenTtl);
            requirePositive("waybill.jwt.refresh-token-ttl", refreshTokenTtl);
            requirePositive("waybill.jwt.refresh-family-lifetime", refreshFamilyLifetime);
        }
    }

    /**
     * An account made at start-up. The first admin, made when none exists: blank email for
     * {@code admin@waybill.local}, blank password for a generated one. The platform operator: made
     * when both are set and no account has the address.
     */
    public record Admin(@DefaultValue("") String email, @DefaultValue("") String password) {

        public Admin {
            email = email == null ? "" : email.trim();
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "Admin[email=" + email + ", password=" + (password.isEmpty() ? "" : "(hidden)") + "]";
        }
    }
}
