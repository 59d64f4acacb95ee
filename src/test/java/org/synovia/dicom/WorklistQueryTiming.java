package org.synovia.dicom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.Bookings;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The server side of {@code perf/worklist.sh}, not a test (its name keeps it out of {@code mvn verify}). For each
 * N it books one patient through the façades, copies that booking in SQL into N scheduled steps of one new room
 * (5-minute appointments around the clock from 60 days ahead), asks Synovia once for all of them with findscu,
 * turns each answer into a {@code .wl} file with dcmdump and dump2dcm and starts dcmtk's file-based
 * {@code wlmscpfs} on those files: both servers then hold the same N steps. It writes the ports, process ids and
 * the query keys to {@code target/perf/worklist-N.env} and waits for the script to write
 * {@code target/perf/worklist-N.done}; the script runs the queries and measures.
 */
@SynoviaIntegrationTest
@TestPropertySource(properties = "synovia.dicom.max-matches=5000")
class WorklistQueryTiming {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int STEP_MINUTES = 5;
    private static final Path OUT = Path.of("target/perf");

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    @Autowired WorklistServer server;
    @Autowired DicomStations stations;
    @Autowired Bookings bookings;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void servesTheSameStepsAsWlmscpfsForTheScript() throws Exception {
        Files.createDirectories(OUT);
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        Appointment template = bookOne();
        String sizes = System.getProperty("worklist.sizes", "30,500,2000");
        for (String size : sizes.split(",")) {
            int n = Integer.parseInt(size.strip());
            String station = "PERF" + n;
            LocalDate first = LocalDate.now(LONDON).plusDays(60);
            UUID room = copy(template, n, "n" + n, first.atStartOfDay(LONDON).toInstant());
            AccountFixtures.signIn(admin);
            stations.assign(room, station);
            AccountFixtures.signOut();
            String range = first.format(DA) + "-" + first.plusDays(6).format(DA);
            List<String> keys = keys(station, range, null);
            Path dir = Files.createDirectories(OUT.resolve("wlm-" + n));
            Path wlDir = Files.createDirectories(dir.resolve(server.aeTitle()));
            int written = writeWorklistFiles(keys, dir, wlDir);
            if (written != n) {
                throw new IllegalStateException("Synovia answered " + written + " of " + n + " steps");
            }
            String onePatient = "P" + "n" + n + "x" + String.format("%05d", n / 2);
            int wlmPort = Dcmtk.freePort();
            Process wlm = new ProcessBuilder("wlmscpfs", "-dhl", "-dfp", dir.toAbsolutePath().toString(),
                    String.valueOf(wlmPort)).redirectErrorStream(true).redirectOutput(dir.resolve("wlmscpfs.log").toFile())
                    .start();
            try {
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Dcmtk.echo(wlmPort, server.aeTitle()).exitCode() == 0);
                Files.writeString(OUT.resolve("worklist-" + n + ".env"), String.join("\n",
                        "N=" + n, "SYNOVIA_PORT=" + server.port(), "WLM_PORT=" + wlmPort, "AE=" + server.aeTitle(),
                        "JVM_PID=" + ProcessHandle.current().pid(), "PG_PID=" + postmasterPid(), "WLM_PID=" + wlm.pid(),
                        "KEYS=(" + quoted(keys) + ")", "ONE_KEYS=(" + quoted(keys(station, range, onePatient)) + ")", ""));
                Path done = OUT.resolve("worklist-" + n + ".done");
                Awaitility.await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(1)).until(() -> Files.exists(done));
            }
            finally {
                wlm.destroy();
            }
        }
    }

    /** One ultrasound knee injection booked the way the service books: referred, vetted, then booked. */
    private Appointment bookOne() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        var clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, LocalDate.now(LONDON).plusDays(3).getDayOfWeek(),
                LocalTime.of(9, 0), LocalTime.of(12, 0), List.of(20));
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        LocalDate earliest = waitingList.entry(referralId).orElseThrow().earliestDate();
        UUID slotId = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, 20,
                        earliest == null ? LocalDate.now(LONDON) : earliest, LocalDate.now(LONDON).plusWeeks(8), null, null))
                .stream().filter(s -> s.roomId().equals(clinic.room().id())).findFirst().orElseThrow().id();
        Appointment booked = bookings.book(referralId, slotId);
        AccountFixtures.signOut();
        return booked;
    }

    /**
     * Copies the booked appointment with its patient, referral, vetting, slot, room, operator and session into
     * {@code n} back-to-back steps of one new room, each with its own patient; returns the new room's id.
     */
    private UUID copy(Appointment template, int n, String tag, Instant firstStart) {
        return transactions.execute(status -> {
            UUID templateId = jdbc.sql("select template_id from slot where id = ?").param(template.slotId()).query(UUID.class).single();
            String id = "md5('" + tag + ":' || %s || ':' || perf_n)::uuid";
            clone("room", "id = ?", template.roomId(), 1, "id = " + id.formatted("'room'") + ", name = 'Perf room " + tag + "'");
            clone("operator", "id = ?", template.operatorId(), 1, "id = " + id.formatted("'operator'")
                    + ", username = 'perf." + tag + "'");
            clone("session_template", "id = ?", templateId, 1, "id = " + id.formatted("'template'") + ", room_id = "
                    + id.formatted("'room'").replace("perf_n", "1") + ", operator_id = "
                    + id.formatted("'operator'").replace("perf_n", "1"));
            clone("patient", "id = ?", template.patientId(), n, "id = " + id.formatted("'patient'")
                    + ", nhs_number = null, hospital_number = 'P" + tag + "x' || lpad(perf_n::text, 5, '0')"
                    + ", family_name = 'Testpatient' || perf_n, given_name = (array['Alex','Sam','Jo','Chris','Pat'])[perf_n % 5 + 1]");
            clone("referral", "id = ?", template.referralId(), n, "id = " + id.formatted("'referral'") + ", submission_key = "
                    + id.formatted("'submission'") + ", patient_id = " + id.formatted("'patient'"));
            clone("vetting_decision", "referral_id = ?", template.referralId(), n, "id = md5('" + tag
                    + ":vetting:' || id::text || ':' || perf_n)::uuid, referral_id = " + id.formatted("'referral'"));
            String start = "(timestamptz '" + firstStart + "' + (perf_n - 1) * interval '" + STEP_MINUTES + " minutes')";
            String end = "(" + start + " + interval '" + STEP_MINUTES + " minutes')";
            String one = id.replace("perf_n", "1");
            clone("slot", "id = ?", template.slotId(), n, "id = " + id.formatted("'slot'") + ", template_id = "
                    + one.formatted("'template'") + ", room_id = " + one.formatted("'room'") + ", operator_id = "
                    + one.formatted("'operator'") + ", starts_at = " + start + ", ends_at = " + end);
            clone("appointment", "id = ?", template.id(), n, "id = " + id.formatted("'appointment'") + ", referral_id = "
                    + id.formatted("'referral'") + ", patient_id = " + id.formatted("'patient'") + ", slot_id = "
                    + id.formatted("'slot'") + ", linked_slot_id = null, room_id = " + one.formatted("'room'")
                    + ", operator_id = " + one.formatted("'operator'") + ", during = tstzrange(" + start + ", " + end + ", '[)')");
            return jdbc.sql("select md5('" + tag + ":room:1')::uuid").query(UUID.class).single();
        });
    }

    /** Inserts {@code copies} copies of the rows {@code where} selects, changed by {@code set} ({@code perf_n} counts 1..). */
    private void clone(String table, String where, Object param, int copies, String set) {
        jdbc.sql("drop table if exists perf_copy").update();
        jdbc.sql("create temp table perf_copy as select t.*, g as perf_n from " + table + " t, generate_series(1, ?) g where t."
                + where).params(copies, param).update();
        jdbc.sql("update perf_copy set " + set).update();
        jdbc.sql("alter table perf_copy drop column perf_n").update();
        jdbc.sql("insert into " + table + " select * from perf_copy").update();
    }

    /** The keys a machine asks for its station's week; with a patient ID, for that patient only. */
    private static List<String> keys(String station, String range, String patientId) {
        String sps = "ScheduledProcedureStepSequence[0].";
        return List.of(patientId == null ? "PatientID" : "PatientID=" + patientId, "PatientName", "IssuerOfPatientID",
                "PatientBirthDate", "PatientSex", "AccessionNumber", "StudyInstanceUID", "RequestedProcedureID",
                "RequestedProcedureDescription", "ReferringPhysicianName", sps + "ScheduledStationAETitle=" + station,
                sps + "ScheduledProcedureStepStartDate=" + range, sps + "ScheduledProcedureStepStartTime", sps + "Modality",
                sps + "ScheduledPerformingPhysicianName", sps + "ScheduledProcedureStepID",
                sps + "ScheduledProcedureStepDescription", sps + "ScheduledStationName");
    }

    /** Synovia's answers to the query, each turned into a worklist file by dcmdump and dump2dcm. */
    private int writeWorklistFiles(List<String> keys, Path dir, Path wlDir) throws Exception {
        Path answers = Files.createDirectories(dir.resolve("answers"));
        List<String> command = new ArrayList<>(List.of("findscu", "-W", "-aec", server.aeTitle(), "-aet", "PERF", "-X", "-od",
                answers.toString()));
        keys.forEach(k -> command.addAll(List.of("-k", k)));
        command.addAll(List.of("localhost", String.valueOf(server.port())));
        Dcmtk.Run run = Dcmtk.run(command);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("findscu failed: " + run.output());
        }
        int count = 0;
        try (Stream<Path> files = Files.list(answers)) {
            for (Path file : files.sorted().toList()) {
                Dcmtk.Run dump = Dcmtk.run(List.of("dcmdump", "+L", "-q", file.toString()));
                Path text = dir.resolve("step.dump");
                Files.writeString(text, dump.output(), StandardCharsets.ISO_8859_1);
                Dcmtk.Run made = Dcmtk.run(List.of("dump2dcm", "-q", text.toString(),
                        wlDir.resolve(String.format("step%05d.wl", ++count)).toString()));
                if (made.exitCode() != 0) {
                    throw new IllegalStateException("dump2dcm failed: " + made.output());
                }
            }
        }
        Files.writeString(wlDir.resolve("lockfile"), "");
        return count;
    }

    /** The embedded PostgreSQL's postmaster: the parent of this connection's backend. */
    private long postmasterPid() throws Exception {
        long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        return Files.readAllLines(Path.of("/proc/" + backend + "/status")).stream().filter(l -> l.startsWith("PPid:"))
                .map(l -> Long.parseLong(l.substring(5).strip())).findFirst().orElseThrow();
    }

    private static String quoted(List<String> keys) {
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            text.append(" -k '").append(key.replace("'", "")).append('\'');
        }
        return text.toString().strip();
    }
}
