package io.waybill.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waybill.kernel.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    private static InvalidRequestException refusal(String value) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, () -> new Email(value));
        assertThat(refused).as("refusal of %s", value).isNotNull();
        assertThat(refused.field()).isEqualTo("email");
        return refused;
    }

    @Test
    void shouldLowerCaseAndTrimTheAddressOnceWhereItIsMade() {
        Email email = new Email("  Asha.Rao@Example.COM \n");

        assertThat(email.value()).isEqualTo("asha.rao@example.com");
        assertThat(email).hasToString("asha.rao@example.com");
    }

    @Test
    void shouldTreatAddressesThatDifferOnlyInCaseAsTheSame() {
        assertThat(new Email("ASHA@EXAMPLE.COM")).isEqualTo(new Email("asha@example.com"))
                .hasSameHashCodeAs(new Email("Asha@Example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "first.last+tag@mail.example.org", "x_y-z@sub-domain.example.in",
        "o'brien@example.ie", "1234@5.67"})
    void shouldAcceptAnythingShapedLikeAnAddress(String value) {
        assertThat(new Email(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void shouldRequireAnAddress(String value) {
        assertThat(refusal(value)).hasMessage("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "asha@example", "@example.com", "asha@", "asha@.com", "asha@example.",
        "asha@@example.com", "asha@ex@ample.com", "asha rao@example.com", "asha@exa mple.com", "asha.example.com"})
    void shouldRefuseWhatIsNotShapedLikeAnAddress(String value) {
        assertThat(refusal(value)).hasMessage("is not a valid email address");
    }

    @Test
    void shouldAcceptAtMost254Characters() {
        String domain = "@example.com";
        String longest = "a".repeat(254 - domain.length()) + domain;

        assertThat(new Email(longest).value()).hasSize(254);
        assertThat(new Email("  " + longest + "  ").value()).hasSize(254);
        assertThat(refusal("a" + longest)).hasMessage("is not a valid email address");
    }
}
