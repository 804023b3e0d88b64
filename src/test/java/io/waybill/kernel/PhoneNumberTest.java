package io.waybill.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"+12345678", "+919840000000", "+123456789012345", " +447700900123 "})
    void shouldAcceptPlusAndEightToFifteenDigits(String phone) {
        assertThat(PhoneNumber.parse("phone", phone)).get().extracting(PhoneNumber::value).isEqualTo(phone.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1234567", "+1234567890123456", "919840000000", "+0919840000000", "+91 98400 00000",
            "+91-9840000000", "+91984000000\r\nINFO forged", "+９１９８４０００００００", "call me"})
    void shouldRefuseAnythingElseNamingTheField(String phone) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> PhoneNumber.parse("recipient_phone", phone));

        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("recipient_phone");
    }

    @Test
    void shouldTreatBlankAsNoPhone() {
        assertThat(PhoneNumber.parse("phone", null)).isEmpty();
        assertThat(PhoneNumber.parse("phone", "  ")).isEmpty();
    }

    @Test
    void shouldTellWhetherAStoredNumberIsValidWithoutRefusing() {
        assertThat(PhoneNumber.ifValid("+919840000000")).isPresent();
        assertThat(PhoneNumber.ifValid("+91 98400 00000")).isEmpty();
        assertThat(PhoneNumber.ifValid("+91984000000\nx")).isEmpty();
        assertThat(PhoneNumber.ifValid(null)).isEmpty();
    }
}
