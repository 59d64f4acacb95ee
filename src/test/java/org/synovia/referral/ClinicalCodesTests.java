package org.synovia.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.YesNoUnknown;

/** The one code table every door reads through. */
class ClinicalCodesTests {

    @ParameterizedTest(name = "LOINC {0} → {1}")
    @CsvSource({
            "29463-7, WEIGHT_KG", "3141-9, WEIGHT_KG", "8302-2, HEIGHT_CM", "14682-9, CREATININE_UMOL_L",
            "2160-0, CREATININE_UMOL_L", "33914-3, EGFR", "62238-1, EGFR", "98979-8, EGFR", "69405-9, EGFR",
            "59261-8, HBA1C_MMOL_MOL", "6301-6, INR", "34714-6, INR", "38875-1, INR", "8665-2, LAST_MENSTRUAL_PERIOD"})
    void findsEachMeasuredFactByEveryLoincCodeThatCarriesIt(String loinc, ClinicalCodes.Measured fact) {
        assertThat(ClinicalCodes.byLoinc(loinc)).contains(fact);
        assertThat(ClinicalCodes.measured(fact.localCode())).contains(fact);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(value = {"Y, YES", "y, YES", "N, NO", "U, NOT_KNOWN", "UNK, NOT_KNOWN", "true, YES", "false, NO",
            "YES, YES", "NOT_KNOWN, NOT_KNOWN", "'', NOT_KNOWN", "NULL, NOT_KNOWN"}, nullValues = "NULL")
    void readsYesNoAndNotKnownAndAnAbsentAnswerIsNotKnown(String value, YesNoUnknown expected) {
        assertThat(ClinicalCodes.answer(value, "OBX X")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"maybe", "2", "si"})
    void refusesAnAnswerThatIsNotYesNoOrNotKnownNamingItsPlace(String value) {
        assertThatThrownBy(() -> ClinicalCodes.answer(value, "OBX OLDER_AGE")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OBX OLDER_AGE");
    }

    @ParameterizedTest(name = "{0} {1} → {2} µmol/L")
    @CsvSource({"1.0, mg/dL, 88.4", "1.2, mg/dL, 106.08", "90, umol/L, 90", "90, , 90"})
    void convertsCreatinineInMgPerDl(double value, String unit, double expected) {
        assertThat(ClinicalCodes.creatinineUmolPerL(value, unit)).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.001));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(value = {"LA15173-0, PREGNANT", "LA26683-5, NOT_PREGNANT", "LA4489-6, POSSIBLE", "LA9999-9, NULL"},
            nullValues = "NULL")
    void readsPregnancyStatusAnswersAndTakesUnknownAsPossible(String code, PregnancyPossibility expected) {
        assertThat(ClinicalCodes.pregnancyStatus(code).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(value = {"46635009, TYPE_1", "44054006, TYPE_2", "73211009, OTHER", "E10.9, TYPE_1", "E11, TYPE_2",
            "E13.1, OTHER", "E14, OTHER", "M17.1, NULL", "I10, NULL"}, nullValues = "NULL")
    void readsDiabetesFromSnomedCtAndIcd10(String code, DiabetesType expected) {
        assertThat(ClinicalCodes.diabetes(code)).isEqualTo(expected);
    }
}
