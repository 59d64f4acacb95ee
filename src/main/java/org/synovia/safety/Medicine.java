package org.synovia.safety;

import java.time.LocalTime;
import java.util.List;

import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;

/**
 * A regular medicine. Antithrombotics name their {@code drug}; others only a {@code name}. Dosing
 * times drive the hold arithmetic (facts AC-40); when none are given the defaults are od 08:00,
 * bd 08:00 and 20:00, tds 06:00, 14:00 and 22:00.
 */
public record Medicine(Antithrombotic drug, String name, Double doseMg, String doseText, DoseFrequency frequency,
        List<LocalTime> doseTimes, PreventionIndication indication) {

    public Medicine {
        doseTimes = doseTimes == null ? List.of() : doseTimes.stream().sorted().toList();
        indication = indication == null ? PreventionIndication.UNKNOWN : indication;
        new Checks()
                .that(drug != null || (name != null && !name.isBlank()), "drug", "name the drug")
                .that(drug == null || frequency != null, "frequency", "is required for a blood thinner")
                .that(doseTimes.isEmpty() || frequency == null || frequency == DoseFrequency.OTHER
                        || doseTimes.size() == frequency.dosesPerDay(), "doseTimes",
                        "must list one time per daily dose")
                .that(doseTimes.stream().distinct().count() == doseTimes.size(), "doseTimes", "must not repeat a time")
                .range("doseMg", doseMg, 0, 100000, "mg")
                .orThrow();
    }

    /** An antithrombotic at the default times for its frequency. */
    public static Medicine of(Antithrombotic drug, double doseMg, DoseFrequency frequency, LocalTime... times) {
        return new Medicine(drug, drug.label(), doseMg, null, frequency, List.of(times), null);
    }

    public Medicine withIndication(PreventionIndication value) {
        return new Medicine(drug, name, doseMg, doseText, frequency, doseTimes, value);
    }

    /** The name a patient knows it by. */
    public String displayName() {
        if (drug == null) {
            return name;
        }
        return drug.label().replaceAll(" \\(.*\\)$", "").replace("Unfractionated heparin, ", "heparin ").toLowerCase();
    }
}
