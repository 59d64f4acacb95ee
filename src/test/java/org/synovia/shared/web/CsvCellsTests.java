package org.synovia.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "SMITH, Jane|\"SMITH, Jane\"",
            "say \"hi\"|\"say \"\"hi\"\"\"",
            "=HYPERLINK(\"x\")|\"'=HYPERLINK(\"\"x\"\")\"",
            "+44|\"'+44\"",
            "-1|\"-1\"",
            "-cmd|\"'-cmd\"",
            "@SUM(A1)|\"'@SUM(A1)\""})
    void quotesEveryCellAndDefusesSpreadsheetFormulasButNotNumbers(String value, String cell) {
        assertThat(CsvCells.cell(value)).isEqualTo(cell);
    }
}
