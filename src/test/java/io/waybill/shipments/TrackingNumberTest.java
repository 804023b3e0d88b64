package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingNumberTest {

    private final RandomGenerator random = new SplittableRandom(20240611L);

    @Test
    void shouldDrawFourteenCharactersStartingWithTrk() {
        for (int i = 0; i < 1_000; i++) {
            TrackingNumber number = TrackingNumber.random(random);

            assertThat(number.value()).hasSize(14).hasSize(TrackingNumber.LENGTH).startsWith("TRK")
                    .matches("TRK[0-9]{11}");
            assertThat(number.toString()).isEqualTo(number.value());
        }
    }

    @Test
    void shouldParseBackEveryNumberItDraws() {
        for (int i = 0; i < 1_000; i++) {
            TrackingNumber number = TrackingNumber.random(random);

            assertThat(TrackingNumber.parse(number.value())).contains(number);
        }
    }

    @Test
    void shouldRefuseANumberWithAnySingleDigitChanged() {
        for (int draw = 0; draw < 200; draw++) {
            String number = TrackingNumber.random(random).value();
            for (int position = 3; position < number.length(); position++) {
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit == number.charAt(position)) {
                        continue;
                    }
                    String mistyped = number.substring(0, position) + digit + number.substring(position + 1);

                    assertThat(TrackingNumber.parse(mistyped)).as("%s mistyped as %s", number, mistyped).isEmpty();
                }
            }
        }
    }

    @Test
    void shouldRefuseANumberWithAnyOtherCheckDigit() {
        String number = TrackingNumber.random(random).value();
        String payload = number.substring(0, 13);
        int accepted = 0;
        for (char check = '0'; check <= '9'; check++) {
            if (TrackingNumber.parse(payload + check).isPresent()) {
                accepted++;
            }
        }

        assertThat(accepted).isEqualTo(1);
    }

    @Test
    void shouldComputeTheLuhnCheckDigitOfTheTextbookExample() {
        assertThat(TrackingNumber.checkDigit("7992739871")).isEqualTo('3');
        assertThat(TrackingNumber.checkDigit("0000000000")).isEqualTo('0');
        assertThat(TrackingNumber.parse("TRK79927398713")).map(TrackingNumber::value).contains("TRK79927398713");
        assertThat(TrackingNumber.parse("TRK79927398710")).isEmpty();
    }

    @Test
    void shouldNormaliseLowerCaseAndSurroundingWhitespace() {
        assertThat(TrackingNumber.parse("trk79927398713")).map(TrackingNumber::value).contains("TRK79927398713");
        assertThat(TrackingNumber.parse("  Trk79927398713\t\n")).map(TrackingNumber::value)
                .contains("TRK79927398713");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ",
        "TRK7992739871",       // one digit short
        "TRK799273987130",     // one digit too many
        "79927398713",         // no prefix
        "ABC79927398713",      // wrong prefix
        "TRX79927398713",
        "TRK7992739871A",      // letter as check digit
        "TRK79927A98713",      // letter in the payload
        "TRK 7992739871 3",    // spaces inside
        "TRK-7992739871-3",
        "TRK+7992739871",
        "TRK７９９２７３９８７１３" // full-width digits
    })
    void shouldParseNothingFromMalformedText(String text) {
        assertThat(TrackingNumber.parse(text)).isEmpty();
    }

    @Test
    void shouldRefuseToBeMadeFromAnInvalidValue() {
        assertThatThrownBy(() -> new TrackingNumber("TRK79927398710")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackingNumber(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackingNumber("trk79927398713")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TrackingNumber("TRK79927398713").value()).isEqualTo("TRK79927398713");
    }

    @Test
    void shouldDrawNumbersThatRarelyRepeat() {
        RandomGenerator unseeded = RandomGenerator.getDefault();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(TrackingNumber.random(unseeded).value());
        }

        assertThat(seen).hasSizeGreaterThan(9_990);
    }

    @Test
    void shouldUseEveryDigitInEveryPayloadPosition() {
        boolean[][] used = new boolean[10][10];
        for (int i = 0; i < 2_000; i++) {
            String payload = TrackingNumber.random(random).value().substring(3, 13);
            for (int position = 0; position < 10; position++) {
                used[position][payload.charAt(position) - '0'] = true;
            }
        }

        for (int position = 0; position < 10; position++) {
            for (int digit = 0; digit < 10; digit++) {
                assertThat(used[position][digit]).as("digit %d at position %d", digit, position).isTrue();
            }
        }
    }

    @Test
    void shouldBeEqualByValue() {
        assertThat(TrackingNumber.parse("TRK79927398713")).contains(new TrackingNumber("TRK79927398713"));
    }
}
