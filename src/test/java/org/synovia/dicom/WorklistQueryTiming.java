package org.synovia.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.Bookings;
import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.Tag;
import org.synovia.dicom.net.FindService;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Room;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A repeatable timing harness, not a test (its name keeps it out of {@code mvn verify}): one ultrasound room
 * with a full day of 20-minute slots on every weekday, {@value #PATIENTS} patients booked through the façades,
 * then the worklist asked as a machine asks (its station, one day) and as a careless one asks (no keys: the
 * whole 31-day window), in process and through dcmtk's findscu. Prints the figures; nothing is asserted.
 * Run it with {@code perf/worklist.sh}.
 */
@SynoviaIntegrationTest
class WorklistQueryTiming {

    private static final int PATIENTS = 30;
    private static final int RUNS = 20;
    private static final int WARM_UP = 5;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    @Autowired FindService worklist;

    @Autowired Clock clock;
    @Autowired WorklistServer server;
    @Autowired DicomStations stations;
    @Autowired Bookings bookings;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;

    @Test
    void timesWorklistQueries() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        Room room = SchedulingFixtures.room(sessions, Guidance.ULTRASOUND);
        var operator = SchedulingFixtures.operator(sessions, accounts, org.synovia.scheduling.OperatorGrade.CONSULTANT,
                java.util.Set.of(), Guidance.ULTRASOUND);
        for (DayOfWeek day : DayOfWeek.values()) {
            sessions.addTemplate(new org.synovia.scheduling.SessionTemplate(null, day, LocalTime.of(8, 0), LocalTime.of(18, 0),
                    room.id(), operator.id(), List.of(20), false, LocalDate.now(clock), null));
        }
        long bookingStarted = System.nanoTime();
        List<Appointment> booked = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                    ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
            AccountFixtures.signIn(clerk);
            LocalDate earliest = waitingList.entry(referralId).orElseThrow().earliestDate();
            UUID slotId = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, 20,
                            earliest == null ? LocalDate.now(clock) : earliest, LocalDate.now(clock).plusWeeks(4), null, null))
                    .stream().filter(s -> s.roomId().equals(room.id()))
                    .filter(s -> booked.stream().noneMatch(b -> b.slotId().equals(s.id()))).findFirst().orElseThrow().id();
            booked.add(bookings.book(referralId, slotId));
        }
        double bookingSeconds = (System.nanoTime() - bookingStarted) / 1e9;
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        String station = "PERF" + System.nanoTime() % 1_000_000;
        stations.assign(room.id(), station);
        AccountFixtures.signOut();
        LocalDate day = LocalDate.ofInstant(booked.getFirst().start(), LONDON);
        long onDay = booked.stream().filter(a -> LocalDate.ofInstant(a.start(), LONDON).equals(day)).count();

        Dataset machine = new Dataset().putAscii(Tag.PATIENT_NAME, "PN", "").putAscii(Tag.PATIENT_ID, "LO", "")
                .putAscii(Tag.ACCESSION_NUMBER, "SH", "")
                .putSequence(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE, List.of(new Dataset()
                        .putAscii(Tag.SCHEDULED_STATION_AE_TITLE, "AE", station)
                        .putAscii(Tag.SCHEDULED_PROCEDURE_STEP_START_DATE, "DA", day.format(DateTimeFormatter.BASIC_ISO_DATE))
                        .putAscii(Tag.MODALITY, "CS", "")));
        Dataset everything = new Dataset().putAscii(Tag.PATIENT_NAME, "PN", "");
        double[] everythingMs = time(() -> worklist.find(everything, "PERF"));
        int everythingMatches = worklist.find(everything, "PERF").size();
        double[] machineMs = time(() -> worklist.find(machine, "PERF"));
        int machineMatches = worklist.find(machine, "PERF").size();
        Path temp = Files.createTempDirectory("worklist-timing");
        double[] findscuMs = time(() -> Dcmtk.findWorklist(server.port(), server.aeTitle(), temp, List.of(), "PatientName",
                "PatientID", "AccessionNumber", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=" + station,
                "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=" + day.format(DateTimeFormatter.BASIC_ISO_DATE)));
        double[] echoMs = time(() -> Dcmtk.echo(server.port(), server.aeTitle()));

        String report = String.format("""
                Worklist query timing (%d runs each after 5 warm-up runs; %s cores, Java %s)
                booked through the façades: %d appointments in %.1f s (%d on the first day, %s)
                machine query (its station, one day), in process: %d matches, median %.1f ms, p95 %.1f ms
                no keys (whole window, every room), in process: %d matches, median %.1f ms, p95 %.1f ms
                findscu, machine query, whole process: median %.1f ms, p95 %.1f ms
                echoscu, whole process: median %.1f ms, p95 %.1f ms
                """, RUNS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), PATIENTS,
                bookingSeconds, onDay, day, machineMatches, machineMs[0], machineMs[1], everythingMatches, everythingMs[0],
                everythingMs[1], findscuMs[0], findscuMs[1], echoMs[0], echoMs[1]);
        System.out.println(report);
        Files.createDirectories(Path.of("target/perf"));
        Files.writeString(Path.of("target/perf/worklist.txt"), report);
    }

    interface Work {
        Object run() throws Exception;
    }

    /** Median and 95th percentile in milliseconds, after {@value #WARM_UP} runs not counted. */
    private static double[] time(Work work) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            work.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] { ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1] };
    }
}
