package org.synovia.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

/**
 * A UK postal address as a window envelope shows it: one to four free-text lines, the post town and a postcode in
 * the Royal Mail format, upper case with one space (ADR 0100). A patient whose address is not known has none (null),
 * never an empty one: a letter to them cannot be posted. Problems name the form fields {@code addressLine1}..4,
 * {@code town} and {@code postcode}.
 *
 * @param lines the lines above the town, blank ones left out, in order
 */
public record PostalAddress(List<String> lines, String town, String postcode) {

    public static final int MAX_LINES = 4;
    /** What fits on one line of a window envelope in the letter's type, and more than the NHS spine's 35. */
    public static final int MAX_LINE_CHARACTERS = 50;
    public static final int MAX_TOWN_CHARACTERS = 35;
    private static final Pattern POSTCODE = Pattern.compile("GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}");
    /** Control, format (such as right-to-left overrides) and line-separator characters have no place on an envelope. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{C}\\p{Zl}\\p{Zp}]");
    /** NHS pseudo-postcodes (ZZ99 3VZ: no fixed abode; ZZ99 3WZ: not known) stand for no address at all. */
    private static final String PSEUDO_POSTCODE_AREA = "ZZ99";

    public PostalAddress {
        lines = lines == null ? List.of() : lines.stream().map(PostalAddress::trimToNull).filter(l -> l != null).toList();
        town = trimToNull(town);
        postcode = normalisedPostcode(postcode);
        List<FieldProblem> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add(new FieldProblem("addressLine1", "Enter the first line of the address (house and street)."));
        }
        if (lines.size() > MAX_LINES) {
            problems.add(new FieldProblem("addressLine" + MAX_LINES, "An address has at most " + MAX_LINES + " lines above the town."));
        }
        for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
            text(problems, "addressLine" + (i + 1), lines.get(i), MAX_LINE_CHARACTERS);
        }
        if (town == null) {
            problems.add(new FieldProblem("town", "Enter the town or city."));
        }
        else {
            text(problems, "town", town, MAX_TOWN_CHARACTERS);
        }
        if (postcode == null) {
            problems.add(new FieldProblem("postcode", "Enter the postcode: every UK address has one."));
        }
        else if (postcode.startsWith(PSEUDO_POSTCODE_AREA + " ")) {
            problems.add(new FieldProblem("postcode", postcode + " is an NHS pseudo-postcode (no fixed abode or not known): "
                    + "leave the address empty instead."));
        }
        else if (!POSTCODE.matcher(postcode).matches()) {
            problems.add(new FieldProblem("postcode", "Enter a UK postcode like SW1A 1AA."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        lines = List.copyOf(lines);
    }

    /**
     * The address typed or sent, or empty when every part is blank (not known); throws {@link InvalidInputException}
     * listing every problem of an address that is only partly there or malformed.
     */
    public static Optional<PostalAddress> of(List<String> lines, String town, String postcode) {
        boolean blank = Stream.concat(lines == null ? Stream.empty() : lines.stream(), Stream.of(town, postcode))
                .allMatch(part -> trimToNull(part) == null);
        return blank ? Optional.empty() : Optional.of(new PostalAddress(lines, town, postcode));
    }

    /** Each line as it goes on the envelope, under the addressee's name: the lines, the town in capitals, the postcode. */
    public List<String> envelopeLines() {
        return Stream.concat(lines.stream(), Stream.of(town.toUpperCase(Locale.UK), postcode)).toList();
    }

    /** One line for a list or an audit entry: "1 Example Street, Testville, ZZ1 1AA". */
    public String oneLine() {
        return String.join(", ", Stream.concat(lines.stream(), Stream.of(town, postcode)).toList());
    }

    /** The line at this position (1 to 4), or null: for a form. */
    public String line(int number) {
        return number <= lines.size() ? lines.get(number - 1) : null;
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value.length() > max) {
            problems.add(new FieldProblem(field, "Use at most " + max + " characters."));
        }
        else if (UNPRINTABLE.matcher(value).find()) {
            problems.add(new FieldProblem(field, "Use letters, digits and punctuation only: no control characters."));
        }
    }

    private static String normalisedPostcode(String value) {
        String compact = value == null ? "" : value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (compact.isEmpty()) {
            return null;
        }
        return compact.length() > 3 ? compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3)
                : compact;
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
