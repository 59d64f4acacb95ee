package org.synovia.safety;

import java.util.List;

import org.synovia.shared.InvalidInputException;

/**
 * Where a rule comes from: the document, its year ({@link #UNDATED} for an undated web page) and
 * section, and the rows of the clinical source register ({@code docs/clinical-safety/sources.md}, e.g.
 * {@code AC-25}) that carry its numbers.
 */
public record GuidelineReference(String document, int year, String section, List<String> factRows) {

    public static final int UNDATED = 0;

    public GuidelineReference {
        if (document == null || document.isBlank()) {
            throw new InvalidInputException("document", "names the guideline");
        }
        factRows = List.copyOf(factRows == null ? List.of() : factRows);
        if (factRows.isEmpty()) {
            throw new InvalidInputException("factRows", "cites at least one row of the clinical source register");
        }
    }

    public static GuidelineReference of(String document, int year, String section, String... rows) {
        return new GuidelineReference(document, year, section, List.of(rows));
    }

    /** "ASRA/ESRA pain 2018, Table 1 [PR-04]". */
    public String cite() {
        return document + " " + (year == UNDATED ? "n.d." : String.valueOf(year)) + (section == null || section.isBlank() ? "" : ", " + section) + " "
                + factRows;
    }
}
