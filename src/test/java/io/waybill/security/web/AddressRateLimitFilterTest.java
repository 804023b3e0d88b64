package io.waybill.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.ApiScope;
import io.waybill.kernel.Caller;
import io.waybill.kernel.Role;
import io.waybill.security.ApiKeyLookup;
import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

/** Which per-address budgets a request is counted against, by who makes it. */
class AddressRateLimitFilterTest {

    private final List<RateLimit> taken = new ArrayList<>();
    private final AddressRateLimitFilter filter = new AddressRateLimitFilter(new Recording(), null);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void shouldCountARequestMadeWithAnApiKeyAgainstTheAddressExceptForTracking() throws Exception {
        Caller shop = new Caller(UUID.randomUUID(), Role.CUSTOMER);
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(shop, null, "api-key wbk_",
                new ApiKeyLookup.Grant(UUID.randomUUID(), shop, Set.of(ApiScope.values()), null)));

        pass("POST", "/auth/login");
        pass("POST", "/auth/register");
        pass("POST", "/auth/request-password-reset");
        pass("POST", "/auth/request-verification");
        pass("GET", "/track/TRK123");

        assertThat(taken).as("the key's own budget counts its tracking lookups instead")
                .containsExactly(RateLimit.LOGIN_ADDRESS, RateLimit.REGISTRATION, RateLimit.MAIL_REQUEST,
                        RateLimit.MAIL_REQUEST);
    }

    @Test
    void shouldNotCountAnAdmin() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(
                new Caller(UUID.randomUUID(), Role.ADMIN), null, "bearer"));

        pass("POST", "/auth/register");
        pass("GET", "/track/TRK123");

        assertThat(taken).isEmpty();
    }

    private void pass(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).as(method + " " + path + " goes on").isSameAs(request);
    }

    /** Grants every take and remembers which budget it was from. */
    private final class Recording implements Throttle {

        @Override
        public Quota take(RateLimit limit, String key, int units) {
            taken.add(limit);
            return new Quota(true, 100, 99, Duration.ZERO);
        }

        @Override
        public Quota take(RateLimit limit, String key, int units, long capacity) {
            return take(limit, key, units);
        }

        @Override
        public void giveBack(RateLimit limit, String key) {
        }

        @Override
        public long capacity(RateLimit limit) {
            return Long.MAX_VALUE;
        }

        @Override
        public void reset(RateLimit limit, String key) {
        }
    }
}
