package org.synovia.shared.web;

/** Cells of CSV downloads that a spreadsheet opens safely. */
public final class CsvCells {

    private CsvCells() {
    }

    /** Quotes every cell and defuses spreadsheet formulas (text starting with = + - @; numbers stay numbers). */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean number = text.matches("-?\\d+(\\.\\d+)?");
        if (!text.isEmpty() && !number && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
