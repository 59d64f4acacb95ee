package org.synovia.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.patient.PatientFixtures;

import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;

/**
 * Orders, demographics and bad messages sent over MLLP on loopback with HAPI's own client, as a hospital
 * system would; the samples are under src/test/resources/hl7.
 */
@SynoviaIntegrationTest
class Hl7InboundIntegrationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static TestOrderSystem client;

    @Autowired MllpListener listener;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void startClient() {
        client = new TestOrderSystem();
    }

    @AfterAll
    static void stopClient() throws IOException {
        client.close();
    }

    /** A sample with fresh identifiers, so that every test has its own patient and order. */
    static final class Sample {
        final String nhs = PatientFixtures.uniqueNhsNumber();
        final String hospital = "H" + (100000 + SEQUENCE.incrementAndGet()) + System.nanoTime() % 10000;
        final String family = PatientFixtures.uniqueFamilyName();
        final String placer = "P" + UUID.randomUUID().toString().substring(0, 8);

        String text(String file, String controlId) {
            try (var in = Hl7InboundIntegrationTests.class.getResourceAsStream("/hl7/" + file)) {
                String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (var e : Map.of("${CONTROL}", controlId, "${NHS}", nhs, "${HOSPITAL}", hospital, "${FAMILY}", family,
                        "${PLACER}", placer).entrySet()) {
                    template = template.replace(e.getKey(), e.getValue());
                }
                return template.strip().replace("\n", "\r");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String controlId() {
        return "T" + System.nanoTime();
    }

    private Message send(String text) throws Exception {
        return client.send(listener.port(), text);
    }

    private int referralsFor(Sample sample) {
        return jdbc.sql("select count(*) from referral r join patient p on p.id = r.patient_id where p.nhs_number = ?")
                .param(sample.nhs).query(Integer.class).single();
    }

    @Test
    void turnsAnOrmIntoAReferralThatExistsWhenTheSenderReadsTheAcknowledgement() throws Exception {
        Sample sample = new Sample();
        String control = controlId();

        Message ack = send(sample.text("orm-o01-knee-on-apixaban.hl7", control));

        Terser terser = new Terser(ack);
        assertThat(terser.get("MSA-1")).isEqualTo("AA");
        assertThat(terser.get("MSA-2")).isEqualTo(control);
        // Read at once, without waiting: the ACK is sent only after the commit.
        var row = jdbc.sql("""
                select r.site_code, r.laterality, r.intent, r.indication, r.urgency, r.referrer_name, r.referrer_organisation,
                       r.referrer_email, r.submitted_by, p.family_name, p.hospital_number, p.mobile, p.gp_practice
                from referral r join patient p on p.id = r.patient_id where p.nhs_number = ?
                """).param(sample.nhs).query().singleRow();
        assertThat(row).containsEntry("site_code", "KNEE_JOINT").containsEntry("laterality", "LEFT")
                .containsEntry("intent", "THERAPEUTIC").containsEntry("indication", "OSTEOARTHRITIS")
                .containsEntry("urgency", "ROUTINE").containsEntry("referrer_name", "Dr Casey Consultant")
                .containsEntry("referrer_organisation", "Test Hospital Trust")
                .containsEntry("referrer_email", "casey.consultant@example.nhs.uk").containsEntry("submitted_by", "hl7-interface")
                .containsEntry("family_name", sample.family).containsEntry("hospital_number", sample.hospital)
                .containsEntry("mobile", "07700900123").containsEntry("gp_practice", "Test Surgery");
        assertThat(terser.get("MSA-3")).startsWith("referral ");
        assertThat(jdbc.sql("select ack_code from hl7_inbound_message where control_id = ?").param(control)
                .query(String.class).single()).isEqualTo("AA");
    }

    @Test
    void carriesTheBloodThinnerAllergyAndRenalResultIntoTheReferral() throws Exception {
        Sample sample = new Sample();

        assertThat(new Terser(send(sample.text("orm-o01-knee-on-apixaban.hl7", controlId()))).get("MSA-1")).isEqualTo("AA");

        String id = jdbc.sql("select r.id::text from referral r join patient p on p.id = r.patient_id where p.nhs_number = ?")
                .param(sample.nhs).query(String.class).single();
        String children = jdbc.sql("""
                select (select string_agg(drug || ' ' || dose || ' ' || frequency || ' ' || coalesce(dose_times, ''), ';')
                          from referral_antithrombotic where referral_id = r.id)
                    || ' | ' || (select string_agg(category || ' ' || agent || ' ' || reaction, ';') from referral_allergy
                          where referral_id = r.id)
                    || ' | ' || r.creatinine_umol_per_l || ' ' || r.renal_test_date || ' ' || r.weight_kg || ' ' || r.diabetes
                from referral r where r.id = ?::uuid
                """).param(id).query(String.class).single();
        assertThat(children).isEqualTo("APIXABAN 5 mg TWICE_DAILY 08:00, 20:00 | OTHER Penicillin Rash | 90 2026-10-01 80.5 TYPE_2");
    }

    @Test
    void keepsAccentedNamesIntactInUtf8Messages() throws Exception {
        Sample sample = new Sample();
        String family = "Zoë-" + sample.family.substring("Testperson".length()) + "ñ";

        Message ack = send(sample.text("orm-o01-knee-on-apixaban.hl7", controlId()).replace(sample.family, family));

        assertThat(new Terser(ack).get("MSA-1")).isEqualTo("AA");
        assertThat(jdbc.sql("select family_name from patient where nhs_number = ?").param(sample.nhs).query(String.class).single())
                .isEqualTo(family);
    }

    @Test
    void takesAnOmgOrderTheSameWay() throws Exception {
        Sample sample = new Sample();

        Message ack = send(sample.text("omg-o19-knee-on-apixaban.hl7", controlId()));

        assertThat(new Terser(ack).get("MSA-1")).isEqualTo("AA");
        assertThat(referralsFor(sample)).isEqualTo(1);
    }

    @Test
    void makesNoSecondReferralForAResentMessageOrTheSameOrderUnderANewControlId() throws Exception {
        Sample sample = new Sample();
        String control = controlId();

        Message first = send(sample.text("orm-o01-knee-on-apixaban.hl7", control));
        Message resent = send(sample.text("orm-o01-knee-on-apixaban.hl7", control));
        Message sameOrder = send(sample.text("orm-o01-knee-on-apixaban.hl7", controlId()));

        assertThat(new Terser(first).get("MSA-1")).isEqualTo("AA");
        assertThat(new Terser(resent).get("MSA-1")).isEqualTo("AA");
        assertThat(new Terser(resent).get("MSA-3")).startsWith("already accepted");
        assertThat(new Terser(sameOrder).get("MSA-1")).isEqualTo("AA");
        assertThat(referralsFor(sample)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from hl7_inbound_message where raw_message like ?").param("%" + sample.placer + "%")
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void refusesAPlacerOrderNumberTheSenderAlreadyUsedForAnotherPatient() throws Exception {
        Sample first = new Sample();
        Sample second = new Sample();
        send(first.text("orm-o01-knee-on-apixaban.hl7", controlId()));

        Message ack = send(second.text("orm-o01-knee-on-apixaban.hl7", controlId()).replace(second.placer, first.placer));

        assertThat(new Terser(ack).get("MSA-1")).isEqualTo("AE");
        assertThat(new Terser(ack).get("/ERR-8")).contains("another patient");
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(second.nhs).query(Integer.class).single())
                .isZero();
    }

    @Test
    void refusesAnOrderWithoutAllergyInformationNamingTheSegmentAndStoresNothing() throws Exception {
        Sample sample = new Sample();
        String control = controlId();

        Message ack = send(sample.text("orm-o01-without-allergies.hl7", control));

        Terser terser = new Terser(ack);
        assertThat(terser.get("MSA-1")).isEqualTo("AE");
        assertThat(terser.get("MSA-3")).startsWith("AL1 (allergies, or AL1-3 NKA)");
        assertThat(terser.get("/ERR-8")).contains("List the patient's allergies");
        assertThat(referralsFor(sample)).isZero();
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(sample.nhs).query(Integer.class).single())
                .as("the patient registration was rolled back with the order").isZero();
        assertThat(jdbc.sql("select outcome from hl7_inbound_message where control_id = ?").param(control)
                .query(String.class).single()).contains("List the patient's allergies");
    }

    @Test
    void rejectsAMessageTypeItDoesNotTake() throws Exception {
        Sample sample = new Sample();

        Message ack = send(sample.text("oru-r01-inbound-not-accepted.hl7", controlId()));

        Terser terser = new Terser(ack);
        assertThat(terser.get("MSA-1")).isEqualTo("AR");
        assertThat(terser.get("MSA-3")).contains("ORU^R01").contains("not accepted");
    }

    @Test
    void answersAnUnparseableMessageWithAnErrorAndKeepsTheConnectionOpen() throws Exception {
        Sample sample = new Sample();
        String control = controlId();
        MinLowerLayerProtocol mllp = new MinLowerLayerProtocol();
        try (Socket socket = new Socket("localhost", listener.port())) {
            var writer = mllp.getWriter(socket.getOutputStream());
            var reader = mllp.getReader(socket.getInputStream());

            writer.writeMessage(sample.text("malformed-unknown-version.hl7", control));
            String answer = reader.getMessage();
            writer.writeMessage(sample.text("omg-o19-knee-on-apixaban.hl7", controlId()));
            String second = reader.getMessage();

            assertThat(answer).containsPattern("MSA\\|A[ER]\\|" + control).contains("cannot be parsed").contains("9.9");
            assertThat(second).contains("MSA|AA|");
        }
        assertThat(jdbc.sql("select ack_code from hl7_inbound_message where control_id = ?").param(control)
                .query(String.class).single()).isIn("AE", "AR");
    }

    @Test
    void updatesTheDemographicsOfAKnownPatientFromAnAdtA08() throws Exception {
        Sample sample = new Sample();
        send(sample.text("orm-o01-knee-on-apixaban.hl7", controlId()));

        Message ack = send(sample.text("adt-a08-new-name.hl7", controlId()));

        assertThat(new Terser(ack).get("MSA-1")).isEqualTo("AA");
        var patient = jdbc.sql("""
                select given_name, mobile, hospital_number, address_line_1, address_town, address_postcode
                from patient where nhs_number = ?""").param(sample.nhs).query().singleRow();
        // The order's PID-11 gave the address; the A08 sends none, so it stays.
        assertThat(patient).containsEntry("given_name", "Alexandra").containsEntry("mobile", "07700900456")
                .containsEntry("hospital_number", sample.hospital).containsEntry("address_line_1", "1 Test Street")
                .containsEntry("address_town", "Reading").containsEntry("address_postcode", "RG1 1AA");
    }

    @Test
    void refusesAnAdtA08ForAnUnknownPatient() throws Exception {
        Message ack = send(new Sample().text("adt-a08-new-name.hl7", controlId()));

        assertThat(new Terser(ack).get("MSA-1")).isEqualTo("AE");
        assertThat(new Terser(ack).get("MSA-3")).contains("no patient");
    }
}
