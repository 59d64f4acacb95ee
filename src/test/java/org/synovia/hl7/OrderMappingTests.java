package org.synovia.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.patient.PostalAddress;
import org.synovia.referral.AllergyCategory;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Indication;
import org.synovia.shared.Sex;

class OrderMappingTests {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "M17.1, OSTEOARTHRITIS", "M15, OSTEOARTHRITIS", "M19.9, OSTEOARTHRITIS", "M14.8, INFLAMMATORY_ARTHRITIS",
            "M05.3, INFLAMMATORY_ARTHRITIS", "M04, -", "M20, -", "M70.6, BURSITIS", "M71.2, BURSITIS", "M65.3, TENDINOPATHY",
            "M67, TENDINOPATHY", "M68, -", "M75.1, TENDINOPATHY", "M77.1, TENDINOPATHY", "M78, -", "S83.2, INJURY", "E11, -",
            "M, -"})
    void readsTheIndicationFromTheIcd10Chapter(String code, Indication expected) {
        assertThat(Icd10.indication(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"E10.9, TYPE_1", "E11, TYPE_2", "e11.65, TYPE_2", "E13, OTHER", "E14.9, OTHER",
            "E12, -", "E09, -", "M17, -"})
    void readsTheDiabetesTypeFromTheIcd10Code(String code, DiabetesType expected) {
        assertThat(Icd10.diabetes(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Lidocaine, LOCAL_ANAESTHETIC", "LIGNOCAINE 1%, LOCAL_ANAESTHETIC", "Triamcinolone (Kenalog), CORTICOSTEROID",
            "Iodinated contrast media, IODINATED_CONTRAST", "Omnipaque, IODINATED_CONTRAST", "Latex gloves, LATEX",
            "Shellfish, OTHER", "Povidone-iodine, OTHER", "Penicillin, OTHER"})
    void classesAnAllergenByItsName(String agent, AllergyCategory expected) {
        assertThat(OrderMapping.allergyCategory(agent)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"F, FEMALE", "m, MALE", "A, INDETERMINATE", "O, INDETERMINATE", "U, NOT_KNOWN", "N, NOT_KNOWN"})
    void readsHl7Table0001Sex(String code, Sex expected) {
        assertThat(OrderMapping.sex(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"X", "Female"})
    void refusesASexCodeOutsideTable0001(String code) {
        assertThatThrownBy(() -> OrderMapping.sex(code)).isInstanceOf(Hl7Rejection.class).hasMessageContaining("PID-8");
    }

    @ParameterizedTest
    @CsvSource({"2026-11-21, 20261121", "2026-02-28, 20260228093000", "1970-03-14, 19700314+0100"})
    void readsHl7Dates(String expected, String hl7) {
        assertThat(Hl7Segments.date(hl7, "PID-7")).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource({"2026112", "20261321", "2026-11-21", "20260230"})
    void refusesAnHl7DateThatIsNotOne(String hl7) {
        assertThatThrownBy(() -> Hl7Segments.date(hl7, "PID-7")).isInstanceOf(Hl7Rejection.class).hasMessageContaining("PID-7");
    }

    @ParameterizedTest
    @CsvSource({"'MSH|^~\\&|EPR|RBH|SYNOVIA|SYNOVIA|20261121||ORM^O01^ORM_O01|C1|P|2.5.1', C1, ORM^O01, EPR, RBH",
            "'MSH|^~\\&|EPR^1.2.3^ISO|RBH|||||ADT^A08|C2|P|2.3', C2, ADT^A08, EPR, RBH"})
    void readsTheHeaderFromRawTextEvenWhenTheRestCannotBeParsed(String raw, String control, String type, String application,
            String facility) {
        assertThat(InboundRouter.header(raw + "\rPID|garbage")).isEqualTo(new InboundLog.Header(control, type, application,
                facility));
    }

    @ParameterizedTest(name = "[{index}] PID-11 {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "1 Test Street^^Reading^^rg11aa                           | 1 Test Street                      | Reading | RG1 1AA",
            "Flat 2^Rose Court^Reading^Berkshire^RG1 1AA^GBR^H        | Flat 2;Rose Court;Berkshire        | Reading | RG1 1AA",
            "9 Old Road^^Bath^^BA1 1AA^^BDL~5 New Road^^Leeds^^LS1 1AA^^H | 5 New Road                     | Leeds   | LS1 1AA",
            "5 New Road^^Leeds^^LS1 1AA^^H~PO Box 7^^York^^YO1 7AA^^M | PO Box 7                           | York    | YO1 7AA",
            "1 Work Park^^Derby^^DE1 1AA^^O                           | -                                  | -       | -",
            "-                                                        | -                                  | -       | -"})
    void readsThePostalAddressFromPid11(String xad, String lines, String town, String postcode) throws Exception {
        PostalAddress address = OrderMapping.patient(adtA08(xad)).address();

        if (lines == null) {
            assertThat(address).isNull();
        }
        else {
            assertThat(address).isEqualTo(new PostalAddress(List.of(lines.split(";")), town, postcode));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1 Test Street^^Reading^^RG1", "1 Test Street^^^^RG1 1AA", "^^Reading^^RG1 1AA",
            "1 Test Street^^Reading^^ZZ99 3VZ"})
    void refusesABadOrPartialAddressNamingPid11(String xad) {
        assertThatThrownBy(() -> OrderMapping.patient(adtA08(xad))).isInstanceOf(Hl7Rejection.class)
                .hasMessageContaining("PID-11");
    }

    private static Hl7Segments adtA08(String xad) throws Exception {
        String raw = "MSH|^~\\&|EPR|RBH|SYNOVIA|SYNOVIA|20261121093000||ADT^A08^ADT_A01|C1|P|2.5.1\r"
                + "PID|1||9434765919^^^NHS^NH||Example^Alex||19700314|F|||" + (xad == null ? "" : xad) + "\r";
        return new Hl7Segments(MllpListener.context().getPipeParser().parse(raw));
    }
}
