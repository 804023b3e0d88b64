package io.waybill.identity;

import io.waybill.identity.config.IdentityProperties;
import io.waybill.kernel.Role;
import io.waybill.kernel.TenantContext;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin when none exists: from WAYBILL_ADMIN_EMAIL / WAYBILL_ADMIN_PASSWORD, or,
 * with neither set, a development admin whose generated password is printed this once.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String DEFAULT_EMAIL = "admin@waybill.local";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final IdentityService identity;
    private final String email;
    private final String password;

    AdminBootstrap(IdentityService identity, IdentityProperties properties) {
        this.identity = identity;
        this.email = properties.admin().email().isEmpty() ? DEFAULT_EMAIL : properties.admin().email();
        this.password = properties.admin().password();
    }

    @Override
    public void run(ApplicationArguments args) {
        // The first admin is the default tenant's: other tenants get theirs from a platform operator.
        TenantContext.runAs(TenantContext.DEFAULT, this::createFirstAdmin);
    }

    private void createFirstAdmin() {
        if (identity.anyAdmin()) {
            log.info("Log in as an admin with POST /auth/login (the first admin was created on an earlier start).");
            return;
        }
        boolean generated = password.isBlank();
        String secret = generated ? generatedPassword() : password;
        identity.create(new IdentityService.Registration(email, secret, "Administrator", null, Role.ADMIN));
        if (generated) {
            log.warn("""

                    ==================================================================
                     Created the first admin. Log in with POST /auth/login:
                       email:    {}
                       password: {}
                     This password is shown only this once. Set WAYBILL_ADMIN_EMAIL and
                     WAYBILL_ADMIN_PASSWORD to choose them yourself.
                    ==================================================================""", email, secret);
        } else {
            log.info("Created the first admin {} from WAYBILL_ADMIN_EMAIL / WAYBILL_ADMIN_PASSWORD.", email);
        }
    }

    private static String generatedPassword() {
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
