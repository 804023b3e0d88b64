package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waybill.kernel.InvalidRequestException;
import java.math.BigDecimal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShipmentDetailsTest {

    private static final String FROM = "12 Anna Salai, Chennai 600002";
    private static final String TO = "5 MG Road, Bengaluru 560001";

    private static ShipmentDetails withWeight(String weight) {
        return new ShipmentDetails(FROM, TO, null, null, weight == null ? null : new BigDecimal(weight), null);
    }

    private static void assertRefused(ThrowingCallable making, String field) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, making);
        assertThat(refused).as("refused on %s", field).isNotNull();
        assertThat(refused.field()).isEqualTo(field);
    }

    @Test
    void shouldKeepEveryFieldItIsGiven() {
        ShipmentDetails details = new ShipmentDetails(FROM, TO, "Asha Rao", "+91 98400 00000",
                new BigDecimal("2.5"), "Books");

        assertThat(details.sourceAddress()).isEqualTo(FROM);
        assertThat(details.destinationAddress()).isEqualTo(TO);
        assertThat(details.recipientName()).isEqualTo("Asha Rao");
        assertThat(details.recipientPhone()).isEqualTo("+91 98400 00000");
        assertThat(details.weightKg()).isEqualByComparingTo("2.5");
        assertThat(details.description()).isEqualTo("Books");
    }

    @Test
    void shouldNeedOnlyTheTwoAddresses() {
        ShipmentDetails details = new ShipmentDetails(FROM, TO, null, null, null, null);

        assertThat(details.recipientName()).isNull();
        assertThat(details.recipientPhone()).isNull();
        assertThat(details.weightKg()).isNull();
        assertThat(details.description()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void shouldRequireASourceAddress(String source) {
        assertRefused(() -> new ShipmentDetails(source, TO, null, null, null, null), "source_address");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void shouldRequireADestinationAddress(String destination) {
        assertRefused(() -> new ShipmentDetails(FROM, destination, null, null, null, null), "destination_address");
    }

    @Test
    void shouldStripEveryText() {
        ShipmentDetails details = new ShipmentDetails("  " + FROM + "\n", "\t" + TO + " ", " Asha Rao ",
                " +91 98400 00000\t", null, "  Books, fragile  ");

        assertThat(details.sourceAddress()).isEqualTo(FROM);
        assertThat(details.destinationAddress()).isEqualTo(TO);
        assertThat(details.recipientName()).isEqualTo("Asha Rao");
        assertThat(details.recipientPhone()).isEqualTo("+91 98400 00000");
        assertThat(details.description()).isEqualTo("Books, fragile");
    }

    @Test
    void shouldTurnBlankOptionalTextIntoNull() {
        ShipmentDetails details = new ShipmentDetails(FROM, TO, "", "   ", null, "\n\t");

        assertThat(details.recipientName()).isNull();
        assertThat(details.recipientPhone()).isNull();
        assertThat(details.description()).isNull();
    }

    @Test
    void shouldAcceptTextsUpToTheirLimits() {
        ShipmentDetails details = new ShipmentDetails("a".repeat(500), "b".repeat(500), "n".repeat(200),
                "1".repeat(40), null, "d".repeat(1000));

        assertThat(details.sourceAddress()).hasSize(500);
        assertThat(details.destinationAddress()).hasSize(500);
        assertThat(details.recipientName()).hasSize(200);
        assertThat(details.recipientPhone()).hasSize(40);
        assertThat(details.description()).hasSize(1000);
    }

    @Test
    void shouldMeasureTheLengthAfterStripping() {
        ShipmentDetails details = new ShipmentDetails("  " + "a".repeat(500) + "  ", TO, null, null, null, null);

        assertThat(details.sourceAddress()).hasSize(500);
    }

    @Test
    void shouldRefuseTextsOverTheirLimitsNamingTheField() {
        assertRefused(() -> new ShipmentDetails("a".repeat(501), TO, null, null, null, null), "source_address");
        assertRefused(() -> new ShipmentDetails(FROM, "b".repeat(501), null, null, null, null),
                "destination_address");
        assertRefused(() -> new ShipmentDetails(FROM, TO, "n".repeat(201), null, null, null), "recipient_name");
        assertRefused(() -> new ShipmentDetails(FROM, TO, null, "1".repeat(41), null, null), "recipient_phone");
        assertRefused(() -> new ShipmentDetails(FROM, TO, null, null, null, "d".repeat(1001)), "description");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Chennai\r\nURGENT: pay at https://evil.example", "Chennai\nhub", "Anna\tSalai",
            "Anna\u0000Salai", "Anna\u001bSalai", "Anna\u007fSalai", "Anna\u0085Salai", "Anna\u2028Salai"})
    void shouldRefuseControlCharactersInEveryTextNamingTheField(String text) {
        assertRefused(() -> new ShipmentDetails(text, TO, null, null, null, null), "source_address");
        assertRefused(() -> new ShipmentDetails(FROM, text, null, null, null, null), "destination_address");
        assertRefused(() -> new ShipmentDetails(FROM, TO, text, null, null, null), "recipient_name");
        assertRefused(() -> new ShipmentDetails(FROM, TO, null, text, null, null), "recipient_phone");
        assertRefused(() -> new ShipmentDetails(FROM, TO, null, null, null, text), "description");
    }

    @Test
    void shouldKeepNonAsciiLettersAndPunctuation() {
        ShipmentDetails details = new ShipmentDetails("Flat 3, \"Ānanda\" — Chennai", "Bengaluru ₹ 560001",
                "Zoë O'Brien", null, null, "Books & CDs; fragile!");

        assertThat(details.recipientName()).isEqualTo("Zoë O'Brien");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "0.5", "1", "2.25", "99999.999", "100000", "100000.000", "1E+2"})
    void shouldAcceptAWeightAboveZeroUpToOneHundredTonnes(String weight) {
        assertThat(withWeight(weight).weightKg()).isEqualByComparingTo(weight);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.000", "-0.001", "-1", "100000.001", "100001", "1E+6"})
    void shouldRefuseAWeightOfZeroOrLessOrOverOneHundredTonnes(String weight) {
        assertRefused(() -> withWeight(weight), "weight_kg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0001", "1.2345", "2.5001"})
    void shouldRefuseAWeightWithMoreThanThreeDecimals(String weight) {
        assertRefused(() -> withWeight(weight), "weight_kg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.5000", "1.000000"})
    void shouldAcceptTrailingZerosBeyondTheThirdDecimal(String weight) {
        assertThat(withWeight(weight).weightKg()).isEqualByComparingTo(weight);
    }

    @Test
    void shouldLeaveTheWeightOptional() {
        assertThat(withWeight(null).weightKg()).isNull();
    }

    @Test
    void shouldBeEqualWhenTheStrippedValuesAreEqual() {
        assertThat(new ShipmentDetails(" " + FROM, TO + " ", " ", null, null, null))
                .isEqualTo(new ShipmentDetails(FROM, TO, null, null, null, null));
    }
}
