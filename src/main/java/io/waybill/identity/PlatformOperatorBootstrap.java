package io.waybill.identity;

import io.waybill.identity.config.IdentityProperties;
import io.waybill.kernel.Role;
import io.waybill.kernel.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes the platform operator named by WAYBILL_PLATFORM_OPERATOR_EMAIL / _PASSWORD, when both are set
 * and no account has the address: the one way a platform operator comes to be. Its account is the
 * default tenant's (the platform's own); a deployment that sets neither has no operator and one tenant.
 */
@Component
class PlatformOperatorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformOperatorBootstrap.class);

    private final IdentityService identity;
    private final UserRepository users;
    private final IdentityProperties.Admin operator;

    PlatformOperatorBootstrap(IdentityService identity, UserRepository users, IdentityProperties properties) {
        this.identity = identity;
        this.users = users;
        this.operator = properties.platformOperator();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (operator.email().isEmpty() || operator.password().isEmpty()) {
            return;
        }
        TenantContext.runAs(TenantContext.DEFAULT, () -> {
            Role existing = users.findLiveByEmail(new Email(operator.email())).map(User::role).orElse(null);
            if (existing == null) {
                identity.create(new IdentityService.Registration(operator.email(), operator.password(),
                        "Platform operator", null, Role.PLATFORM));
                log.info("Created the platform operator {} from WAYBILL_PLATFORM_OPERATOR_EMAIL.", operator.email());
            } else if (existing != Role.PLATFORM) {
                log.warn("WAYBILL_PLATFORM_OPERATOR_EMAIL names the default tenant's {} account {}: no platform "
                        + "operator was made.", existing.wireName(), operator.email());
            }
        });
    }
}
