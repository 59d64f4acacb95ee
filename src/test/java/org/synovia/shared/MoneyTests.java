package org.synovia.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTests {

    @ParameterizedTest(name = "\"{0}\" → {1}p, shown {2}")
    @CsvSource(delimiter = '|', value = {
            "180|18000|£180.00",
            "180.5|18050|£180.50",
            "£1,250.00|125000|£1,250.00",
            " 0.01 |1|£0.01",
            "0|0|£0.00",
            "1000000|100000000|£1,000,000.00"})
    void readsWhatPeopleTypeIntoWholePence(String typed, long pence, String shown) {
        Money money = Money.parse(typed, "price");
        assertThat(money.pence()).isEqualTo(pence);
        assertThat(money.formatted()).isEqualTo(shown);
    }

    @ParameterizedTest(name = "\"{0}\" refused")
    @CsvSource(delimiter = '|', value = {
            "''|Give the price in pounds, for example 180.00.",
            "abc|Give the price in pounds, for example 180.00.",
            "180.001|Give pounds and at most two figures of pence, not below zero.",
            "-5|Give pounds and at most two figures of pence, not below zero.",
            "1000000.01|A price can be at most £1,000,000.00."})
    void refusesWhatIsNotAPriceBesideTheField(String typed, String message) {
        assertThatThrownBy(() -> Money.parse(typed, "price")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().getFirst()).isEqualTo(new InvalidInputException.FieldProblem("price", message)));
    }

    @Test
    void holdsNoNegativeAmount() {
        assertThatThrownBy(() -> new Money(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Money(12345).plain()).isEqualTo("123.45");
    }
}
