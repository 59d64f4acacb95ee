package org.synovia.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** An amount in pounds sterling, held as whole pence so that sums never round. */
public record Money(long pence) {

    /** Largest price a form takes: £1,000,000.00. */
    public static final long MAX_PENCE = 100_000_000L;

    public Money {
        if (pence < 0) {
            throw new IllegalArgumentException("An amount of money cannot be negative: " + pence + "p");
        }
    }

    /**
     * Reads what a person typed ("150", "150.5", "£1,250.00") into pence, or refuses beside {@code field}: more than
     * two decimal places, a negative amount or words are not a price.
     */
    public static Money parse(String typed, String field) {
        String text = typed == null ? "" : typed.strip().replace("£", "").replace(",", "");
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "Give the price in pounds, for example 180.00.");
        }
        BigDecimal pounds;
        try {
            pounds = new BigDecimal(text);
        }
        catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Give the price in pounds, for example 180.00.");
        }
        if (pounds.signum() < 0 || pounds.scale() > 2) {
            throw new InvalidInputException(field, "Give pounds and at most two figures of pence, not below zero.");
        }
        BigDecimal pence = pounds.movePointRight(2);
        if (pence.compareTo(BigDecimal.valueOf(MAX_PENCE)) > 0) {
            throw new InvalidInputException(field, "A price can be at most £1,000,000.00.");
        }
        return new Money(pence.longValueExact());
    }

    /** As people read it: "£1,250.00". */
    public String formatted() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        return format.format(BigDecimal.valueOf(pence, 2));
    }

    /** As a form shows it for editing: "1250.00". */
    public String plain() {
        return BigDecimal.valueOf(pence, 2).toPlainString();
    }

    @Override
    public String toString() {
        return formatted();
    }
}
