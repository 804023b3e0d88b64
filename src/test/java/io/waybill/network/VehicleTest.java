package io.waybill.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VehicleTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T08:00:00Z");
    private static final BigDecimal ONE_TONNE = new BigDecimal("1000");

    private static Vehicle vehicle(String registration, Vehicle.Type type, BigDecimal capacity, Vehicle.Status status) {
        return new Vehicle(UUID.randomUUID(), registration, type, capacity, null, status, CREATED);
    }

    private static InvalidRequestException refusal(ThrowingCallable making, String field) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, making);
        assertThat(refused).as("refused on %s", field).isNotNull();
        assertThat(refused.field()).isEqualTo(field);
        return refused;
    }

    @Test
    void shouldBeAvailableUnlessToldOtherwise() {
        assertThat(vehicle("TN01AB1234", Vehicle.Type.VAN, ONE_TONNE, null).status())
                .isEqualTo(Vehicle.Status.AVAILABLE);
    }

    @ParameterizedTest
    @EnumSource(Vehicle.Status.class)
    void shouldKeepTheStatusItIsGiven(Vehicle.Status status) {
        assertThat(vehicle("TN01AB1234", Vehicle.Type.VAN, ONE_TONNE, status).status()).isEqualTo(status);
    }

    @Test
    void shouldKeepWhatItIsGiven() {
        UUID id = UUID.randomUUID();
        UUID hub = UUID.randomUUID();
        Vehicle vehicle = new Vehicle(id, "TN01AB1234", Vehicle.Type.TRUCK, new BigDecimal("12000.5"), hub,
                Vehicle.Status.IN_SERVICE, CREATED);

        assertThat(vehicle.id()).isEqualTo(id);
        assertThat(vehicle.type()).isEqualTo(Vehicle.Type.TRUCK);
        assertThat(vehicle.capacityKg()).isEqualByComparingTo("12000.5");
        assertThat(vehicle.hubId()).isEqualTo(hub);
        assertThat(vehicle.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void shouldUpperCaseAndStripTheRegistrationNumber() {
        assertThat(vehicle("  tn 01 ab 1234 ", Vehicle.Type.BIKE, BigDecimal.TEN, null).registrationNumber())
                .isEqualTo("TN 01 AB 1234");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void shouldRequireARegistrationNumber(String registration) {
        refusal(() -> vehicle(registration, Vehicle.Type.VAN, ONE_TONNE, null), "registration_number");
    }

    @Test
    void shouldBoundTheRegistrationNumber() {
        assertThat(vehicle("R".repeat(40), Vehicle.Type.VAN, ONE_TONNE, null).registrationNumber()).hasSize(40);
        refusal(() -> vehicle("R".repeat(41), Vehicle.Type.VAN, ONE_TONNE, null), "registration_number");
    }

    @Test
    void shouldRequireATypeAndNameTheChoices() {
        InvalidRequestException refused = refusal(() -> vehicle("TN01AB1234", null, ONE_TONNE, null), "type");

        assertThat(refused.getMessage()).contains("bike, car, van, truck");
    }

    @Test
    void shouldRequireACapacity() {
        refusal(() -> vehicle("TN01AB1234", Vehicle.Type.VAN, null, null), "capacity_kg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-0.001", "100000.001", "1E+6"})
    void shouldRefuseACapacityOfZeroOrLessOrOverOneHundredTonnes(String capacity) {
        refusal(() -> vehicle("TN01AB1234", Vehicle.Type.TRUCK, new BigDecimal(capacity), null), "capacity_kg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "1", "150.5", "100000"})
    void shouldAcceptACapacityAboveZeroUpToOneHundredTonnes(String capacity) {
        assertThat(vehicle("TN01AB1234", Vehicle.Type.TRUCK, new BigDecimal(capacity), null).capacityKg())
                .isEqualByComparingTo(capacity);
    }

    @Test
    void shouldParseTypesAndStatusesWhateverTheirCase() {
        assertThat(Vehicle.parse(Vehicle.Type.class, "type", "van")).isEqualTo(Vehicle.Type.VAN);
        assertThat(Vehicle.parse(Vehicle.Type.class, "type", " Truck ")).isEqualTo(Vehicle.Type.TRUCK);
        assertThat(Vehicle.parse(Vehicle.Status.class, "status", "in_service")).isEqualTo(Vehicle.Status.IN_SERVICE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void shouldParseNothingFromABlankValue(String value) {
        assertThat(Vehicle.parse(Vehicle.Type.class, "type", value)).isNull();
    }

    @Test
    void shouldRefuseAnUnknownValueNamingTheFieldAndTheChoices() {
        InvalidRequestException refused = refusal(() -> Vehicle.parse(Vehicle.Status.class, "status", "in service"),
                "status");

        assertThat(refused.getMessage()).isEqualTo("must be one of available, in_service, maintenance, retired");
        refusal(() -> Vehicle.parse(Vehicle.Type.class, "type", "spaceship"), "type");
    }

    @Test
    void shouldBeAssignedToAnActiveAgentOnly() {
        Vehicle vehicle = vehicle("TN01AB1234", Vehicle.Type.VAN, ONE_TONNE, null);
        UUID agent = UUID.randomUUID();

        assertThat(vehicle.assignedTo(agent, Optional.of(Role.AGENT),
                Optional.empty()).agentId()).isEqualTo(agent);
        refusal(() -> vehicle.assignedTo(agent, Optional.of(Role.CUSTOMER),
                Optional.empty()), "agent_id");
        refusal(() -> vehicle.assignedTo(agent, Optional.empty(), Optional.empty()), "agent_id");
    }

    @Test
    void shouldLetAnAgentDriveOneVehicleAtATime() {
        Vehicle vehicle = vehicle("TN01AB1234", Vehicle.Type.VAN, ONE_TONNE, null);
        UUID agent = UUID.randomUUID();
        Vehicle other = vehicle("TN01AB9999", Vehicle.Type.BIKE, ONE_TONNE, null)
                .assignedTo(agent, Optional.of(Role.AGENT), Optional.empty());

        assertThat(catchThrowableOfType(ConflictException.class, () -> vehicle.assignedTo(agent,
                Optional.of(Role.AGENT), Optional.of(other)))).isNotNull();
        assertThat(other.assignedTo(agent, Optional.of(Role.AGENT),
                Optional.of(other)).agentId()).isEqualTo(agent);
        assertThat(other.assignedTo(null, Optional.empty(), Optional.empty()).agentId()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = Vehicle.Status.class, names = {"MAINTENANCE", "RETIRED"})
    void shouldAssignNoVehicleOutOfService(Vehicle.Status status) {
        Vehicle vehicle = vehicle("TN01AB1234", Vehicle.Type.VAN, ONE_TONNE, status);
        UUID agent = UUID.randomUUID();

        assertThat(catchThrowableOfType(ConflictException.class, () -> vehicle.assignedTo(agent,
                Optional.of(Role.AGENT), Optional.empty()))).isNotNull();
        assertThat(catchThrowableOfType(ConflictException.class, () -> new Vehicle(vehicle.id(),
                "TN01AB1234", Vehicle.Type.VAN, ONE_TONNE, null, status, CREATED, agent))).isNotNull();
    }
}
