package org.synovia.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;

@SynoviaIntegrationTest
class SessionsIntegrationTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    Sessions sessions;

    @Autowired
    Clock clock;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.BOOKING));
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private LocalDate next(DayOfWeek day) {
        return LocalDate.now(clock).plusDays(1).with(TemporalAdjusters.nextOrSame(day));
    }

    private List<Slot> ultrasoundKneeSlots(LocalDate from, LocalDate to) {
        return sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, 20, from, to, null, null));
    }

    @Test
    void makesTheSlotsOfAWeeklySessionForTheWholeHorizon() {
        var clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.TUESDAY,
                LocalTime.of(9, 0), LocalTime.of(12, 0), List.of(20, 20, 45));

        List<Slot> ours = ultrasoundKneeSlots(LocalDate.now(clock), LocalDate.now(clock).plusWeeks(13)).stream()
                .filter(s -> s.roomId().equals(clinic.room().id())).toList();

        assertThat(ours).hasSizeBetween(6 * 12, 6 * 13);
        assertThat(ours).allSatisfy(s -> assertThat(s.start().atZone(LONDON).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY));
        Slot first = ours.stream().filter(s -> s.minutes() == 45).findFirst().orElseThrow();
        assertThat(first.start().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(9, 40));
        assertThat(sessions.materialiseHorizon()).isZero();
    }

    @Test
    void offersOnlyRoomsWithTheGuidanceAndOperatorsCompetentForTheSiteAndGrade() {
        LocalDate wednesday = next(DayOfWeek.WEDNESDAY);
        Room ultrasound = SchedulingFixtures.room(sessions, Guidance.ULTRASOUND);
        Room fluoroscopy = SchedulingFixtures.room(sessions, Guidance.FLUOROSCOPY, Guidance.LANDMARK);
        Operator shoulderOnly = SchedulingFixtures.operator(sessions, accounts, OperatorGrade.CONSULTANT,
                Set.of("GLENOHUMERAL_JOINT"), Guidance.ULTRASOUND);
        Operator sonographer = SchedulingFixtures.operator(sessions, accounts, OperatorGrade.SONOGRAPHER, Set.of(),
                Guidance.ULTRASOUND, Guidance.FLUOROSCOPY);
        Operator consultant = SchedulingFixtures.operator(sessions, accounts, OperatorGrade.CONSULTANT, Set.of(),
                Guidance.ULTRASOUND, Guidance.FLUOROSCOPY);
        Room second = SchedulingFixtures.room(sessions, Guidance.ULTRASOUND);
        Room third = SchedulingFixtures.room(sessions, Guidance.ULTRASOUND);
        sessions.addTemplate(new SessionTemplate(null, DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(10, 0),
                ultrasound.id(), shoulderOnly.id(), List.of(20), false, wednesday, wednesday));
        sessions.addTemplate(new SessionTemplate(null, DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(10, 0),
                fluoroscopy.id(), consultant.id(), List.of(20), false, wednesday, wednesday));
        sessions.addTemplate(new SessionTemplate(null, DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(10, 0),
                second.id(), sonographer.id(), List.of(20), false, wednesday, wednesday));
        sessions.addTemplate(new SessionTemplate(null, DayOfWeek.WEDNESDAY, LocalTime.of(13, 0), LocalTime.of(14, 0),
                third.id(), consultant.id(), List.of(15), false, wednesday, wednesday));

        List<Slot> forConsultantKnee = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", "CONSULTANT",
                null, 20, wednesday, wednesday, null, null));
        List<Slot> forSonographerKnee = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", "SONOGRAPHER",
                null, 15, wednesday, wednesday, null, null));

        assertThat(forConsultantKnee).extracting(Slot::roomId)
                .doesNotContain(ultrasound.id(), fluoroscopy.id(), second.id(), third.id());
        assertThat(forSonographerKnee).extracting(Slot::roomId).contains(second.id(), third.id())
                .doesNotContain(ultrasound.id(), fluoroscopy.id());
        assertThat(forSonographerKnee).isSortedAccordingTo(java.util.Comparator.comparing(Slot::start));
    }

    @Test
    void withdrawsTheSlotsOfAnOperatorOnLeaveAndSkipsDaysThePatientIsAway() {
        var clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.THURSDAY,
                LocalTime.of(13, 0), LocalTime.of(14, 0), List.of(20));
        LocalDate first = next(DayOfWeek.THURSDAY);
        LocalDate second = first.plusWeeks(1);

        int withdrawn = sessions.addException(new SessionException(null, SessionException.Kind.OPERATOR_LEAVE, null,
                clinic.operator().id(), first, first, "Annual leave"));
        List<Slot> ours = ultrasoundKneeSlots(first, second.plusWeeks(1)).stream()
                .filter(s -> s.roomId().equals(clinic.room().id())).toList();
        List<Slot> whileAway = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, 20, first,
                second.plusWeeks(1), second, second)).stream().filter(s -> s.roomId().equals(clinic.room().id())).toList();

        assertThat(withdrawn).isEqualTo(3);
        assertThat(ours).extracting(s -> LocalDate.ofInstant(s.start(), LONDON)).doesNotContain(first).contains(second);
        assertThat(whileAway).extracting(s -> LocalDate.ofInstant(s.start(), LONDON))
                .containsOnly(second.plusWeeks(1));
    }

    @Test
    void endsAWeeklySessionAndWithdrawsItsLaterSlots() {
        var clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.SATURDAY,
                LocalTime.of(9, 0), LocalTime.of(10, 0), List.of(20));
        LocalDate first = next(DayOfWeek.SATURDAY);

        int withdrawn = sessions.endTemplate(clinic.template().id(), first);

        assertThat(withdrawn).isEqualTo(jdbcWithdrawn(clinic)).isGreaterThanOrEqualTo(3 * 11);
        assertThat(ultrasoundKneeSlots(first, first.plusWeeks(13)).stream().filter(s -> s.roomId().equals(clinic.room().id())))
                .extracting(s -> LocalDate.ofInstant(s.start(), LONDON)).containsOnly(first);
        assertThat(sessions.templates()).filteredOn(t -> t.id().equals(clinic.template().id()))
                .extracting(SessionTemplate::validTo).containsExactly(first);
        assertThatThrownBy(() -> sessions.endTemplate(clinic.template().id(), first.plusWeeks(1)))
                .isInstanceOf(InvalidInputException.class);
    }

    private int jdbcWithdrawn(SchedulingFixtures.Clinic clinic) {
        return jdbc.sql("select count(*) from slot where template_id = ? and withdrawn_reason is not null")
                .param(clinic.template().id()).query(Integer.class).single();
    }

    @Test
    void refusesASecondSessionInTheSameRoomAtTheSameTime() {
        var clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.FRIDAY,
                LocalTime.of(9, 0), LocalTime.of(12, 0), List.of(20));
        Operator other = SchedulingFixtures.operator(sessions, accounts, OperatorGrade.CONSULTANT, Set.of(),
                Guidance.ULTRASOUND);

        assertThatThrownBy(() -> sessions.addTemplate(new SessionTemplate(null, DayOfWeek.FRIDAY, LocalTime.of(11, 0),
                LocalTime.of(13, 0), clinic.room().id(), other.id(), List.of(20), false, LocalDate.now(clock), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already has a session");
    }

    @Test
    void refusesAnOperatorWithoutAStaffAccount() {
        assertThatThrownBy(() -> sessions.addOperator(new Operator(null, "nobody.here", "Dr Nobody",
                OperatorGrade.CONSULTANT, Set.of(Guidance.CT), Set.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no staff account");
    }

    @Test
    void letsOnlyAdministratorsAndBookingClerksChangeSessions() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.NURSE));

        assertThatThrownBy(() -> SchedulingFixtures.room(sessions, Guidance.CT)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void showsEachProblemBesideItsFieldOnThePage() throws Exception {
        mvc.perform(post("/sessions/templates").with(user("clerk").roles("BOOKING")).with(csrf())
                        .param("start", "9 o'clock").param("end", "12:00").param("slotPattern", "20"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter a time as hours and minutes")));
        mvc.perform(post("/sessions/rooms").with(user("clerk").roles("BOOKING")).with(csrf()).param("name", "X"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Say where the room is")))
                .andExpect(content().string(Matchers.containsString("Choose at least one kind of guidance")));
    }
}
