package io.waybill.kernel;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money: a whole number of the currency's minor units (paise for INR, cents for USD,
 * yen for JPY) and an ISO 4217 currency, never a floating-point number. On the wire it is
 * {@code {"amount_minor": 45000, "currency": "INR"}} (₹450.00); how many minor units make a major
 * one is the currency's, from {@link Currency#getDefaultFractionDigits()}.
 *
 * <p>Currencies without minor units of their own (XAU, XXX and the other funds and metals, whose
 * fraction digits {@link Currency} does not know) are refused: nothing is paid in them at a door.
 */
public record Money(long amountMinor, Currency currency) implements Comparable<Money> {

    /** A quadrillion minor units: far beyond any parcel's price, and far from overflowing a sum. */
    public static final long MAX_MINOR = 1_000_000_000_000_000L;

    public Money {
        Objects.requireNonNull(currency);
        if (amountMinor < 0 || amountMinor > MAX_MINOR) {
            throw new IllegalArgumentException("An amount is between 0 and " + MAX_MINOR + " minor units");
        }
    }

    /**
     * The amount a client sent: {@code amountMinor} must be a whole number from 0 to {@link #MAX_MINOR}
     * (a decimal such as 12.5 is refused, not rounded), {@code currency} an ISO 4217 code. Refusals
     * name {@code field + ".amount_minor"} or {@code field + ".currency"}.
     */
    public static Money parse(String field, BigDecimal amountMinor, String currency) {
        Currency parsed = currency(field + ".currency", currency);
        if (amountMinor == null) {
            throw new InvalidRequestException(field + ".amount_minor", "is required: a whole number of the "
                    + "currency's minor units, e.g. 45000 for " + parsed.getCurrencyCode() + " "
                    + new BigDecimal(45000).movePointLeft(parsed.getDefaultFractionDigits()).toPlainString());
        }
        BigDecimal whole;
        try {
            whole = amountMinor.stripTrailingZeros().setScale(0);
        } catch (ArithmeticException fraction) {
            throw new InvalidRequestException(field + ".amount_minor", "must be a whole number of minor units (no "
                    + "decimals): " + parsed.getCurrencyCode() + " has " + parsed.getDefaultFractionDigits()
                    + " decimal digits, so 123.45 is 12345");
        }
        if (whole.signum() < 0 || whole.compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            throw new InvalidRequestException(field + ".amount_minor", "must be between 0 and " + MAX_MINOR);
        }
        return new Money(whole.longValueExact(), parsed);
    }

    /** An ISO 4217 code as a client sent it: three letters, of a currency with minor units. */
    public static Currency currency(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidRequestException(field, "is required: an ISO 4217 code such as INR");
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        Currency currency = null;
        if (upper.matches("[A-Z]{3}")) {
            try {
                currency = Currency.getInstance(upper);
            } catch (IllegalArgumentException unknown) {
                currency = null;
            }
        }
        if (currency == null || currency.getDefaultFractionDigits() < 0) {
            throw new InvalidRequestException(field, "is not an ISO 4217 currency that is paid in: "
                    + LogSafe.escape(code.length() > 10 ? code.substring(0, 10) + "…" : code));
        }
        return currency;
    }

    public static Money of(long amountMinor, String currencyCode) {
        return new Money(amountMinor, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    /** This less {@code other}; refused if it would go below zero. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amountMinor - other.amountMinor, currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    /** The amount in major units, exactly: {@code 450.00} for 45000 paise. */
    public BigDecimal decimal() {
        return BigDecimal.valueOf(amountMinor, currency.getDefaultFractionDigits());
    }

    /** As people read it: {@code INR 450.00}. */
    @Override
    public String toString() {
        return currencyCode() + " " + decimal().toPlainString();
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrencyAs(other)) {
            throw new IllegalArgumentException("Cannot combine " + this + " and " + other);
        }
    }
}
