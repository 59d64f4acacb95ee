package org.synovia.safety;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engine's answers kept by their whole input and day (ADR 0128), for pages that show the same answers on every
 * view. A key is the input's value, compared field by field down to its last list (every type in it is a record,
 * an enum or a value; {@code SafetyInputValueTests} fails on any other), never an id or a version, so no change can
 * leave an old answer standing. At most {@code capacity} are kept; past that all are forgotten at once.
 */
final class RememberedAssessments {

    /** Ten full day lists of 200 patients, twice over. */
    static final int KEPT = 4_000;

    private record Key(SafetyInput input, LocalDate today) {
    }

    private final int capacity;
    private final Map<Key, SafetyAssessment> answers = new ConcurrentHashMap<>();

    RememberedAssessments(int capacity) {
        this.capacity = capacity;
    }

    SafetyAssessment answer(SafetyInput input, LocalDate today, Supplier<SafetyAssessment> engine) {
        Key key = new Key(input, today);
        SafetyAssessment kept = answers.get(key);
        if (kept != null) {
            return kept;
        }
        SafetyAssessment answer = engine.get();
        if (answers.size() >= capacity) {
            answers.clear();
        }
        answers.put(key, answer);
        return answer;
    }

    int size() {
        return answers.size();
    }
}
