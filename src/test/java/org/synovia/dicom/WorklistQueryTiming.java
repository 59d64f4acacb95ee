package org.synovia.dicom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
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
 * N it books one patient through the façades, copies that booking into N scheduled steps of one new room
 * ({@link BookedCopies}: 5-minute appointments around the clock from 60 days ahead), asks Synovia once for all of them with findscu,
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
    @Autowired BookingDesk desk;
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
            LocalDate first = sessions.today().plusDays(60);
            UUID room = new BookedCopies(jdbc, transactions).copy(template, n, "n" + n, first.atStartOfDay(LONDON).toInstant(), STEP_MINUTES);
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
            String onePatient = BookedCopies.hospitalNumber("n" + n, n / 2);
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
        List<Path> files;
        try (Stream<Path> listed = Files.list(answers)) {
            files = listed.sorted().toList();
        }
        // Four at a time: 2,000 answers are 4,000 dcmtk processes.
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Void>> made = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                Path text = dir.resolve(String.format("step%05d.dump", i + 1));
                Path wl = wlDir.resolve(String.format("step%05d.wl", i + 1));
                made.add(pool.submit(() -> {
                    Dcmtk.Run dump = Dcmtk.run(List.of("dcmdump", "+L", "-q", file.toString()));
                    Files.writeString(text, dump.output(), StandardCharsets.ISO_8859_1);
                    Dcmtk.Run written = Dcmtk.run(List.of("dump2dcm", "-q", text.toString(), wl.toString()));
                    if (written.exitCode() != 0) {
                        throw new IllegalStateException("dump2dcm failed: " + written.output());
                    }
                    return null;
                }));
            }
            for (var future : made) {
                future.get();
            }
        }
        int count = files.size();
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
