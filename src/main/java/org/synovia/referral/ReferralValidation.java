package org.synovia.referral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.synovia.catalogue.InjectionSite;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;
import org.synovia.shared.Laterality;

/**
 * The rules a referral must meet before it is stored. Reports every problem at once, each under
 * the name of its form field. Ranges are plausibility limits that catch typing errors (a weight of
 * 700 kg, an eGFR of 900), not clinical thresholds.
 */
final class ReferralValidation {

    static final BigDecimal MIN_WEIGHT_KG = new BigDecimal("2");
    static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("350");
    static final BigDecimal MIN_HEIGHT_CM = new BigDecimal("40");
    static final BigDecimal MAX_HEIGHT_CM = new BigDecimal("250");
    static final int MIN_CREATININE_UMOL_PER_L = 10;
    static final int MAX_CREATININE_UMOL_PER_L = 2000;
    static final int MIN_EGFR = 1;
    static final int MAX_EGFR = 200;
    static final int MIN_HBA1C_MMOL_PER_MOL = 20;
    static final int MAX_HBA1C_MMOL_PER_MOL = 200;
    static final BigDecimal MIN_INR = new BigDecimal("0.5");
    static final BigDecimal MAX_INR = new BigDecimal("15");
    static final int MAX_TREATMENT_WEEKS = 1040;
    static final int MAX_CLINICAL_QUESTION = 2000;
    static final int MAX_SHORT_TEXT = 500;
    static final int MAX_LIST_ROWS = 10;
    /** Four targets in one session at most: a plausibility limit for one slot, not a clinical threshold (ADR 0040). */
    static final int MAX_ADDITIONAL_TARGETS = 3;
    private static final Pattern SPINAL_LEVELS = Pattern.compile(
            "(?i)\\s*[CTL]\\d{1,2}\\s*/\\s*[CTLS]?\\d{1,2}\\s*(,\\s*[CTL]\\d{1,2}\\s*/\\s*[CTLS]?\\d{1,2}\\s*)*");
    private static final Pattern DOSE_TIMES = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d(\\s*,\\s*([01]\\d|2[0-3]):[0-5]\\d)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9][0-9 ()-]{6,24}");

    private final List<FieldProblem> problems = new ArrayList<>();
    private final LocalDate today;
    private final Function<String, Optional<InjectionSite>> sites;

    private ReferralValidation(LocalDate today, Function<String, Optional<InjectionSite>> sites) {
        this.today = today;
        this.sites = sites;
    }

    static void check(ReferralDetails details, LocalDate today, Function<String, Optional<InjectionSite>> sites) {
        ReferralValidation validation = new ReferralValidation(today, sites);
        validation.checkAll(details);
        if (!validation.problems.isEmpty()) {
            throw new InvalidInputException(validation.problems);
        }
    }

    private void checkAll(ReferralDetails d) {
        required("patientId", d.patientId(), "Choose the patient.");
        checkSite(d);
        checkAdditionalTargets(d);
        required("intent", d.intent(), "Choose diagnostic, therapeutic or both.");
        required("indication", d.indication(), "Choose the indication.");
        if (d.indication() == Indication.OTHER && d.indicationDetail() == null) {
            problem("indicationDetail", "Say what the indication is.");
        }
        length("indicationDetail", d.indicationDetail(), MAX_SHORT_TEXT);
        if (d.clinicalQuestion() == null) {
            problem("clinicalQuestion", "Write the clinical question the injection should answer or the problem it should treat.");
        }
        length("clinicalQuestion", d.clinicalQuestion(), MAX_CLINICAL_QUESTION);
        checkTreatments(d.treatments());
        checkPreviousInjections(d.previousInjections());
        checkAntithrombotics(d.antithrombotics());
        length("otherMedicines", d.otherMedicines(), MAX_CLINICAL_QUESTION);
        checkAllergies(d);
        checkDiabetes(d);
        required("pregnancy", d.pregnancy(), "Say whether the patient could be pregnant.");
        checkWeightAndRenal(d);
        checkSafetyFacts(d);
        required("urgency", d.urgency(), "Choose the urgency.");
        required("requestedInjectate", d.requestedInjectate(), "Choose what should be injected, or ask the radiologist to advise.");
        required("referrerSetting", d.referrerSetting(), "Choose the setting you refer from.");
        checkReferrer(d.referrer());
    }

    private void checkSite(ReferralDetails d) {
        Optional<InjectionSite> site = checkTarget("", d.siteCode(), d.laterality(), d.spinalLevel(), "Choose the site to inject.");
        if (site.isPresent() && d.radicularPain() && !site.get().spinalLevel()
                && site.get().bleedingClass() != InjectionSite.BleedingClass.SACROILIAC) {
            problem("radicularPain", "Radicular (sciatic) pain applies only to spinal referrals.");
        }
    }

    /**
     * Further targets of the same session, each checked like the main one, with what to inject there. A target
     * given twice is refused: the engine would count its local anaesthetic twice, or a typing slip would hide a
     * target that was meant (HAZ-85).
     */
    private void checkAdditionalTargets(ReferralDetails d) {
        if (d.additionalTargets().size() > MAX_ADDITIONAL_TARGETS) {
            problem("additionalTargets", "At most " + MAX_ADDITIONAL_TARGETS + " further targets in one session; refer "
                    + "the others separately.");
        }
        List<ReferralDetails.Target> all = d.targets();
        for (int i = 0; i < d.additionalTargets().size(); i++) {
            ReferralDetails.Target t = d.additionalTargets().get(i);
            String at = "additionalTargets[" + i + "].";
            Optional<InjectionSite> site = checkTarget(at, t.siteCode(), t.laterality(), t.spinalLevel(),
                    "Choose the site of this target, or clear the row.");
            required(at + "requestedInjectate", t.requestedInjectate(),
                    "Choose what should be injected at this target, or ask the radiologist to advise.");
            // all.get(0) is the main target; this target is all.get(i + 1).
            if (site.isPresent() && all.subList(0, i + 1).stream().anyMatch(t::sameAs)) {
                problem(at + "siteCode", "This target is already listed: give each site, side and level once.");
            }
        }
    }

    /** One target's site, side and level, each problem under {@code prefix} + the field name; the site when known. */
    private Optional<InjectionSite> checkTarget(String prefix, String siteCode, Laterality laterality, String spinalLevel,
            String missingSite) {
        if (siteCode == null || siteCode.isBlank()) {
            problem(prefix + "siteCode", missingSite);
            return Optional.empty();
        }
        Optional<InjectionSite> site = sites.apply(siteCode);
        if (site.isEmpty()) {
            problem(prefix + "siteCode", "This site is not in the catalogue.");
            return Optional.empty();
        }
        if (laterality == null) {
            problem(prefix + "laterality", "Choose the side.");
        }
        else if (site.get().lateral() && laterality == Laterality.NOT_APPLICABLE) {
            problem(prefix + "laterality", "Say which side: left, right or both.");
        }
        else if (!site.get().lateral() && laterality != Laterality.NOT_APPLICABLE) {
            problem(prefix + "laterality", "This site has no side; choose 'Not applicable'.");
        }
        if (site.get().spinalLevel()) {
            if (spinalLevel == null) {
                problem(prefix + "spinalLevel", "Give the spinal level, for example L4/5.");
            }
            else if (spinalLevel.length() > 40 || !SPINAL_LEVELS.matcher(spinalLevel).matches()) {
                problem(prefix + "spinalLevel", "Write levels like L4/5 or C5/6, separated by commas.");
            }
        }
        else if (spinalLevel != null) {
            problem(prefix + "spinalLevel", "A spinal level applies only to spinal sites.");
        }
        return site;
    }

    private void checkTreatments(List<ReferralDetails.TreatmentTried> treatments) {
        rows("treatments", treatments);
        for (int i = 0; i < treatments.size(); i++) {
            ReferralDetails.TreatmentTried t = treatments.get(i);
            String at = "treatments[" + i + "].";
            required(at + "kind", t.kind(), "Choose the treatment.");
            if (t.durationWeeks() == null) {
                problem(at + "durationWeeks", "Say for how many weeks.");
            }
            else if (t.durationWeeks() < 0 || t.durationWeeks() > MAX_TREATMENT_WEEKS) {
                problem(at + "durationWeeks", "Enter weeks between 0 and " + MAX_TREATMENT_WEEKS + ".");
            }
            length(at + "detail", t.detail(), MAX_SHORT_TEXT);
        }
    }

    private void checkPreviousInjections(List<ReferralDetails.PreviousInjection> injections) {
        rows("previousInjections", injections);
        for (int i = 0; i < injections.size(); i++) {
            ReferralDetails.PreviousInjection p = injections.get(i);
            String at = "previousInjections[" + i + "].";
            if (p.siteCode() == null || sites.apply(p.siteCode()).isEmpty()) {
                problem(at + "siteCode", "Choose the site that was injected.");
            }
            required(at + "laterality", p.laterality(), "Choose the side.");
            pastDate(at + "date", p.date(), "Enter the date of the injection.");
            if (p.drug() == null) {
                problem(at + "drug", "Name the drug injected, or 'not known'.");
            }
            length(at + "drug", p.drug(), 160);
        }
    }

    private void checkAntithrombotics(List<ReferralDetails.AntithromboticMedicine> medicines) {
        rows("antithrombotics", medicines);
        for (int i = 0; i < medicines.size(); i++) {
            ReferralDetails.AntithromboticMedicine m = medicines.get(i);
            String at = "antithrombotics[" + i + "].";
            required(at + "drug", m.drug(), "Choose the drug.");
            if (m.dose() == null) {
                problem(at + "dose", "Enter the dose, for example 5 mg.");
            }
            length(at + "dose", m.dose(), 40);
            required(at + "frequency", m.frequency(), "Choose how often it is taken.");
            if (m.doseTimes() != null && !DOSE_TIMES.matcher(m.doseTimes()).matches()) {
                problem(at + "doseTimes", "Write times as 24-hour clock, for example 08:00, 20:00.");
            }
        }
    }

    private void checkAllergies(ReferralDetails d) {
        rows("allergies", d.allergies());
        if (d.noKnownAllergies() && !d.allergies().isEmpty()) {
            problem("noKnownAllergies", "You ticked 'No known allergies' and also listed allergies: choose one.");
        }
        if (!d.noKnownAllergies() && d.allergies().isEmpty()) {
            problem("noKnownAllergies", "List the patient's allergies, or tick 'No known allergies'.");
        }
        for (int i = 0; i < d.allergies().size(); i++) {
            ReferralDetails.Allergy a = d.allergies().get(i);
            String at = "allergies[" + i + "].";
            required(at + "category", a.category(), "Choose what the allergy is to.");
            if (a.category() == AllergyCategory.OTHER && a.agent() == null) {
                problem(at + "agent", "Name the agent.");
            }
            length(at + "agent", a.agent(), 120);
            if (a.reaction() == null) {
                problem(at + "reaction", "Describe the reaction (or 'not known').");
            }
            length(at + "reaction", a.reaction(), 300);
        }
    }

    private void checkDiabetes(ReferralDetails d) {
        required("diabetes", d.diabetes(), "Say whether the patient has diabetes.");
        if (d.diabetes() == DiabetesType.NONE) {
            if (d.takesInsulin().isYes()) {
                problem("takesInsulin", "Insulin is recorded but no diabetes is recorded.");
            }
            if (d.hba1cMmolPerMol() != null) {
                problem("hba1cMmolPerMol", "An HbA1c is given but no diabetes is recorded.");
            }
        }
        if (d.hba1cMmolPerMol() != null
                && (d.hba1cMmolPerMol() < MIN_HBA1C_MMOL_PER_MOL || d.hba1cMmolPerMol() > MAX_HBA1C_MMOL_PER_MOL)) {
            problem("hba1cMmolPerMol", "Enter HbA1c in mmol/mol, between " + MIN_HBA1C_MMOL_PER_MOL + " and "
                    + MAX_HBA1C_MMOL_PER_MOL + ".");
        }
    }

    private void checkWeightAndRenal(ReferralDetails d) {
        if (d.heightCm() != null && (d.heightCm().compareTo(MIN_HEIGHT_CM) < 0 || d.heightCm().compareTo(MAX_HEIGHT_CM) > 0)) {
            problem("heightCm", "Enter a height in cm between " + MIN_HEIGHT_CM + " and " + MAX_HEIGHT_CM + ".");
        }
        ReferralDetails.ThromboticRisk risk = d.thromboticRisk();
        optionalPastDate("coronaryStentDate", risk.coronaryStentDate());
        optionalPastDate("lastVteDate", risk.lastVteDate());
        optionalPastDate("lastStrokeDate", risk.lastStrokeDate());
        if (d.weightKg() != null && (d.weightKg().compareTo(MIN_WEIGHT_KG) < 0 || d.weightKg().compareTo(MAX_WEIGHT_KG) > 0)) {
            problem("weightKg", "Enter a weight in kg between " + MIN_WEIGHT_KG + " and " + MAX_WEIGHT_KG + ".");
        }
        if (d.creatinineUmolPerL() != null && (d.creatinineUmolPerL() < MIN_CREATININE_UMOL_PER_L
                || d.creatinineUmolPerL() > MAX_CREATININE_UMOL_PER_L)) {
            problem("creatinineUmolPerL", "Enter creatinine in µmol/L, between " + MIN_CREATININE_UMOL_PER_L + " and "
                    + MAX_CREATININE_UMOL_PER_L + ".");
        }
        if (d.egfr() != null && (d.egfr() < MIN_EGFR || d.egfr() > MAX_EGFR)) {
            problem("egfr", "Enter eGFR in mL/min/1.73 m², between " + MIN_EGFR + " and " + MAX_EGFR + ".");
        }
        boolean anyRenal = d.creatinineUmolPerL() != null || d.egfr() != null;
        if (anyRenal) {
            pastDate("renalTestDate", d.renalTestDate(), "Enter the date of the blood test.");
        }
        else if (d.renalTestDate() != null) {
            problem("renalTestDate", "A test date is given without a creatinine or eGFR result.");
        }
    }

    /** The INR with its date, the last period and the planned replacement with its surgeon (facts AC-01, PG-02, RI-10). */
    private void checkSafetyFacts(ReferralDetails d) {
        if (d.inrValue() != null) {
            if (d.inrValue().compareTo(MIN_INR) < 0 || d.inrValue().compareTo(MAX_INR) > 0) {
                problem("inrValue", "Enter the INR between " + MIN_INR + " and " + MAX_INR + ".");
            }
            if (d.inrDate() == null) {
                problem("inrDate", "Give the date of the INR test, so that an old result can be noticed.");
            }
        }
        else if (d.inrDate() != null) {
            problem("inrValue", "Enter the INR result for this date, or clear the date.");
        }
        optionalPastDate("inrDate", d.inrDate());
        optionalPastDate("lastMenstrualPeriod", d.lastMenstrualPeriod());
        if (d.plannedReplacementDate() == null
                && (d.plannedReplacementSurgeonName() != null || d.plannedReplacementSurgeonEmail() != null)) {
            problem("plannedReplacementDate", "Give the date of the planned joint replacement, or clear the surgeon.");
        }
        length("plannedReplacementSurgeonName", d.plannedReplacementSurgeonName(), 120);
        if (d.plannedReplacementSurgeonEmail() != null && (d.plannedReplacementSurgeonEmail().length() > 254
                || !EMAIL.matcher(d.plannedReplacementSurgeonEmail()).matches())) {
            problem("plannedReplacementSurgeonEmail", "Enter the surgeon's email address like name@example.nhs.uk.");
        }
    }

    private void checkReferrer(ReferralDetails.Referrer r) {
        if (r == null || r.name() == null) {
            problem("referrerName", "Enter the referrer's name.");
        }
        if (r == null || r.organisation() == null) {
            problem("referrerOrganisation", "Enter the referrer's organisation.");
        }
        if (r == null) {
            return;
        }
        length("referrerName", r.name(), 120);
        length("referrerRole", r.role(), 120);
        length("referrerOrganisation", r.organisation(), 160);
        if (r.phone() != null && !PHONE.matcher(r.phone()).matches()) {
            problem("referrerPhone", "Enter a telephone number.");
        }
        if (r.email() != null && (r.email().length() > 254 || !EMAIL.matcher(r.email()).matches())) {
            problem("referrerEmail", "Enter an email address like name@example.nhs.uk.");
        }
    }

    private void optionalPastDate(String field, LocalDate date) {
        if (date != null) {
            pastDate(field, date, null);
        }
    }

    private void pastDate(String field, LocalDate date, String missing) {
        if (date == null) {
            problem(field, missing);
        }
        else if (date.isAfter(today)) {
            problem(field, "The date cannot be in the future.");
        }
        else if (date.isBefore(today.minusYears(50))) {
            problem(field, "The date is more than 50 years ago.");
        }
    }

    private void rows(String field, List<?> rows) {
        if (rows.size() > MAX_LIST_ROWS) {
            problem(field, "At most " + MAX_LIST_ROWS + " rows.");
        }
    }

    private void required(String field, Object value, String message) {
        if (value == null) {
            problem(field, message);
        }
    }

    private void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            problem(field, "Use at most " + max + " characters (this has " + value.length() + ").");
        }
    }

    private void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }
}
