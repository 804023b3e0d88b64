package io.waybill.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void shouldHoldWholeMinorUnitsAndReadThemInTheCurrencysDigits() {
        Money rupees = Money.parse("payment", new BigDecimal("45000"), "inr");

        assertThat(rupees.amountMinor()).isEqualTo(45000);
        assertThat(rupees.currencyCode()).isEqualTo("INR");
        assertThat(rupees.decimal()).isEqualByComparingTo("450.00");
        assertThat(rupees).hasToString("INR 450.00");
        assertThat(Money.parse("payment", new BigDecimal("1500"), "JPY")).hasToString("JPY 1500");
        assertThat(Money.parse("payment", new BigDecimal("1500"), "KWD").decimal()).isEqualByComparingTo("1.500");
    }

    @Test
    void shouldAcceptAWholeNumberWrittenWithZeroDecimals() {
        assertThat(Money.parse("payment", new BigDecimal("45000.00"), "INR").amountMinor()).isEqualTo(45000);
    }

    @Test
    void shouldRefuseAFractionOfAMinorUnitRatherThanRoundIt() {
        assertThatThrownBy(() -> Money.parse("payment", new BigDecimal("12.5"), "INR"))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("payment.amount_minor");
                    assertThat(refused.getMessage()).contains("whole number");
                });
    }

    @Test
    void shouldRefuseNegativeAndHugeAmounts() {
        assertThatThrownBy(() -> Money.parse("payment", new BigDecimal("-1"), "INR"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("between 0");
        assertThatThrownBy(() -> Money.parse("payment", new BigDecimal("1e30"), "INR"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("between 0");
    }

    @Test
    void shouldRefuseCurrenciesThatAreNotPaidIn() {
        for (String code : new String[] {"XYZ", "RUPEES", "12A", "XAU", "XXX", " ", "IN"}) {
            assertThatThrownBy(() -> Money.parse("payment", BigDecimal.TEN, code)).as(code)
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            refused -> assertThat(refused.field()).isEqualTo("payment.currency"));
        }
        assertThatThrownBy(() -> Money.parse("payment", BigDecimal.TEN, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ISO 4217");
    }

    @Test
    void shouldRequireAnAmount() {
        assertThatThrownBy(() -> Money.parse("collection", null, "INR"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        refused -> assertThat(refused.field()).isEqualTo("collection.amount_minor"));
    }

    @Test
    void shouldAddSubtractAndCompareOnlyInOneCurrency() {
        Money a = Money.of(30000, "INR");
        Money b = Money.of(15000, "INR");

        assertThat(a.plus(b)).isEqualTo(Money.of(45000, "INR"));
        assertThat(a.minus(b)).isEqualTo(b);
        assertThat(a.compareTo(b)).isPositive();
        assertThatThrownBy(() -> a.plus(Money.of(1, "USD"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.minus(a)).isInstanceOf(IllegalArgumentException.class);
    }
}
