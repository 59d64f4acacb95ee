package org.synovia.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralSafety;
import org.synovia.referral.Referrals;
import org.synovia.safety.Finding;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.Severity;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;

/**
 * The safety facts an order carries in OBX, sent over MLLP on loopback: a yes/no question not sent is "not
 * known", an explicit N is no, and each fact changes what the engine finds for the referral it makes.
 */
@SynoviaIntegrationTest
class Hl7SafetyFactsIntegrationTests {

    private static TestOrderSystem client;

    @Autowired MllpListener listener;
    @Autowired JdbcClient jdbc;
    @Autowired Referrals referrals;
    @Autowired ReferralSafety safety;
    @Autowired UserAccounts accounts;
    @Autowired Clock clock;

    @BeforeAll
    static void startClient() {
        client = new TestOrderSystem();
    }

    @AfterAll
    static void stopClient() throws IOException {
        client.close();
    }

    @BeforeEach
    void signIn() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.RADIOLOGIST));
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private static String obx(int setId, String type, String code, String value, String units, String date) {
        return "OBX|" + setId + "|" + type + "|" + code + "||" + value + "|" + (units == null ? "" : units) + "|||||F|||"
                + (date == null ? "" : date);
    }

    private static String hl7(LocalDate date) {
        return date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** Sends the lumbar facet order with these OBX facts; returns the ACK and the referral it made, if any. */
    private Sent send(String... facts) throws Exception {
        return send("orm-o01-lumbar-facet-safety-facts.hl7", java.util.Map.of(), facts);
    }

    /** Sends an order from a template with its own placeholders filled and these OBX facts. */
    private Sent send(String template, java.util.Map<String, String> fill, String... facts) throws Exception {
        var sample = new Hl7InboundIntegrationTests.Sample();
        String text = sample.text(template, "T" + System.nanoTime()).replace("${FACTS}", String.join("\r", facts))
                .replaceAll("\r+$", "");
        for (var e : fill.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        Message ack = client.send(listener.port(), text);
        Optional<UUID> id = TestOrderSystem.referralOf(jdbc, sample.nhs);
        return new Sent(new Terser(ack), id.map(i -> referrals.show(new ReferralId(i)).details()).orElse(null));
    }

    private record Sent(Terser ack, ReferralDetails details) {
    }

    private SafetyAssessment assessedTomorrow(ReferralDetails details) {
        return safety.assess(details, safety.requestedProcedure(details)
                .withStart(LocalDate.now(clock).plusDays(1).atTime(LocalTime.of(10, 0))));
    }

    private static Optional<Finding> finding(SafetyAssessment assessment, String ruleId) {
        return assessment.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
    }

    @Test
    void olderAgeSentAsYesRaisesTheAsraCategoryAndNotSentIsNotKnown() throws Exception {
        Sent older = send(obx(11, "CWE", "OLDER_AGE^Older age^SYNOVIA", "Y", null, null));
        Sent silent = send();

        assertThat(older.ack().get("MSA-1")).isEqualTo("AA");
        assertThat(older.details().olderAge()).hasToString("YES");
        assertThat(silent.details().olderAge()).hasToString("NOT_KNOWN");
        assertThat(finding(safety.assess(older.details()), "SAF-010")).get()
                .satisfies(f -> assertThat(f.message()).contains("ASRA category raised one step for older age"));
        assertThat(finding(safety.assess(silent.details()), "SAF-010")).get()
                .satisfies(f -> assertThat(f.message()).doesNotContain("raised one step")
                        .contains("not recorded: older age"));
    }

    @Test
    void infectionNotSentIsNotKnownAndAnExplicitNoIsNo() throws Exception {
        Sent no = send(obx(11, "CWE", "INFECTION_AT_SITE^Infection at site^SYNOVIA", "N", null, null));
        Sent unknown = send(obx(11, "CWE", "INFECTION_AT_SITE^Infection at site^SYNOVIA", "U", null, null));
        Sent silent = send();

        assertThat(no.details().infectionAtSite()).hasToString("NO");
        assertThat(unknown.details().infectionAtSite()).hasToString("NOT_KNOWN");
        assertThat(silent.details().infectionAtSite()).hasToString("NOT_KNOWN");
        assertThat(finding(safety.assess(no.details()), "SAF-020")).isEmpty();
        assertThat(finding(safety.assess(silent.details()), "SAF-020")).get()
                .satisfies(f -> assertThat(f.message()).contains("CI-01"));
    }

    @Test
    void refusesAYesNoAnswerThatIsNeitherNamingTheObx() throws Exception {
        Sent bad = send(obx(11, "CWE", "SUSPECTED_SEPTIC_JOINT^Septic joint^SYNOVIA", "maybe", null, null));

        assertThat(bad.ack().get("MSA-1")).isEqualTo("AE");
        assertThat(bad.ack().get("MSA-3")).contains("SUSPECTED_SEPTIC_JOINT");
        assertThat(bad.details()).isNull();
    }

    @Test
    void anInrByLoincWithItsDateDecidesTheWarfarinCheck() throws Exception {
        LocalDate today = LocalDate.now(clock);
        Sent inRange = send(obx(11, "NM", "6301-6^INR in Platelet poor plasma by Coagulation assay^LN", "2.1", "{INR}", hl7(today)));
        Sent tooHigh = send(obx(11, "NM", "34714-6^INR in Blood by Coagulation assay^LN", "3.6", "{INR}", hl7(today)));
        Sent none = send();

        assertThat(inRange.details().inrValue()).isEqualByComparingTo("2.1");
        assertThat(inRange.details().inrDate()).isEqualTo(today);
        assertThat(finding(assessedTomorrow(inRange.details()), "SAF-012")).get()
                .satisfies(f -> assertThat(f.message()).contains("2.1"))
                .satisfies(f -> assertThat(f.severity()).isNotEqualTo(Severity.STOP));
        assertThat(finding(assessedTomorrow(tooHigh.details()), "SAF-012")).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.STOP));
        assertThat(finding(assessedTomorrow(none.details()), "SAF-012")).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARN));
    }

    @Test
    void readsTheLastPeriodCreatinineInMgPerDlAndThePlannedReplacementThroughTheSharedCodes() throws Exception {
        LocalDate lmp = LocalDate.now(clock).minusDays(20);
        LocalDate operation = LocalDate.now(clock).plusDays(60);
        Sent sent = send(obx(11, "DT", "8665-2^Last menstrual period start date^LN", hl7(lmp), null, null),
                obx(12, "NM", "2160-0^Creatinine [Mass/volume] in Serum or Plasma^LN", "1.2", "mg/dL", hl7(lmp)),
                obx(13, "CWE", "CHILDBEARING_POTENTIAL^Could become pregnant^SYNOVIA", "Y", null, null),
                obx(14, "DT", "PLANNED_REPLACEMENT_DATE^Planned replacement^SYNOVIA", hl7(operation), null, null),
                obx(15, "ST", "PLANNED_REPLACEMENT_SURGEON^Surgeon^SYNOVIA", "Ms Spine Surgeon", null, null),
                obx(16, "ST", "PLANNED_REPLACEMENT_SURGEON_EMAIL^Surgeon email^SYNOVIA", "spine.surgeon@example.nhs.uk", null, null));

        assertThat(sent.ack().get("MSA-1")).isEqualTo("AA");
        ReferralDetails d = sent.details();
        assertThat(d.lastMenstrualPeriod()).isEqualTo(lmp);
        assertThat(d.creatinineUmolPerL()).isEqualTo(106); // 1.2 mg/dL × 88.4
        var facts = safety.input(d, safety.requestedProcedure(d)).patient();
        assertThat(facts.lastMenstrualPeriod()).isEqualTo(lmp);
        assertThat(facts.childbearingPotential()).hasToString("YES");
        assertThat(facts.plannedJointReplacement().surgeonEmail()).isEqualTo("spine.surgeon@example.nhs.uk");
        assertThat(facts.plannedJointReplacement().date()).isEqualTo(operation);
        assertThat(facts.plannedJointReplacement().siteCode()).isEqualTo("FACET_LUMBAR");
    }

    /** A man of 36 with no pregnancy answer, for a lumbar facet (X-ray) or a left knee (ultrasound). */
    private Sent sentWithoutPregnancyAnswer(boolean xray) throws Exception {
        LocalDate born = LocalDate.now(clock).minusYears(36);
        return send("orm-o01-no-pregnancy-answer.hl7", java.util.Map.of("${DOB}", hl7(born), "${SEX}", "M",
                "${SITE}", xray ? "FACET_LUMBAR^Lumbar facet joint injection^SYNOVIA" : "KNEE_JOINT^Knee joint injection^SYNOVIA",
                "${SIDE}", xray ? "R^Right^HL70495" : "L^Left^HL70495",
                "OBX|3|ST|SPINAL_LEVEL^Spinal level^SYNOVIA||L4/5||||||F|||", xray ? "OBX|3|ST|SPINAL_LEVEL^Spinal level^SYNOVIA||L4/5||||||F|||" : ""));
    }

    /** HAZ-88: no pregnancy answer is "not recorded", never "not applicable" by sex; the enquiry is asked before X-ray only. */
    @Test
    void anAbsentPregnancyAnswerIsNotRecordedForAManAndAsksTheEnquiryOnlyBeforeXray() throws Exception {
        Sent xray = sentWithoutPregnancyAnswer(true);
        Sent ultrasound = sentWithoutPregnancyAnswer(false);

        assertThat(xray.ack().get("MSA-1")).isEqualTo("AA");
        assertThat(ultrasound.ack().get("MSA-1")).isEqualTo("AA");
        assertThat(xray.details().pregnancy()).hasToString("NOT_RECORDED");
        assertThat(ultrasound.details().pregnancy()).hasToString("NOT_RECORDED");
        assertThat(finding(assessedTomorrow(xray.details()), "SAF-050")).get()
                .satisfies(f -> assertThat(f.message()).contains("Pregnancy status not recorded"))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARN));
        assertThat(finding(assessedTomorrow(ultrasound.details()), "SAF-050")).isEmpty();
    }

    @Test
    void anExplicitPregnancyAnswerStillStandsForAMan() throws Exception {
        Sent sent = send("orm-o01-no-pregnancy-answer.hl7", java.util.Map.of("${DOB}", hl7(LocalDate.now(clock).minusYears(36)),
                "${SEX}", "M", "${SITE}", "FACET_LUMBAR^Lumbar facet joint injection^SYNOVIA", "${SIDE}", "R^Right^HL70495"),
                obx(11, "CWE", "PREGNANCY^Could be pregnant^SYNOVIA", "NOT_APPLICABLE", null, null));

        assertThat(sent.details().pregnancy()).hasToString("NOT_APPLICABLE");
        assertThat(finding(assessedTomorrow(sent.details()), "SAF-050")).isEmpty();
    }

    /** NTE is the referrer's free text: it reaches the clinical question and never becomes a fact. */
    @Test
    void readsNteOnlyAsFreeTextNeverAsFacts() throws Exception {
        Sent sent = send("NTE|1||INR 4.5 yesterday; allergic to latex; diabetic on insulin");

        assertThat(sent.ack().get("MSA-1")).isEqualTo("AA");
        assertThat(sent.details().clinicalQuestion()).contains("INR 4.5 yesterday");
        assertThat(sent.details().inrValue()).isNull();
        assertThat(sent.details().allergies()).isEmpty();
        assertThat(sent.details().takesInsulin()).hasToString("NOT_KNOWN");
    }

    /** The shared table's SNOMED CT codes: a finding with a coded yes, a blood thinner by substance, an allergen by substance. */
    @Test
    void readsSnomedCodedQuestionsMedicinesAndAllergensThroughTheSharedTable() throws Exception {
        Sent sent = send(obx(11, "CWE", "19943007^Cirrhosis of liver^SCT", "373066001^Yes^SCT", null, null),
                obx(12, "CWE", "46177005^End-stage renal disease^SCT", "373067005^No^SCT", null, null),
                obx(13, "CWE", "ANTITHROMBOTIC^Antithrombotic^SYNOVIA", "698090000^Apixaban^SCT", null, null)
                        .replace("|13|CWE|ANTITHROMBOTIC^Antithrombotic^SYNOVIA||", "|13|CWE|ANTITHROMBOTIC^Antithrombotic^SYNOVIA|2|"),
                "OBX|14|ST|ANTITHROMBOTIC_DOSE^Dose^SYNOVIA|2|5 mg||||||F|||",
                "OBX|15|CWE|ANTITHROMBOTIC_FREQUENCY^Frequency^SYNOVIA|2|TWICE_DAILY||||||F|||");

        assertThat(sent.ack().get("MSA-1")).isEqualTo("AA");
        assertThat(sent.details().advancedLiverDisease()).hasToString("YES");
        assertThat(sent.details().advancedRenalDisease()).hasToString("NO");
        assertThat(sent.details().antithrombotics()).extracting(m -> m.drug().name()).containsExactly("WARFARIN", "APIXABAN");
        assertThat(safety.input(sent.details(), safety.requestedProcedure(sent.details())).patient().bleedingRiskFactors()
                .advancedLiverDisease()).hasToString("YES");
    }
}
