package org.synovia.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.sql.Timestamp;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.patient.NhsNumber;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.PatientId;
import org.synovia.procedure.ProcedureReport;
import org.synovia.shared.Sex;
import org.synovia.testing.TestHl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;

/**
 * Procedure reports out as ORU^R01 to a receiver run by HAPI's own server on loopback: acknowledged, refused
 * (AE) and retried, receiver down and retried, given up and sent again from the staff page.
 */
@SynoviaIntegrationTest
class Hl7OutboundIntegrationTests {

    private static HapiContext hapi;

    @Autowired Hl7Outbox outbox;

    @Autowired Clock clock;
    @Autowired Hl7Properties properties;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    private HL7Service receiver;
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private volatile AcknowledgmentCode answer = AcknowledgmentCode.AA;

    @BeforeAll
    static void context() {
        hapi = MllpListener.context();
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stopAndWait();
            receiver = null;
        }
    }

    private void startReceiver() throws InterruptedException {
        receiver = hapi.newServer(TestHl7.RECEIVER_PORT, false);
        receiver.registerApplication(new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
                received.add(message);
                try {
                    return answer == AcknowledgmentCode.AA ? message.generateACK()
                            : message.generateACK(answer, new HL7Exception("Unknown patient at the receiver"));
                } catch (IOException e) {
                    throw new HL7Exception(e);
                }
            }

            @Override
            public boolean canProcess(Message message) {
                return true;
            }
        });
        receiver.startAndWait();
    }

    /** Queues a report for a synthetic patient the way the listener does, and makes it due now. */
    private UUID queued() {
        UUID appointment = UUID.randomUUID();
        String control = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 19);
        Patient patient = new Patient(PatientId.random(), new NhsNumber(PatientFixtures.uniqueNhsNumber()), "H4455",
                PatientFixtures.uniqueFamilyName(), "Alex", LocalDate.of(1970, 3, 14), Sex.FEMALE, null, null, null, null,
                null, clock.instant());
        ProcedureReport report = new ProcedureReport("Procedure report", patient.displayName(), patient.dateOfBirth(), null,
                LocalDate.of(2026, 11, 20), "Left knee joint injection", "Dr Radiologist", "Ultrasound; needle 21G",
                List.of("Methylprednisolone acetate 40 mg/mL 40 mg (1 mL), batch MP1234, expiry 2027-01-31"),
                "no ionising radiation", List.of("30 min: NRS 2, 71% relief"), "Positive response: 71% relief at 30 minutes",
                "none", "Aftercare given.", false, List.of());
        String payload = ReportMessages.oru(new ReportMessages.Content(control, clock.instant(), ZoneId.of("Europe/London"),
                patient, report, appointment, "KNEE_JOINT", "P123"), properties);
        assertThat(outbox.queue(control, ProcedureReportSender.ORU, appointment, patient.id().value(), payload)).isTrue();
        assertThat(outbox.queue("D" + control.substring(1), ProcedureReportSender.ORU, appointment, patient.id().value(), payload))
                .as("one report message per appointment").isFalse();
        // Reports queued by procedures signed in other tests would otherwise fill the batch ahead of this one.
        jdbc.sql("update hl7_outbound_message set next_attempt_at = ? where status = 'QUEUED' and appointment_id <> ?")
                .params(Timestamp.from(clock.instant().plus(Duration.ofDays(1))), appointment).update();
        return appointment;
    }

    private Map<String, Object> row(UUID appointment) {
        return jdbc.sql("select status, attempts, last_ack_code, last_error from hl7_outbound_message where appointment_id = ?")
                .param(appointment).query().singleRow();
    }

    private void dueNow(UUID appointment) {
        jdbc.sql("update hl7_outbound_message set next_attempt_at = ? where appointment_id = ?")
                .params(Timestamp.from(clock.instant().minusSeconds(1)), appointment).update();
    }

    @Test
    void sendsTheReportAsOruWithOneObservationPerSectionUntilAcknowledged() throws Exception {
        startReceiver();
        UUID appointment = queued();

        outbox.sendDue();

        assertThat(row(appointment)).containsEntry("status", "ACKNOWLEDGED").containsEntry("attempts", 1)
                .containsEntry("last_ack_code", "AA");
        Message oru = received.stream().filter(m -> m.toString().contains(appointment.toString())).findFirst().orElseThrow();
        Terser terser = new Terser(oru);
        assertThat(terser.get("MSH-9-1") + "^" + terser.get("MSH-9-2")).isEqualTo("ORU^R01");
        assertThat(terser.get("/PATIENT_RESULT/PATIENT/PID-3(0)-5")).isEqualTo("NH");
        assertThat(terser.get("/PATIENT_RESULT/ORDER_OBSERVATION/ORC-2")).isEqualTo("P123");
        assertThat(terser.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-25")).isEqualTo("F");
        assertThat(terser.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION(3)/OBX-3-1")).isEqualTo("DRUG");
        assertThat(terser.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION(3)/OBX-5")).contains("batch MP1234");
        assertThat(terser.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION(5)/OBX-5")).contains("71% relief");
    }

    @Test
    void recordsAnErrorAcknowledgementAndTriesAgainLater() throws Exception {
        startReceiver();
        answer = AcknowledgmentCode.AE;
        UUID appointment = queued();

        outbox.sendDue();
        Map<String, Object> refused = row(appointment);
        outbox.sendDue();
        Map<String, Object> notYetDue = row(appointment);
        answer = AcknowledgmentCode.AA;
        dueNow(appointment);
        outbox.sendDue();

        assertThat(refused).containsEntry("status", "QUEUED").containsEntry("attempts", 1).containsEntry("last_ack_code", "AE");
        assertThat((String) refused.get("last_error")).contains("Unknown patient at the receiver");
        assertThat(notYetDue).as("backs off before the next attempt").containsEntry("attempts", 1);
        assertThat(row(appointment)).containsEntry("status", "ACKNOWLEDGED").containsEntry("attempts", 2);
    }

    @Test
    void keepsTheMessageWhileTheReceiverIsDownAndGivesUpAfterTheLastAttemptUntilStaffSendItAgain() throws Exception {
        UUID appointment = queued();

        for (int attempt = 1; attempt <= properties.outbound().maxAttempts(); attempt++) {
            dueNow(appointment);
            outbox.sendDue();
        }

        assertThat(row(appointment)).containsEntry("status", "FAILED").containsEntry("attempts", 3);
        assertThat((String) row(appointment).get("last_error")).startsWith("not delivered");
        UUID id = jdbc.sql("select id from hl7_outbound_message where appointment_id = ?").param(appointment)
                .query(UUID.class).single();
        mvc.perform(get("/interfaces/hl7").with(user("clerk").roles("BOOKING")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/interfaces/hl7/outbound/" + id + "/retry")));

        startReceiver();
        mvc.perform(post("/interfaces/hl7/outbound/{id}/retry", id).with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(row(appointment)).containsEntry("status", "ACKNOWLEDGED");
        mvc.perform(post("/interfaces/hl7/outbound/{id}/retry", id).with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", "Only a failed message can be sent again."));
    }

    @Test
    void givesUpOnAReceiverThatAcceptsTheConnectionButNeverAnswersAndReleasesItsClaim() throws Exception {
        UUID appointment = queued();
        try (java.net.ServerSocket silent = new java.net.ServerSocket(TestHl7.RECEIVER_PORT)) {
            Thread.ofVirtual().start(() -> {
                try {
                    silent.accept(); // and never answer
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            long started = System.nanoTime();

            outbox.sendDue();

            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(millis).as("the ACK timeout ends the attempt").isBetween(properties.outbound().timeout().toMillis(),
                    properties.outbound().timeout().toMillis() + 5_000);
        }
        assertThat(row(appointment)).containsEntry("status", "QUEUED").containsEntry("attempts", 1);
        assertThat((String) row(appointment).get("last_error")).startsWith("not delivered");
        assertThat(jdbc.sql("select claimed_by from hl7_outbound_message where appointment_id = ?").param(appointment)
                .query(String.class).optional()).as("the claim is released for the next attempt").isEmpty();
    }

    @Test
    void sendsNothingFromInsideATransaction() {
        org.springframework.transaction.support.TransactionTemplate transaction =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> outbox.sendDue()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside transactions");
    }

    @Test
    void showsTheInterfacePageOnlyToAdministratorsAndBookingStaff() throws Exception {
        mvc.perform(get("/interfaces/hl7").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Received")))
                .andExpect(content().string(Matchers.containsString("href=\"/interfaces/hl7\">HL7 interface</a>")));
        mvc.perform(get("/").with(user("nurse").roles("NURSE"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("HL7 interface</a>"))));
        mvc.perform(get("/interfaces/hl7").with(user("nurse").roles("NURSE"))).andExpect(status().isForbidden());
    }
}
