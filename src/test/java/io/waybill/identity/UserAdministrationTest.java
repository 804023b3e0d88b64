package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.Role;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserAdministrationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final UUID ADMIN = UUID.randomUUID();

    private static User account(Role role) {
        return User.register(new Email(UUID.randomUUID() + "@example.test"), "{noop}x", null, null, role, NOW);
    }

    @Test
    void shouldSuspendAndReinstateAnAccount() {
        User user = account(Role.CUSTOMER);

        assertThat(user.disable(ADMIN, NOW)).isTrue();
        assertThat(user.isDisabled()).isTrue();
        assertThat(user.canSignIn()).isFalse();
        assertThat(user.isActive()).isTrue();
        assertThat(user.disabledAt()).isEqualTo(NOW);
        assertThat(user.disable(ADMIN, NOW.plusSeconds(5))).isFalse();
        assertThat(user.disabledAt()).isEqualTo(NOW);

        assertThat(user.enable(ADMIN)).isTrue();
        assertThat(user.canSignIn()).isTrue();
        assertThat(user.enable(ADMIN)).isFalse();
    }

    @Test
    void shouldRefuseAnAdminActingOnTheirOwnAccount() {
        User admin = account(Role.ADMIN);

        assertThatThrownBy(() -> admin.disable(admin.id(), NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> admin.enable(admin.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> admin.changeRole(Role.AGENT, admin.id())).isInstanceOf(ConflictException.class);
        assertThat(admin.canSignIn()).isTrue();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
    }

    @ParameterizedTest
    @CsvSource({"AGENT, ADMIN", "ADMIN, AGENT"})
    void shouldMoveStaffBetweenStaffRoles(Role from, Role to) {
        User user = account(from);

        assertThat(user.changeRole(to, ADMIN)).isTrue();
        assertThat(user.role()).isEqualTo(to);
        assertThat(user.changeRole(to, ADMIN)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"CUSTOMER, AGENT", "CUSTOMER, ADMIN", "AGENT, CUSTOMER", "ADMIN, CUSTOMER", "AGENT, PLATFORM"})
    void shouldKeepCustomersAndStaffApart(Role from, Role to) {
        User user = account(from);

        assertThatThrownBy(() -> user.changeRole(to, ADMIN)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("only agents and admins change roles");
        assertThat(user.role()).isEqualTo(from);
    }
}
