package org.synovia.patient;

/**
 * A ten-digit NHS number whose last digit is the modulus-11 check digit of the first nine (NHS Data
 * Dictionary). Spaces and dashes in the input are ignored; it is shown as 3-3-4.
 */
public record NhsNumber(String value) {

    public NhsNumber {
        if (value == null) {
            throw new IllegalArgumentException("An NHS number is required.");
        }
        value = value.replaceAll("[\\s-]", "");
        if (!value.matches("\\d{10}")) {
            throw new IllegalArgumentException("An NHS number has 10 digits.");
        }
        int check = checkDigit(value);
        if (check != value.charAt(9) - '0') {
            throw new IllegalArgumentException("This is not a valid NHS number: its check digit is wrong.");
        }
    }

    public static NhsNumber of(String value) {
        return new NhsNumber(value);
    }

    public static boolean isValid(String value) {
        try {
            new NhsNumber(value);
            return true;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The check digit for the first nine digits, or -1 when no valid digit exists (remainder 10). */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
