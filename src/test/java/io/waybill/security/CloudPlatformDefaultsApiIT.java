package io.waybill.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.Api;
import io.waybill.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A server started as on Kubernetes with the default settings (no forwarded-header strategy set, as
 * an operator would deploy it), and a short lifetime for a login's refresh tokens. A context of its
 * own, closed after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.cloud-platform=kubernetes",
        "waybill.jwt.secret=" + ApiTest.JWT_SECRET,
        "waybill.admin.email=" + ApiTest.ADMIN_EMAIL,
        "waybill.admin.password=" + ApiTest.ADMIN_PASSWORD,
        "waybill.data-dir=target/test-data-cloud",
        "waybill.rate-limits.tracking.capacity=2",
        "waybill.jwt.refresh-family-lifetime=PT3S"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CloudPlatformDefaultsApiIT {

    @LocalServerPort
    private int port;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void shouldIgnoreForwardedForOnKubernetesUnlessTheOperatorOptsIn() {
        for (String address : new String[] {"198.18.0.1", "198.18.0.2"}) {
            assertThat(api.json("GET", "/track/TRK00000000000", null, null, Map.of("X-Forwarded-For", address))
                    .status()).isNotEqualTo(429);
        }

        Api.Response third = api.json("GET", "/track/TRK00000000000", null, null,
                Map.of("X-Forwarded-For", "198.18.0.3"));

        assertThat(third.status()).as(third.toString()).isEqualTo(429);
    }

    @Test
    void shouldRefuseARefreshPastTheLifetimeOfItsLogin() throws InterruptedException {
        String email = Api.uniqueEmail("lifetime");
        assertThat(api.post("/auth/register", null, Map.of("email", email, "password", ApiTest.PASSWORD)).status())
                .isEqualTo(201);
        Api.Response login = api.post("/auth/login", null, Map.of("email", email, "password", ApiTest.PASSWORD));
        long loggedIn = System.nanoTime();
        Api.Response rotated = api.post("/auth/refresh", null, Map.of("refresh_token", login.text("refresh_token")));
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);

        Thread.sleep(Math.max(0, 3_500 - (System.nanoTime() - loggedIn) / 1_000_000));
        Api.Response refused = api.post("/auth/refresh", null, Map.of("refresh_token", rotated.text("refresh_token")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }
}
