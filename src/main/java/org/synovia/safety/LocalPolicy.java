package org.synovia.safety;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The choices the guidelines leave to local policy (source register §11), bound from {@code synovia.safety.policy}.
 * Every default satisfies every source's minimum (docs/clinical-safety/conventions.md); a null setting takes
 * its default.
 * Each finding affected by a choice names the option in force.
 *
 * @param cervicalFacetCategory PR-04: ASRA intermediate vs SIR high; default SIR_HIGH (the higher)
 * @param heparinBeforeLowRisk AC-12..15: ASRA hold (12 h / 24 h / 6 h) vs SIR "do not withhold"; default ASRA_HOLD
 * @param doacHold AC-23..26: ASRA days, SIR doses, or both; default BOTH (satisfy both)
 * @param clopidogrelHold AC-27: ASRA 7 days vs SIR 5 days; default BOTH (7 days, and the earlier SIR restart)
 * @param lidocainePlainMax LA-01: UK 3 mg/kg vs US 4.5 mg/kg (max 300 mg); default UK_3_MG_PER_KG
 * @param steroidPreferredIntervalDays RI-01: 3 months between injections into one joint, as 84 days (12 weeks)
 * @param steroidMinimumIntervalDays RI-03: 6 weeks (42 days); sooner is a hard stop, between the two a soft stop
 * @param steroidMaxPerJointPerYear RI-01/RI-03/RI-04: 2–3 vs 3–4 per joint per year; default 3
 * @param ukProviderDoacHours AC-02..05 (S9, L): an optional ≥24 h gap after the last DOAC even for low-risk
 *        procedures; default 0 (off), as scenario A1 requires
 * @param localNormalInrUpperLimit AC-21: the local laboratory's upper limit of normal INR, which ASRA's
 *        "normal INR" means; default 1.2 (set to your laboratory's range)
 * @param lowRiskInrBelow AC-01, PR-07: INR must be below this for low-risk procedures on warfarin; default 3.0
 *        (UK protocol "< 3", stricter than SIR "≤ 3.0")
 * @param inrMaxAgeDays S8: INR taken within this many days before the procedure; default 1
 * @param renalResultMaxAgeDays AC-41 (local, L): creatinine older than this is flagged as stale; default 90
 * @param arthroplastyMinimumMonths RI-10/RI-11: months between injection and joint replacement; default 3
 *        (a warning continues up to 6 months, RI-11)
 */
@ConfigurationProperties("synovia.safety.policy")
public record LocalPolicy(
        CervicalFacetCategory cervicalFacetCategory,
        HeparinBeforeLowRisk heparinBeforeLowRisk,
        DoacHold doacHold,
        ClopidogrelHold clopidogrelHold,
        LidocainePlainMax lidocainePlainMax,
        Integer steroidPreferredIntervalDays,
        Integer steroidMinimumIntervalDays,
        Integer steroidMaxPerJointPerYear,
        Integer ukProviderDoacHours,
        Double localNormalInrUpperLimit,
        Double lowRiskInrBelow,
        Integer inrMaxAgeDays,
        Integer renalResultMaxAgeDays,
        Integer arthroplastyMinimumMonths) {

    public enum CervicalFacetCategory { SIR_HIGH, ASRA_INTERMEDIATE }

    public enum HeparinBeforeLowRisk { ASRA_HOLD, SIR_CONTINUE }

    public enum DoacHold { BOTH, ASRA_DAYS, SIR_DOSES }

    /** BOTH satisfies both sources (7 days, earliest restart); the others follow one source alone. */
    public enum ClopidogrelHold { BOTH, ASRA_7_DAYS, SIR_5_DAYS }

    public enum LidocainePlainMax { UK_3_MG_PER_KG, US_4_5_MG_PER_KG }

    public LocalPolicy {
        cervicalFacetCategory = orDefault(cervicalFacetCategory, CervicalFacetCategory.SIR_HIGH);
        heparinBeforeLowRisk = orDefault(heparinBeforeLowRisk, HeparinBeforeLowRisk.ASRA_HOLD);
        doacHold = orDefault(doacHold, DoacHold.BOTH);
        clopidogrelHold = orDefault(clopidogrelHold, ClopidogrelHold.BOTH);
        lidocainePlainMax = orDefault(lidocainePlainMax, LidocainePlainMax.UK_3_MG_PER_KG);
        steroidPreferredIntervalDays = orDefault(steroidPreferredIntervalDays, 84);
        steroidMinimumIntervalDays = orDefault(steroidMinimumIntervalDays, 42);
        steroidMaxPerJointPerYear = orDefault(steroidMaxPerJointPerYear, 3);
        ukProviderDoacHours = orDefault(ukProviderDoacHours, 0);
        localNormalInrUpperLimit = orDefault(localNormalInrUpperLimit, 1.2);
        lowRiskInrBelow = orDefault(lowRiskInrBelow, 3.0);
        inrMaxAgeDays = orDefault(inrMaxAgeDays, 1);
        renalResultMaxAgeDays = orDefault(renalResultMaxAgeDays, 90);
        arthroplastyMinimumMonths = orDefault(arthroplastyMinimumMonths, 3);
        new Checks()
                .that(steroidMinimumIntervalDays <= steroidPreferredIntervalDays, "steroidMinimumIntervalDays",
                        "must not exceed steroidPreferredIntervalDays")
                .range("steroidMaxPerJointPerYear", steroidMaxPerJointPerYear, 1, 4, "injections")
                .range("lowRiskInrBelow", lowRiskInrBelow, 1.0, 3.0, "")
                .range("localNormalInrUpperLimit", localNormalInrUpperLimit, 1.0, 1.5, "")
                .range("arthroplastyMinimumMonths", arthroplastyMinimumMonths, 3, 12, "months")
                .orThrow();
    }

    /** Every setting at its documented, conservative default. */
    public static LocalPolicy defaults() {
        return new LocalPolicy(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The settings in force, one line each, for the rule catalogue page and the docs. */
    public List<String> describe() {
        return List.of(
                "cervical-facet-category = " + cervicalFacetCategory + " (PR-04; alternative ASRA_INTERMEDIATE)",
                "heparin-before-low-risk = " + heparinBeforeLowRisk + " (AC-12..15; alternative SIR_CONTINUE)",
                "doac-hold = " + doacHold + " (AC-23..26; alternatives ASRA_DAYS, SIR_DOSES)",
                "clopidogrel-hold = " + clopidogrelHold + " (AC-27; alternatives ASRA_7_DAYS, SIR_5_DAYS)",
                "lidocaine-plain-max = " + lidocainePlainMax + " (LA-01; alternative US_4_5_MG_PER_KG)",
                "steroid-preferred-interval-days = " + steroidPreferredIntervalDays + " (RI-01)",
                "steroid-minimum-interval-days = " + steroidMinimumIntervalDays + " (RI-03)",
                "steroid-max-per-joint-per-year = " + steroidMaxPerJointPerYear + " (RI-01, RI-03, RI-04)",
                "uk-provider-doac-hours = " + ukProviderDoacHours + " (AC-02 note, S9; 0 = off)",
                "local-normal-inr-upper-limit = " + localNormalInrUpperLimit + " (AC-21)",
                "low-risk-inr-below = " + lowRiskInrBelow + " (AC-01, PR-07)",
                "inr-max-age-days = " + inrMaxAgeDays + " (AC-01, S8)",
                "renal-result-max-age-days = " + renalResultMaxAgeDays + " (AC-41)",
                "arthroplasty-minimum-months = " + arthroplastyMinimumMonths + " (RI-10, RI-11)");
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
