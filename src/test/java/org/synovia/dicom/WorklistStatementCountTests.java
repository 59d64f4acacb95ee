package org.synovia.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.Tag;
import org.synovia.dicom.net.FindService;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.testing.StatementCounter;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A worklist query costs the same number of SQL statements for 3 scheduled steps as for 30 (ADR 0047, ADR 0098,
 * ADR 0110): the station titles, the steps, their numbers (none once this instance has seen them committed) and the
 * audit lines (one per patient) in one statement each. What a query keeps for the next (numbers, built answers)
 * never outlives a change to the steps.
 */
@SynoviaIntegrationTest
class WorklistStatementCountTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    @Autowired FindService worklist;
    @Autowired DicomStations stations;
    @Autowired BookingDesk desk;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    record Room(String station, LocalDate day, String tag) {
    }

    record Counted(List<Dataset> result, long statements) {
    }

    /** Counted with the station titles read afresh, as a query does when they were last read over a second ago. */
    private Counted counted(java.util.concurrent.Callable<List<Dataset>> query) throws Exception {
        stations.forgetTitles();
        java.util.concurrent.atomic.AtomicReference<List<Dataset>> answers = new java.util.concurrent.atomic.AtomicReference<>();
        long statements = StatementCounter.count(() -> answers.getAndSet(query.call()));
        return new Counted(answers.get(), statements);
    }

    @Test
    void runsAsManyStatementsForThirtyStepsAsForThree() throws Exception {
        Appointment template = bookOne();
        Room three = room(template, 3);
        Room thirty = room(template, 30);

        var firstThree = counted(() -> worklist.find(machineQuery(three, null), three.station()));
        var firstThirty = counted(() -> worklist.find(machineQuery(thirty, null), thirty.station()));
        var againThree = counted(() -> worklist.find(machineQuery(three, null), three.station()));
        var againThirty = counted(() -> worklist.find(machineQuery(thirty, null), thirty.station()));

        assertThat(firstThree.result()).hasSize(3);
        assertThat(firstThirty.result()).hasSize(30);
        assertThat(againThirty.result()).hasSize(30);
        assertThat(firstThree.statements()).as("counted at all").isPositive();
        assertThat(firstThirty.statements()).as("first query, numbers made").isEqualTo(firstThree.statements());
        assertThat(againThirty.statements()).as("numbers already made and kept").isEqualTo(againThree.statements())
                .isLessThan(firstThirty.statements()).isLessThanOrEqualTo(3);
        assertThat(firstThirty.statements()).as("numbers read and made in one statement").isEqualTo(againThirty.statements() + 1);
    }

    @Test
    void answersFromTheStepsAsReadNowAfterAPatientIsRenamedAndAnAppointmentCancelled() throws Exception {
        Room three = room(bookOne(), 3);
        String renamed = BookedCopies.hospitalNumber(three.tag(), 1);
        String cancelled = BookedCopies.hospitalNumber(three.tag(), 2);
        List<Dataset> first = worklist.find(machineQuery(three, null), three.station());
        jdbc.sql("update patient set family_name = 'Renamed' where hospital_number = ?").param(renamed).update();
        jdbc.sql("update appointment set status = 'CANCELLED' where patient_id = (select id from patient where hospital_number = ?)")
                .param(cancelled).update();

        List<Dataset> again = worklist.find(machineQuery(three, null), three.station());

        assertThat(first).hasSize(3);
        assertThat(again).extracting(d -> d.ascii(Tag.PATIENT_ID)).doesNotContain(cancelled).hasSize(2);
        assertThat(again).filteredOn(d -> d.ascii(Tag.PATIENT_ID).equals(renamed)).singleElement()
                .satisfies(d -> assertThat(d.ascii(Tag.PATIENT_NAME)).startsWith("Renamed^"));
    }

    @Test
    void keepsNoNumbersOfAQueryThatWasRolledBack() throws Exception {
        Room three = room(bookOne(), 3);
        List<String> given = new java.util.ArrayList<>();
        transactions.executeWithoutResult(status -> {
            try {
                worklist.find(machineQuery(three, null), three.station()).forEach(d -> given.add(d.ascii(Tag.ACCESSION_NUMBER)));
            } catch (org.synovia.dicom.encoding.DicomFormatException e) {
                throw new IllegalStateException(e);
            }
            status.setRollbackOnly();
        });

        List<String> again = worklist.find(machineQuery(three, null), three.station()).stream()
                .map(d -> d.ascii(Tag.ACCESSION_NUMBER)).toList();

        assertThat(given).hasSize(3);
        assertThat(again).hasSize(3).doesNotContainAnyElementsOf(given);
        assertThat(jdbc.sql("select count(*) from worklist_step where accession_number = any(?)")
                .param(again.toArray(String[]::new)).query(Integer.class).single()).as("every number given is stored").isEqualTo(3);
    }

    @Test
    void refusesTheApplicationAChangeToAnAppointmentsNumbers() throws Exception {
        Room three = room(bookOne(), 3);
        worklist.find(machineQuery(three, null), three.station());

        for (String change : List.of("update worklist_step set accession_number = accession_number",
                "delete from worklist_step")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(change).update()).as(change)
                    .isInstanceOf(org.springframework.dao.DataAccessException.class).rootCause()
                    .hasMessageContaining("permission denied for table worklist_step");
        }
    }

    @Test
    void auditsOneLinePerPatientGivenAndReadsNoOtherPatient() throws Exception {
        Room thirty = room(bookOne(), 30);
        String wanted = BookedCopies.hospitalNumber(thirty.tag(), 7);

        // The room's own station asks, as on the ward; each query's lines are told apart by counting after it.
        String lines = "select count(*) from audit_event where record_type = 'DicomWorklist' and action = 'READ' and details like ?";
        String byStation = "%from AE " + thirty.station() + " %";
        List<Dataset> everyone = worklist.find(machineQuery(thirty, null), thirty.station());
        assertThat(everyone).hasSize(30);
        assertThat(jdbc.sql(lines).param(byStation).query(Long.class).single()).isEqualTo(30);

        List<Dataset> one = worklist.find(machineQuery(thirty, wanted), thirty.station());
        assertThat(one).singleElement().satisfies(d -> assertThat(d.ascii(Tag.PATIENT_ID)).isEqualTo(wanted));
        assertThat(jdbc.sql(lines).param(byStation).query(Long.class).single()).as("one more line, for one patient")
                .isEqualTo(31);
        List<Dataset> nobody = worklist.find(machineQuery(thirty, wanted + "9"), thirty.station());
        assertThat(nobody).isEmpty();
        assertThat(jdbc.sql("""
                select count(*) from audit_event where record_type = 'DicomWorklist' and action = 'SEARCH'
                and patient_id is null and details like ?
                """).param(byStation + "0 steps").query(Long.class).single()).isEqualTo(1);
    }

    private Appointment bookOne() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        var clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, sessions.today().plusDays(3).getDayOfWeek(),
                LocalTime.of(9, 0), LocalTime.of(12, 0), List.of(20));
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        LocalDate earliest = waitingList.entry(referralId).orElseThrow().earliestDate();
        UUID slotId = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, 20,
                        earliest == null ? sessions.today() : earliest, sessions.today().plusWeeks(8), null, null))
                .stream().filter(s -> s.roomId().equals(clinic.room().id())).findFirst().orElseThrow().id();
        Appointment booked = desk.book(referralId, slotId);
        AccountFixtures.signOut();
        return booked;
    }

    /** {@code n} steps of 20 minutes in a room of their own, with its own station title. */
    private Room room(Appointment template, int n) {
        String tag = "c" + n + "r" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        LocalDate day = sessions.today().plusDays(90);
        UUID room = new BookedCopies(jdbc, transactions).copy(template, n, tag, day.atTime(8, 0).atZone(LONDON).toInstant(), 20);
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        stations.assign(room, tag.toUpperCase());
        AccountFixtures.signOut();
        return new Room(tag.toUpperCase(), day, tag);
    }

    /** What a machine asks for its own day, optionally for one patient. */
    private static Dataset machineQuery(Room room, String patientId) {
        return new Dataset().putAscii(Tag.PATIENT_NAME, "PN", "").putAscii(Tag.PATIENT_ID, "LO", patientId == null ? "" : patientId)
                .putAscii(Tag.ACCESSION_NUMBER, "SH", "")
                .putSequence(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE, List.of(new Dataset()
                        .putAscii(Tag.SCHEDULED_STATION_AE_TITLE, "AE", room.station())
                        .putAscii(Tag.SCHEDULED_PROCEDURE_STEP_START_DATE, "DA", room.day().format(DA))
                        .putAscii(Tag.MODALITY, "CS", "")));
    }
}
