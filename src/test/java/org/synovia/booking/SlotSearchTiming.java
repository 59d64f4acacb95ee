package org.synovia.booking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Operator;
import org.synovia.scheduling.OperatorGrade;
import org.synovia.scheduling.Room;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.SessionTemplate;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

/**
 * A repeatable timing harness, not a test (its name keeps it out of {@code mvn verify}): 5 ultrasound rooms
 * with two sessions every weekday for the 12-week horizon, the first 8 weeks fully booked, and one waiting
 * knee patient on apixaban. Prints how long the slot search takes; nothing is asserted. Run it with
 * {@code perf/slot-search.sh}.
 */
@SynoviaIntegrationTest
class SlotSearchTiming {

    private static final int ROOMS = 5;
    private static final int RUNS = 30;

    @Autowired Sessions sessions;

    @Autowired Clock clock;
    @Autowired SlotFinder slotFinder;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate jdbcTemplate;

    @Test
    void measuresTheSlotSearchOverTwelveWeeksForFiveRooms() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        AccountFixtures.signIn(clerk);
        List<UUID> rooms = new ArrayList<>();
        long materialiseStart = System.nanoTime();
        for (int i = 0; i < ROOMS; i++) {
            Room room = SchedulingFixtures.room(sessions, Guidance.ULTRASOUND);
            Operator operator = SchedulingFixtures.operator(sessions, accounts, OperatorGrade.CONSULTANT, Set.of(),
                    Guidance.ULTRASOUND);
            rooms.add(room.id());
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                sessions.addTemplate(new SessionTemplate(null, day, LocalTime.of(9, 0), LocalTime.of(12, 20), room.id(),
                        operator.id(), List.of(20), false, LocalDate.now(clock), null));
                sessions.addTemplate(new SessionTemplate(null, day, LocalTime.of(13, 30), LocalTime.of(17, 0), room.id(),
                        operator.id(), List.of(30), false, LocalDate.now(clock), null));
            }
        }
        double materialiseMs = (System.nanoTime() - materialiseStart) / 1e6;
        int slots = jdbc.sql("select count(*) from slot where room_id = any(?)").param(rooms.toArray(UUID[]::new))
                .query(Integer.class).single();

        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        int booked = fillFirstWeeks(referralId, rooms, 8);

        LocalDate today = LocalDate.now(clock);
        SlotQuery twelveWeeks = new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, 20, today,
                today.plusWeeks(13), null, null);
        slotFinder.search(referralId, 12);
        double[] query = time(() -> sessions.openSlots(twelveWeeks).size());
        double[] first12 = time(() -> slotFinder.search(referralId, 12).offers().size());
        double[] first1 = time(() -> slotFinder.search(referralId, 1).offers().size());
        double[] check400 = time(() -> slotFinder.search(referralId, SlotFinder.MAX_SLOTS_CHECKED).examined());
        SlotSearch sample = slotFinder.search(referralId, 12);

        String report = String.format("""
                Slot search timing (%d rooms, 12-week horizon, %d runs each after one warm-up; %s cores, Java %s)
                slots materialised: %d in %.0f ms (%d weekly sessions)
                appointments pre-booked in the first 8 weeks: %d
                open-slot query over 13 weeks (%d rows): median %.1f ms, p95 %.1f ms
                search, first offer: median %.1f ms, p95 %.1f ms
                search, first 12 offers (%d examined, first offer %s): median %.1f ms, p95 %.1f ms
                search examining %d free slots with the safety engine: median %.1f ms, p95 %.1f ms
                """, ROOMS, RUNS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), slots,
                materialiseMs, ROOMS * 10, booked, sessions.openSlots(twelveWeeks).size(), query[0], query[1], first1[0],
                first1[1], sample.examined(), sample.offers().isEmpty() ? "none" : sample.offers().getFirst().start(),
                first12[0], first12[1], SlotFinder.MAX_SLOTS_CHECKED, check400[0], check400[1]);
        System.out.println(report);
        Files.createDirectories(Path.of("target/perf"));
        Files.writeString(Path.of("target/perf/slot-search.txt"), report);
        AccountFixtures.signOut();
    }

    /** Books every slot of these rooms in the next {@code weeks} weeks for copies of one referral, straight in SQL. */
    private int fillFirstWeeks(UUID referralId, List<UUID> rooms, int weeks) {
        Instant until = clock.instant().plusSeconds(weeks * 7L * 86_400);
        List<Object[]> slotRows = jdbc.sql("""
                select id, room_id, operator_id, starts_at, ends_at from slot
                where room_id = any(?) and starts_at > ? and starts_at < ? order by starts_at
                """).params(rooms.toArray(UUID[]::new), Timestamp.from(clock.instant()), Timestamp.from(until))
                .query((rs, n) -> new Object[] {rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getTimestamp(4),
                        rs.getTimestamp(5)}).list();
        UUID patientId = waitingList.entry(referralId).orElseThrow().patientId();
        List<UUID> copies = jdbc.sql("""
                insert into referral
                select (jsonb_populate_record(null::referral, to_jsonb(r)
                        || jsonb_build_object('id', gen_random_uuid(), 'submission_key', gen_random_uuid()))).*
                from referral r, generate_series(1, ?) where r.id = ? returning id
                """).params(slotRows.size(), referralId).query(UUID.class).list();
        List<Object[]> appointments = new ArrayList<>();
        for (int i = 0; i < slotRows.size(); i++) {
            Object[] s = slotRows.get(i);
            appointments.add(new Object[] {UUID.randomUUID(), copies.get(i), patientId, s[0], s[1], s[2], s[3], s[4],
                    Timestamp.from(clock.instant())});
        }
        jdbcTemplate.batchUpdate("""
                insert into appointment (id, referral_id, patient_id, slot_id, room_id, operator_id, during, status, booked_at, booked_by)
                values (?, ?, ?, ?, ?, ?, tstzrange(?, ?), 'BOOKED', ?, 'perf')
                """, appointments);
        return appointments.size();
    }

    private static double[] time(Supplier<Integer> work) {
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1]};
    }
}
