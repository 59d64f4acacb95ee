package org.synovia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingDesk;
import org.synovia.patient.NhsNumber;
import org.synovia.procedure.DayListEntry;
import org.synovia.procedure.ProcedureReport;
import org.synovia.procedure.Visits;
import org.synovia.procedure.ProcedureReports;
import org.synovia.procedure.VisitStatus;

/**
 * The demo loader run at start-up on the tests' fixed clock (Tuesday 12 January 2027, 07:30), in a context of its
 * own so that the demo's accounts and lists do not meet the other tests' data.
 */
@SynoviaIntegrationTest
@TestPropertySource(properties = "synovia.demo.enabled=true")
class DemoDayIntegrationTests {

    @Autowired DemoData demoData;
    @Autowired Visits visits;
    @Autowired ProcedureReports procedureReports;
    @Autowired UserAccounts accounts;
    @Autowired Clock clock;
    @Autowired org.synovia.scheduling.Sessions sessions;
    @Autowired BookingDesk desk;
    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private List<DayListEntry> todaysDemoList() {
        AccountFixtures.signIn(accounts.find("nurse.evans").orElseThrow());
        return visits.dayList(LocalDate.now(clock), null, null).stream()
                .filter(e -> e.roomName().equals(DemoDay.ROOM)).toList();
    }

    @Test
    void booksTodayAPatientAtEachStageFromSignedToBooked() {
        List<DayListEntry> day = todaysDemoList();

        assertThat(day).extracting(DayListEntry::status)
                .containsExactly(VisitStatus.DONE, VisitStatus.IN_ROOM, VisitStatus.ARRIVED, VisitStatus.BOOKED);
        assertThat(day).allSatisfy(e -> {
            assertThat(e.start().toLocalDate()).isEqualTo(LocalDate.now(clock));
            assertThat(e.operatorName()).isEqualTo("Dr Alasdair Reid");
        });
        AccountFixtures.signIn(accounts.find("dr.reid").orElseThrow());
        assertThat(procedureReports.reports(day.getFirst().appointmentId())).singleElement().extracting(ProcedureReport.Sent::text)
                .asString().contains("Signed by Dr Alasdair Reid, Consultant, GMC 7054321, Tuesday 12 January 2027, ");
    }

    @Test
    void leavesTodaysListAsItIsWhenStartedAgainOnTheSameDay() throws Exception {
        List<DayListEntry> before = todaysDemoList();

        demoData.run(null);

        assertThat(todaysDemoList()).extracting(DayListEntry::appointmentId, DayListEntry::status)
                .containsExactlyElementsOf(before.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.appointmentId(), e.status())).toList());
    }

    @Test
    void refusesToAddAPatientToAnotherDaysSlotAsToday() {
        AccountFixtures.signIn(accounts.find("clerk.smith").orElseThrow());
        var tomorrow = sessions.offeredSlots(LocalDate.now(clock).plusDays(1), LocalDate.now(clock).plusDays(7),
                sessions.rooms().stream().map(org.synovia.scheduling.Room::id).toList()).getFirst();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.addToToday(java.util.UUID.randomUUID(), tomorrow.id()))
                .hasMessageContaining("Choose a free slot later today.");
    }

    @Test
    void givesEachDayOfTheDemoItsOwnValidNhsNumbers() {
        Set<String> numbers = new HashSet<>();
        for (LocalDate day = LocalDate.of(2027, 1, 1); day.isBefore(LocalDate.of(2027, 3, 1)); day = day.plusDays(1)) {
            for (int i = 0; i < DemoDay.PATIENTS; i++) {
                String number = DemoDay.nhsNumber(day, i);
                assertThat(NhsNumber.isValid(number)).as(number).isTrue();
                assertThat(number).startsWith("999");
                numbers.add(number);
            }
        }
        assertThat(numbers).hasSize(59 * DemoDay.PATIENTS);
    }
}
