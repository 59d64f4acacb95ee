package org.synovia.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaApplication;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures.Clinic;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.testing.TestHl7;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

/**
 * Two Synovia instances on one PostgreSQL, the way a region outgrows one machine: a second application
 * context with its own connection pool, web port, MLLP and DICOM listeners and schedulers, on the same
 * database. Booking one slot from both at once leaves exactly one appointment.
 */
@SynoviaIntegrationTest
class TwoInstancesIntegrationTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int RACERS = 64;

    static ConfigurableApplicationContext second;

    @Autowired BookingDesk desk;

    @Autowired Clock clock;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired JdbcClient jdbc;

    /** Started from a test method, once this class's context holds the database, so that both share it. */
    private static void startSecondInstance() {
        if (second != null) {
            return;
        }
        second = new SpringApplicationBuilder(SynoviaApplication.class)
                .profiles("test")
                .initializers(new TestSmtp.Initializer(), new TestHl7.Initializer())
                .properties("server.port=0", "synovia.hl7.mllp.port=0", "synovia.dicom.port=0",
                        "spring.datasource.hikari.pool-name=synovia-second")
                .run();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void letsExactlyOneOfSixtyFourBookingsSplitAcrossTwoInstancesSucceed() throws Exception {
        startSecondInstance();
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        List<Clinic> clinics = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.getValue() <= 5) {
                clinics.add(SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, day, LocalTime.of(9, 0),
                        LocalTime.of(10, 0), List.of(20)));
            }
        }
        List<UUID> waiting = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            waiting.add(BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                    ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee()));
        }
        AccountFixtures.signIn(clerk);
        LocalDate after = waiting.stream().map(id -> waitingList.entry(id).orElseThrow().earliestDate())
                .map(d -> d == null ? LocalDate.now(clock) : d).max(LocalDate::compareTo).orElseThrow();
        List<UUID> rooms = clinics.stream().map(c -> c.room().id()).toList();
        Slot slot = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, 20, after,
                after.plusWeeks(4), null, null)).stream().filter(s -> rooms.contains(s.roomId())).findFirst().orElseThrow();
        BookingDesk secondDesk = second.getBean(BookingDesk.class);
        assertThat(secondDesk).isNotSameAs(desk);

        List<String> results = BookingFixtures.race(List.of(desk, secondDesk), waiting, slot.id(), clerk);

        assertThat(results).filteredOn("booked"::equals).hasSize(1);
        assertThat(results).filteredOn(r -> !r.equals("booked")).hasSize(RACERS - 1).containsOnly(BookingDesk.SLOT_TAKEN);
        assertThat(jdbc.sql("select count(*) from appointment where slot_id = ? and status = 'BOOKED'").param(slot.id())
                .query(Integer.class).single()).isEqualTo(1);
    }
}
