package org.synovia.diary;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Side effects and red flags as {@code diary_entry} and {@code diary_alert} store them: codes, comma-separated. */
final class EnumCodes {

    private EnumCodes() {
    }

    /** Codes in the enum's order, comma-separated. */
    static <E extends Enum<E>> String of(Set<E> chosen, Class<E> type) {
        EnumSet<E> ordered = chosen.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(chosen);
        return ordered.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The patient's words for stored codes; a code this version does not know is shown as it is. */
    static <E extends Enum<E>> List<String> labels(String codes, Class<E> type, Function<E, String> label) {
        return Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty()).map(c -> {
            try {
                return label.apply(Enum.valueOf(type, c));
            }
            catch (IllegalArgumentException unknown) {
                return c;
            }
        }).toList();
    }
}
