package org.synovia.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.hamcrest.Matchers;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DicomCharsets;
import org.synovia.dicom.encoding.Tag;
import org.synovia.patient.NewPatient;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Sex;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Protocol;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

/**
 * Booked appointments as dcmtk's findscu sees them through the running application's worklist server:
 * matching keys, character sets, date and time ranges, and what leaves the list.
 */
@SynoviaIntegrationTest
class DicomWorklistIntegrationTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String GREEK_FAMILY = "Παπαδοπούλου";
    private static final String CYRILLIC_FAMILY = "Иванова";
    private static final String LATIN_FAMILY = "Müller";

    /** Booked once for the class: the appointments share one database with every other test. */
    private static Booked booked;

    @Autowired WorklistServer server;

    @Autowired Clock clock;
    @Autowired DicomStations stations;
    @Autowired BookingDesk desk;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired ImagingProgress imaging;

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    @TempDir
    Path temp;

    record Booked(String prefix, Appointment greek, Appointment cyrillic, Appointment latin, String hospitalNumber) {
    }

    @BeforeEach
    void bookOnce() {
        if (booked == null) {
            String prefix = "T" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
            String hospitalNumber = "H" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
            UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
            Appointment greek = book(Guidance.ULTRASOUND, "KNEE_JOINT", ReferralFixtures::kneeOnApixaban,
                    BookingFixtures.ultrasoundKnee(), patient(GREEK_FAMILY, "Ζωή", null));
            Appointment cyrillic = book(Guidance.ULTRASOUND, "KNEE_JOINT", ReferralFixtures::kneeOnApixaban,
                    BookingFixtures.ultrasoundKnee(), patient(CYRILLIC_FAMILY, "Анна", null));
            Appointment latin = book(Guidance.CT, "FACET_CERVICAL", BookingFixtures::cervicalFacetOnApixaban,
                    BookingFixtures.ctCervicalFacet(), patient(LATIN_FAMILY, "Zoë", hospitalNumber));
            AccountFixtures.signIn(admin);
            stations.assign(greek.roomId(), prefix + "US1");
            stations.assign(cyrillic.roomId(), prefix + "US2");
            stations.assign(latin.roomId(), prefix + "CT1");
            booked = new Booked(prefix, greek, cyrillic, latin, hospitalNumber);
        }
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private static NewPatient patient(String family, String given, String hospitalNumber) {
        return new NewPatient(PatientFixtures.uniqueNhsNumber(), hospitalNumber, family, given, LocalDate.of(1970, 3, 14),
                Sex.FEMALE, "07700 900123", "patient@example.com", "Dr Example", "Example Surgery",
                PatientFixtures.address());
    }

    private Appointment book(Guidance guidance, String siteCode, java.util.function.Function<UUID, ReferralDetails> details,
            Protocol protocol, NewPatient patient) {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        List<UUID> rooms = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            rooms.add(SchedulingFixtures.clinic(sessions, accounts, guidance, day, LocalTime.of(9, 0), LocalTime.of(10, 0),
                    List.of(protocol.slotMinutes())).room().id());
        }
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist, patient, details, protocol);
        AccountFixtures.signIn(clerk);
        LocalDate earliest = waitingList.entry(referralId).orElseThrow().earliestDate();
        UUID slotId = sessions.openSlots(new SlotQuery(guidance, siteCode, null, null, protocol.slotMinutes(),
                        earliest == null ? LocalDate.now(clock) : earliest, LocalDate.now(clock).plusWeeks(8), null, null))
                .stream().filter(s -> rooms.contains(s.roomId())).findFirst().orElseThrow().id();
        return desk.book(referralId, slotId);
    }

    private static LocalDateTime start(Appointment appointment) {
        return LocalDateTime.ofInstant(appointment.start(), LONDON);
    }

    private static String text(Dataset answer, int tag) throws Exception {
        return answer.string(tag, DicomCharsets.of(answer));
    }

    private static Dataset step(Dataset answer) {
        return answer.sequence(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE).getFirst();
    }

    private List<Dataset> find(List<String> options, String... keys) throws Exception {
        return Dcmtk.findWorklist(server.port(), server.aeTitle(), temp, options, keys);
    }

    /** A query with the given patient name, sent in the given character set, for this class's rooms. */
    private List<Dataset> findByName(String term, Charset charset, String name) throws Exception {
        Dataset query = new Dataset().putAscii(Tag.SPECIFIC_CHARACTER_SET, "CS", term)
                .putString(Tag.PATIENT_NAME, "PN", name, charset).putAscii(Tag.PATIENT_ID, "LO", "")
                .putAscii(Tag.ISSUER_OF_PATIENT_ID, "LO", "")
                .putSequence(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE, List.of(new Dataset()
                        .putAscii(Tag.SCHEDULED_STATION_AE_TITLE, "AE", booked.prefix() + "*")));
        return Dcmtk.findWorklist(server.port(), server.aeTitle(), temp, List.of(), Dcmtk.queryFile(temp, query));
    }

    @Test
    void rejectsACallingAeTitleThatIsNoRoomsStation() throws Exception {
        Dcmtk.Run stranger = Dcmtk.echo(server.port(), server.aeTitle(), "STRANGER");

        assertThat(stranger.exitCode()).isNotZero();
        assertThat(stranger.output()).contains("Calling AE Title Not Recognized");
        assertThatThrownBy(() -> Dcmtk.findWorklistAs(booked.prefix() + "XX9", server.port(), server.aeTitle(), temp,
                List.of(), "PatientName")).hasMessageContaining("Calling AE Title Not Recognized");
        assertThat(Dcmtk.echo(server.port(), server.aeTitle(), booked.prefix() + "US1").exitCode())
                .as("a room's station is recognised").isZero();
    }

    @Test
    void givesARoomsStationOnlyTheStepsOfItsOwnRoom() throws Exception {
        String station = booked.prefix() + "US1";

        List<Dataset> own = Dcmtk.findWorklistAs(station, server.port(), server.aeTitle(), temp, List.of(), "PatientName",
                "AccessionNumber", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle",
                "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=" + window());
        List<Dataset> other = Dcmtk.findWorklistAs(station, server.port(), server.aeTitle(), temp, List.of(), "PatientName",
                "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=" + booked.prefix() + "US2",
                "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=" + window());
        List<Dataset> all = find(List.of(), "PatientName",
                "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=" + booked.prefix() + "*",
                "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=" + window());

        assertThat(own).isNotEmpty().allSatisfy(d -> assertThat(step(d).ascii(Tag.SCHEDULED_STATION_AE_TITLE)).isEqualTo(station));
        assertThat(own).extracting(d -> text(d, Tag.PATIENT_NAME)).anyMatch(n -> n.startsWith(GREEK_FAMILY))
                .noneMatch(n -> n.startsWith(CYRILLIC_FAMILY) || n.startsWith(LATIN_FAMILY));
        assertThat(other).as("another room's steps, even when asked for by name").isEmpty();
        assertThat(all).as("a title listed in all-rooms-ae-titles sees every room")
                .extracting(d -> step(d).ascii(Tag.SCHEDULED_STATION_AE_TITLE))
                .contains(booked.prefix() + "US1", booked.prefix() + "US2", booked.prefix() + "CT1");
    }

    @Test
    void letsARoomsStationQueryWhileThirtySilentConnectionsAreOpenFromAnotherAddress() throws Exception {
        List<java.net.Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                java.net.Socket socket = new java.net.Socket();
                socket.bind(new java.net.InetSocketAddress("127.0.0.2", 0));
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()), 5000);
                silent.add(socket);
            }

            List<Dataset> answers = Dcmtk.findWorklistAs(booked.prefix() + "US1", server.port(), server.aeTitle(), temp,
                    List.of(), "PatientName", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=" + window());

            assertThat(answers).extracting(d -> text(d, Tag.PATIENT_NAME)).anyMatch(n -> n.startsWith(GREEK_FAMILY));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> silent.stream()
                    .filter(DicomWorklistIntegrationTests::closedByServer).count() >= 30 - PER_ADDRESS_IN_TESTS - 8);
        } finally {
            for (java.net.Socket socket : silent) {
                socket.close();
            }
        }
    }

    /** {@code synovia.dicom.max-associations-per-address} in the test profile; 8 more are kept to be rejected. */
    private static final int PER_ADDRESS_IN_TESTS = 12;

    private static boolean closedByServer(java.net.Socket socket) {
        try {
            socket.setSoTimeout(20);
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException open) {
            return false;
        } catch (java.io.IOException reset) {
            return true;
        }
    }

    /** The days of this class's appointments, as a DICOM date range. */
    private String window() {
        LocalDate from = java.util.stream.Stream.of(booked.greek(), booked.cyrillic(), booked.latin()).map(a -> start(a).toLocalDate())
                .min(LocalDate::compareTo).orElseThrow();
        LocalDate to = java.util.stream.Stream.of(booked.greek(), booked.cyrillic(), booked.latin()).map(a -> start(a).toLocalDate())
                .max(LocalDate::compareTo).orElseThrow();
        return from.format(DA) + "-" + to.format(DA);
    }

    @Test
    void answersEchoscuOnItsPort() throws Exception {
        assertThat(Dcmtk.echo(server.port(), "SYNOVIA").exitCode()).isZero();
    }

    @Test
    void servesABookedAppointmentAsAScheduledProcedureStep() throws Exception {
        List<Dataset> answers = find(List.of(), "PatientName", "PatientID", "IssuerOfPatientID", "PatientBirthDate",
                "PatientSex", "AccessionNumber", "StudyInstanceUID", "RequestedProcedureID", "RequestedProcedureDescription",
                "ReferringPhysicianName",
                "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=" + booked.prefix() + "CT1",
                "ScheduledProcedureStepSequence[0].Modality",
                "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate",
                "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartTime",
                "ScheduledProcedureStepSequence[0].ScheduledPerformingPhysicianName",
                "ScheduledProcedureStepSequence[0].ScheduledProcedureStepID",
                "ScheduledProcedureStepSequence[0].ScheduledProcedureStepDescription");

        assertThat(answers).hasSize(1);
        Dataset answer = answers.getFirst();
        assertThat(answer.ascii(Tag.SPECIFIC_CHARACTER_SET)).isEqualTo("ISO_IR 100");
        assertThat(text(answer, Tag.PATIENT_NAME)).isEqualTo("Müller^Zoë");
        assertThat(answer.ascii(Tag.PATIENT_ID)).isEqualTo(booked.hospitalNumber());
        assertThat(answer.ascii(Tag.ISSUER_OF_PATIENT_ID)).isEqualTo("SYNOVIA");
        assertThat(answer.ascii(Tag.PATIENT_BIRTH_DATE)).isEqualTo("19700314");
        assertThat(answer.ascii(Tag.PATIENT_SEX)).isEqualTo("F");
        String accession = answer.ascii(Tag.ACCESSION_NUMBER);
        assertThat(accession).matches("SYN\\d{8}");
        assertThat(answer.ascii(Tag.REQUESTED_PROCEDURE_ID)).isEqualTo(accession);
        assertThat(answer.ascii(Tag.STUDY_INSTANCE_UID)).startsWith("2.25.").hasSizeLessThanOrEqualTo(64);
        assertThat(text(answer, Tag.REQUESTED_PROCEDURE_DESCRIPTION)).containsIgnoringCase("facet").endsWith("injection");
        assertThat(text(answer, Tag.REFERRING_PHYSICIAN_NAME)).isEqualTo("Dr Test");
        Dataset step = step(answer);
        assertThat(step.ascii(Tag.MODALITY)).isEqualTo("CT");
        assertThat(step.ascii(Tag.SCHEDULED_STATION_AE_TITLE)).isEqualTo(booked.prefix() + "CT1");
        assertThat(step.ascii(Tag.SCHEDULED_PROCEDURE_STEP_START_DATE)).isEqualTo(start(booked.latin()).format(DA));
        assertThat(step.ascii(Tag.SCHEDULED_PROCEDURE_STEP_START_TIME))
                .isEqualTo(start(booked.latin()).format(DateTimeFormatter.ofPattern("HHmmss")));
        assertThat(text(step, Tag.SCHEDULED_PERFORMING_PHYSICIAN_NAME)).startsWith("Dr ");
        assertThat(step.ascii(Tag.SCHEDULED_PROCEDURE_STEP_ID)).isEqualTo(accession + "-1");
        assertThat(text(step, Tag.SCHEDULED_PROCEDURE_STEP_DESCRIPTION)).startsWith("CT guided injection");
        assertThat(answer.contains(Tag.OTHER_PATIENT_IDS)).as("only the keys asked for").isFalse();

        List<Dataset> again = find(List.of("-xi"), "AccessionNumber", "StudyInstanceUID",
                "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=" + booked.prefix() + "CT1");
        assertThat(again).singleElement().satisfies(d -> {
            assertThat(d.ascii(Tag.ACCESSION_NUMBER)).as("stable per appointment").isEqualTo(accession);
            assertThat(d.ascii(Tag.STUDY_INSTANCE_UID)).isEqualTo(answer.ascii(Tag.STUDY_INSTANCE_UID));
        });
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'DicomWorklist' and details like ?")
                .param("%from AE MODALITY1%" + accession + "=" + booked.latin().id() + "%").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void answersGreekAndCyrillicNamesInUtf8AndMatchesThemWithoutRegardToCase() throws Exception {
        List<Dataset> greek = findByName(DicomCharsets.UTF_8, StandardCharsets.UTF_8, "ΠΑΠΑΔΟΠ*");
        assertThat(greek).singleElement().satisfies(answer -> {
            assertThat(answer.ascii(Tag.SPECIFIC_CHARACTER_SET)).isEqualTo("ISO_IR 192");
            assertThat(text(answer, Tag.PATIENT_NAME)).isEqualTo(GREEK_FAMILY + "^Ζωή");
            assertThat(answer.ascii(Tag.ISSUER_OF_PATIENT_ID)).isEqualTo("NHS");
            assertThat(answer.ascii(Tag.PATIENT_ID)).matches("999\\d{7}");
        });
        assertThat(findByName(DicomCharsets.UTF_8, StandardCharsets.UTF_8, "иванова^анна"))
                .extracting(d -> text(d, Tag.PATIENT_NAME)).containsExactly(CYRILLIC_FAMILY + "^Анна");
        assertThat(findByName("ISO_IR 144", Charset.forName("ISO-8859-5"), "Иван?ва*"))
                .extracting(d -> text(d, Tag.PATIENT_NAME)).containsExactly(CYRILLIC_FAMILY + "^Анна");
        assertThat(findByName(DicomCharsets.LATIN_1, StandardCharsets.ISO_8859_1, "MÜLLER^ZOË"))
                .extracting(d -> text(d, Tag.PATIENT_NAME)).containsExactly("Müller^Zoë");
        assertThat(findByName(DicomCharsets.UTF_8, StandardCharsets.UTF_8, "*")).hasSize(3);
        assertThat(findByName(DicomCharsets.LATIN_1, StandardCharsets.ISO_8859_1, "Muller*")).isEmpty();
    }

    @Test
    void matchesModalityAndStationKeys() throws Exception {
        String station = "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=";
        assertThat(find(List.of(), "AccessionNumber", station + booked.prefix() + "*",
                "ScheduledProcedureStepSequence[0].Modality=US")).hasSize(2)
                .allSatisfy(d -> assertThat(step(d).ascii(Tag.MODALITY)).isEqualTo("US"));
        assertThat(find(List.of("-xi"), "PatientName", station + booked.prefix() + "US?",
                "ScheduledProcedureStepSequence[0].Modality=CT")).isEmpty();
        assertThat(find(List.of(), "PatientName", station + booked.prefix() + "US2"))
                .extracting(d -> step(d).ascii(Tag.SCHEDULED_STATION_AE_TITLE)).containsExactly(booked.prefix() + "US2");
    }

    @Test
    void readsNoPatientOfAnotherRoomForAMachineAskingForItsOwn() throws Exception {
        String reads = "select count(*) from audit_event where patient_id = ? and action = 'READ'";
        long before = jdbc.sql(reads).param(booked.greek().patientId()).query(Long.class).single();
        assertThat(find(List.of(), "PatientName", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle="
                + booked.prefix() + "CT1")).hasSize(1);
        assertThat(jdbc.sql(reads).param(booked.greek().patientId()).query(Long.class).single()).isEqualTo(before);
        find(List.of(), "PatientName", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=" + booked.prefix() + "US1");
        assertThat(jdbc.sql(reads).param(booked.greek().patientId()).query(Long.class).single()).isGreaterThan(before);
    }

    @Test
    void matchesStartDateAndTimeRanges() throws Exception {
        LocalDateTime start = start(booked.greek());
        String day = start.toLocalDate().format(DA);
        String station = "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=" + booked.prefix() + "US1";
        String date = "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=";
        String time = "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartTime=";
        String hhmm = start.format(DateTimeFormatter.ofPattern("HHmm"));
        String minuteBefore = start.minusMinutes(1).format(DateTimeFormatter.ofPattern("HHmm"));
        String minuteAfter = start.plusMinutes(1).format(DateTimeFormatter.ofPattern("HHmm"));
        record Case(String date, String time, int expected) {
        }
        for (Case c : List.of(new Case(day, "", 1), new Case(day + "-" + day, "", 1),
                new Case(start.toLocalDate().minusDays(1).format(DA) + "-", "", 1),
                new Case(start.toLocalDate().plusDays(1).format(DA) + "-", "", 0),
                new Case("-" + start.toLocalDate().minusDays(1).format(DA), "", 0),
                new Case(day, minuteBefore + "-" + hhmm, 1), new Case(day, minuteAfter + "-", 0),
                new Case(day, "-" + minuteBefore, 0))) {
            assertThat(find(List.of(), "PatientName", station, date + c.date(), time + c.time()))
                    .as("date %s time %s", c.date(), c.time()).hasSize(c.expected());
        }
    }

    @Test
    void dropsACancelledAppointmentFromTheWorklist() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        Appointment extra = book(Guidance.ULTRASOUND, "KNEE_JOINT", ReferralFixtures::kneeOnApixaban,
                BookingFixtures.ultrasoundKnee(), patient("Cancelled", "Casey", null));
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        String title = booked.prefix() + "X";
        stations.assign(extra.roomId(), title);
        String station = "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=" + title;
        assertThat(find(List.of(), "PatientName", station)).hasSize(1);
        AccountFixtures.signIn(clerk);
        desk.cancel(extra.id(), "Patient asked to cancel");
        assertThat(find(List.of(), "PatientName", station)).isEmpty();
    }

    @Test
    void refusesAStationTitleThatIsMalformedOrTakenByAnotherRoom() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        assertThatThrownBy(() -> stations.assign(booked.cyrillic().roomId(), "BAD\\TITLE"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("16");
        assertThatThrownBy(() -> stations.assign(booked.cyrillic().roomId(), "X".repeat(17)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> stations.assign(booked.cyrillic().roomId(), booked.prefix() + "US1"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Another room");
        assertThat(stations.titlesByRoom()).containsEntry(booked.cyrillic().roomId(), booked.prefix() + "US2");
    }

    @Test
    void letsAnAdministratorSetARoomsStationTitleOnThePageWithProblemsBesideTheField() throws Exception {
        UUID room = booked.cyrillic().roomId();
        String path = "/admin/dicom/stations/" + room;
        mvc.perform(MockMvcRequestBuilders.get("/admin/dicom").with(user("admin-page").roles("ADMIN")))
                .andExpect(MockMvcResultMatchers.status().isOk())
                .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString(booked.prefix() + "US2")))
                .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString(String.valueOf(server.port()))));
        mvc.perform(MockMvcRequestBuilders.post(path).param("aeTitle", booked.prefix() + "US1")
                        .with(user("admin-page").roles("ADMIN")).with(csrf()))
                .andExpect(MockMvcResultMatchers.redirectedUrl("/admin/dicom"))
                .andExpect(MockMvcResultMatchers.flash().attribute("problemRoomId", room))
                .andExpect(MockMvcResultMatchers.flash().attribute("problem", Matchers.containsString("Another room")));
        mvc.perform(MockMvcRequestBuilders.get("/admin/dicom").flashAttr("problem", "Another room already uses it")
                        .flashAttr("problemRoomId", room).flashAttr("enteredTitle", "TYPED")
                        .with(user("admin-page").roles("ADMIN")))
                .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString("id=\"ae-error-" + room + "\"")))
                .andExpect(MockMvcResultMatchers.content().string(Matchers.containsString("value=\"TYPED\"")));
        mvc.perform(MockMvcRequestBuilders.post(path).param("aeTitle", booked.prefix() + "US2B")
                        .with(user("admin-page").roles("ADMIN")).with(csrf()))
                .andExpect(MockMvcResultMatchers.flash().attribute("notice", "Station AE title " + booked.prefix() + "US2B saved."));
        assertThat(stations.titlesByRoom()).containsEntry(room, booked.prefix() + "US2B");
        mvc.perform(MockMvcRequestBuilders.post(path).param("aeTitle", booked.prefix() + "US2")
                .with(user("admin-page").roles("ADMIN")).with(csrf()));
        mvc.perform(MockMvcRequestBuilders.post(path).param("aeTitle", "X").with(user("clerk").roles("BOOKING")).with(csrf()))
                .andExpect(MockMvcResultMatchers.status().isForbidden());
        assertThat(stations.titlesByRoom()).containsEntry(room, booked.prefix() + "US2");
    }

    @Test
    void marksTheAppointmentInProgressThenCompletedFromTheMachinesPerformedProcedureStep() throws Exception {
        String accession = find(List.of(), "AccessionNumber",
                "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=" + booked.prefix() + "US1").getFirst()
                .ascii(Tag.ACCESSION_NUMBER);
        UUID appointment = booked.greek().id();
        String instance = "2.25." + new java.math.BigInteger(UUID.randomUUID().toString().replace("-", ""), 16);
        Dataset started = new Dataset().putAscii(Tag.PERFORMED_PROCEDURE_STEP_STATUS, "CS", "IN PROGRESS")
                .putAscii(Tag.MODALITY, "CS", "US").putAscii(Tag.PERFORMED_STATION_AE_TITLE, "AE", booked.prefix() + "US1")
                .putAscii(Tag.PERFORMED_PROCEDURE_STEP_START_DATE, "DA", start(booked.greek()).format(DA))
                .putAscii(Tag.PERFORMED_PROCEDURE_STEP_START_TIME, "TM", "093500")
                .putSequence(Tag.SCHEDULED_STEP_ATTRIBUTES_SEQUENCE, List.of(new Dataset()
                        .putAscii(Tag.ACCESSION_NUMBER, "SH", accession).putAscii(Tag.STUDY_INSTANCE_UID, "UI", "2.25.1")));
        Dataset completed = new Dataset().putAscii(Tag.PERFORMED_PROCEDURE_STEP_STATUS, "CS", "COMPLETED")
                .putAscii(Tag.PERFORMED_PROCEDURE_STEP_END_DATE, "DA", start(booked.greek()).format(DA))
                .putAscii(Tag.PERFORMED_PROCEDURE_STEP_END_TIME, "TM", "095000");
        try (org.synovia.dicom.net.TestScu scu = new org.synovia.dicom.net.TestScu(server.port())) {
            scu.associate(server.aeTitle(), "1.2.840.10008.1.2.1", 16384);
            assertThat(scu.performedStep(true, instance, 1, started).status()).isZero();
            assertThat(imaging.byAppointment(List.of(appointment)).get(appointment).label())
                    .isEqualTo("Imaging in progress (" + booked.prefix() + "US1)");
            assertThat(scu.performedStep(true, instance, 2, started).status()).as("duplicate").isEqualTo(0x0111);
            assertThat(scu.performedStep(false, instance + "9", 3, completed).status()).as("unknown").isEqualTo(0x0112);
            assertThat(scu.performedStep(true, instance + "8", 4, completed).status()).as("not started").isEqualTo(0x0106);
            assertThat(scu.performedStep(false, instance, 5, completed).status()).isZero();
            assertThat(scu.performedStep(false, instance, 6, started).status()).as("final").isEqualTo(0x0110);
            scu.release();
        }
        assertThat(imaging.byAppointment(List.of(appointment)).get(appointment).status()).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'PerformedProcedureStep' and record_id = ?")
                .param(instance).query(Long.class).single()).isEqualTo(2);
        mvc.perform(MockMvcRequestBuilders.get("/day").param("date", start(booked.greek()).toLocalDate().toString())
                        .param("roomId", booked.greek().roomId().toString()).with(user("nurse-page").roles("NURSE")))
                .andExpect(MockMvcResultMatchers.status().isOk())
                .andExpect(MockMvcResultMatchers.content().string(
                        Matchers.containsString("Imaging completed (" + booked.prefix() + "US1)")));
    }

    @Test
    void refusesAStationsPerformedProcedureStepForAnAppointmentBookedInAnotherRoom() throws Exception {
        String ownStation = booked.prefix() + "US2";
        String otherStation = booked.prefix() + "US1";
        String accession = find(List.of(), "AccessionNumber",
                "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=" + ownStation).getFirst().ascii(Tag.ACCESSION_NUMBER);
        UUID appointment = booked.cyrillic().id();
        String instance = "2.25." + new java.math.BigInteger(UUID.randomUUID().toString().replace("-", ""), 16);
        Dataset started = new Dataset().putAscii(Tag.PERFORMED_PROCEDURE_STEP_STATUS, "CS", "IN PROGRESS")
                .putAscii(Tag.MODALITY, "CS", "US").putAscii(Tag.PERFORMED_STATION_AE_TITLE, "AE", ownStation)
                .putSequence(Tag.SCHEDULED_STEP_ATTRIBUTES_SEQUENCE, List.of(new Dataset()
                        .putAscii(Tag.ACCESSION_NUMBER, "SH", accession).putAscii(Tag.STUDY_INSTANCE_UID, "UI", "2.25.1")));
        Dataset discontinued = new Dataset().putAscii(Tag.PERFORMED_PROCEDURE_STEP_STATUS, "CS", "DISCONTINUED");
        try (org.synovia.dicom.net.TestScu other = new org.synovia.dicom.net.TestScu(server.port());
                org.synovia.dicom.net.TestScu own = new org.synovia.dicom.net.TestScu(server.port())) {
            other.associateAs(otherStation, server.aeTitle(), "1.2.840.10008.1.2.1", 16384);
            own.associateAs(ownStation, server.aeTitle(), "1.2.840.10008.1.2.1", 16384);

            assertThat(other.performedStep(true, instance, 1, started).status()).as("another room's N-CREATE")
                    .isEqualTo(0x0124);
            assertThat(jdbc.sql("select count(*) from performed_step where sop_instance_uid = ?").param(instance)
                    .query(Long.class).single()).as("nothing stored").isZero();
            assertThat(own.performedStep(true, instance, 1, started).status()).as("its own room's N-CREATE").isZero();
            assertThat(other.performedStep(false, instance, 2, discontinued).status()).as("another room's N-SET")
                    .isEqualTo(0x0124);
            assertThat(imaging.byAppointment(List.of(appointment)).get(appointment).status()).isEqualTo("IN PROGRESS");
            assertThat(own.performedStep(false, instance, 2, discontinued).status()).as("its own room's N-SET").isZero();
            other.release();
            own.release();
        }
        assertThat(imaging.byAppointment(List.of(appointment)).get(appointment).status()).isEqualTo("DISCONTINUED");
        assertThat(jdbc.sql("""
                select count(*) from audit_event where record_type = 'PerformedProcedureStep' and record_id = ?
                    and action = 'ACCESS_REFUSED' and patient_id = ? and details like ?
                """).params(instance, booked.cyrillic().patientId(), "%AE " + otherStation + " refused%")
                .query(Long.class).single()).as("both refusals audited").isEqualTo(2);
    }
}
