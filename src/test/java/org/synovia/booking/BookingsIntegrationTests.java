package org.synovia.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Room;
import org.synovia.scheduling.SchedulingFixtures.Clinic;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.SessionTemplate;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.testing.RecordCopies;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;
import org.synovia.waitinglist.WaitingListFilter;

@SynoviaIntegrationTest
class BookingsIntegrationTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired Bookings bookings;
    @Autowired DeskCalendar calendar;
    @Autowired FreedSlots freedSlots;
    @Autowired PatientLinks patientLinks;
    @Autowired BookingDesk desk;
    @Autowired SlotFinder slotFinder;
    @Autowired Clock clock;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired AcceptedProtocols protocols;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.context.ApplicationContext context;

    UserAccount clerk;
    UserAccount referrer;
    UserAccount radiologist;

    @BeforeEach
    void setUp() {
        clerk = AccountFixtures.create(accounts, Role.BOOKING);
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** An ultrasound list every weekday in a new room, so that any earliest date has slots soon after. */
    private List<Clinic> ultrasoundWeekdays(int slotMinutes) {
        AccountFixtures.signIn(clerk);
        List<Clinic> clinics = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            clinics.add(SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, day, LocalTime.of(9, 0),
                    LocalTime.of(10, 0), List.of(slotMinutes)));
        }
        return clinics;
    }

    private UUID waitingKnee() {
        UUID id = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist, ReferralFixtures::kneeOnApixaban,
                BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        return id;
    }

    private Slot firstFreeSlotIn(List<Clinic> clinics, LocalDate onOrAfter) {
        List<UUID> rooms = clinics.stream().map(c -> c.room().id()).toList();
        return sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, 20, onOrAfter,
                        onOrAfter.plusWeeks(4), null, null)).stream()
                .filter(s -> rooms.contains(s.roomId())).findFirst().orElseThrow();
    }

    private LocalDate earliest(UUID referralId) {
        LocalDate earliest = waitingList.entry(referralId).orElseThrow().earliestDate();
        return earliest == null ? LocalDate.now(clock) : earliest;
    }

    @Test
    void offersTheEarliestSafeSlotsInsideTheWindowAndNotWhileThePatientIsAway() {
        ultrasoundWeekdays(20);
        UUID referralId = waitingKnee();
        LocalDate earliest = earliest(referralId);
        waitingList.setUnavailability(referralId, earliest, earliest.plusDays(6));

        SlotSearch search = slotFinder.search(referralId, 10);

        assertThat(search.offers()).hasSize(10);
        assertThat(search.offers()).extracting(SlotOffer::start).isSorted();
        assertThat(search.offers()).allSatisfy(o -> {
            assertThat(o.start().toLocalDate()).isAfter(earliest.plusDays(6));
            assertThat(o.slot().roomGuidance()).contains(Guidance.ULTRASOUND);
            assertThat(o.slot().minutes()).isGreaterThanOrEqualTo(20);
        });
    }

    @Test
    void booksAndMovesTheReferralAndWaitingListOnThenCancelsAndPutsThemBack() {
        List<Clinic> clinics = ultrasoundWeekdays(20);
        UUID referralId = waitingKnee();
        Slot slot = firstFreeSlotIn(clinics, earliest(referralId));

        Appointment appointment = desk.book(referralId, slot.id());

        assertThat(appointment.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(appointment.bookedBy()).isEqualTo(clerk.username());
        assertThat(referrals.show(new ReferralId(referralId)).status()).isEqualTo(ReferralStatus.BOOKED);
        assertThat(waitingList.waiting(WaitingListFilter.ALL)).extracting(WaitingListEntry::referralId).doesNotContain(referralId);
        assertThat(slotFinder.search(referralId, 50).offers()).extracting(o -> o.slot().id()).doesNotContain(slot.id());
        assertThatThrownBy(() -> desk.book(referralId, firstFreeSlotIn(clinics, earliest(referralId)).id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not waiting");

        assertThatThrownBy(() -> desk.cancel(appointment.id(), " ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Say why");
        Appointment cancelled = desk.cancel(appointment.id(), "Patient phoned: going abroad");

        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.endedBy()).isEqualTo(clerk.username());
        assertThat(cancelled.endReason()).isEqualTo("Patient phoned: going abroad");
        assertThat(referrals.show(new ReferralId(referralId)).status()).isEqualTo(ReferralStatus.WAITING);
        assertThat(waitingList.waiting(WaitingListFilter.ALL)).extracting(WaitingListEntry::referralId).contains(referralId);
        assertThat(bookings.history(appointment.id())).extracting(AppointmentChange::action).containsExactly("BOOKED", "CANCELLED");
        assertThat(slotFinder.search(referralId, 50).offers()).extracting(o -> o.slot().id()).contains(slot.id());
    }

    @Test
    void movesAnAppointmentToAnotherSlotAndKeepsTheOldOneWithItsReason() {
        List<Clinic> clinics = ultrasoundWeekdays(20);
        UUID referralId = waitingKnee();
        Slot first = firstFreeSlotIn(clinics, earliest(referralId));
        Appointment booked = desk.book(referralId, first.id());
        Slot later = firstFreeSlotIn(clinics, LocalDate.ofInstant(first.start(), LONDON).plusDays(1));

        Appointment moved = desk.reschedule(booked.id(), later.id(), "Patient asked for a later day");

        assertThat(moved.start()).isEqualTo(later.start());
        Appointment old = bookings.appointment(booked.id());
        assertThat(old.status()).isEqualTo(AppointmentStatus.RESCHEDULED);
        assertThat(old.replacedBy()).isEqualTo(moved.id());
        assertThat(old.endReason()).isEqualTo("Patient asked for a later day");
        assertThat(referrals.show(new ReferralId(referralId)).status()).isEqualTo(ReferralStatus.BOOKED);
        assertThatThrownBy(() -> desk.didNotAttend(moved.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("once it has started");
    }

    @Test
    void marksAPatientWhoDidNotComeAndPutsThemBackOnTheList() {
        List<Clinic> clinics = ultrasoundWeekdays(20);
        UUID referralId = waitingKnee();
        Appointment appointment = desk.book(referralId, firstFreeSlotIn(clinics, earliest(referralId)).id());
        // The appointment time has come: move it into the past as the clock would.
        BookingFixtures.startAt(jdbc, clock, appointment.id(), Duration.ofHours(-1), Duration.ofMinutes(20));

        Appointment missed = desk.didNotAttend(appointment.id());

        assertThat(missed.status()).isEqualTo(AppointmentStatus.DID_NOT_ATTEND);
        assertThat(missed.endedBy()).isEqualTo(clerk.username());
        assertThat(referrals.show(new ReferralId(referralId)).status()).isEqualTo(ReferralStatus.WAITING);
        assertThat(bookings.history(appointment.id())).extracting(AppointmentChange::action)
                .containsExactly("BOOKED", "DID_NOT_ATTEND");
        assertThatThrownBy(() -> desk.cancel(appointment.id(), "too late")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("did not attend");
    }

    @Test
    void refusesASlotOutsideThePatientsWindowOrWithTheWrongGuidance() {
        AccountFixtures.signIn(clerk);
        Clinic fluoroscopy = SchedulingFixtures.clinic(sessions, accounts, Guidance.FLUOROSCOPY, DayOfWeek.MONDAY,
                LocalTime.of(14, 0), LocalTime.of(15, 0), List.of(20));
        UUID referralId = waitingKnee();
        Slot wrongGuidance = sessions.openSlots(new SlotQuery(Guidance.FLUOROSCOPY, "KNEE_JOINT", null, null, 20,
                earliest(referralId), earliest(referralId).plusWeeks(2), null, null)).stream()
                .filter(s -> s.roomId().equals(fluoroscopy.room().id())).findFirst().orElseThrow();

        assertThatThrownBy(() -> desk.book(referralId, wrongGuidance.id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not suit");
        assertThat(referrals.show(new ReferralId(referralId)).status()).isEqualTo(ReferralStatus.WAITING);
        assertThat(bookings.forReferral(referralId)).isEmpty();
    }

    @Test
    void reassessesAtTheRealStartAndDatesTheApixabanPlanForACervicalFacetInjection() {
        AccountFixtures.signIn(clerk);
        Clinic ct = SchedulingFixtures.clinic(sessions, accounts, Guidance.CT, LocalDate.now(clock).plusDays(1).getDayOfWeek(),
                LocalTime.of(9, 0), LocalTime.of(12, 0), List.of(45));
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                BookingFixtures::cervicalFacetOnApixaban, BookingFixtures.ctCervicalFacet());
        AccountFixtures.signIn(clerk);

        var tooSoon = protocols.checkAt(new ReferralId(referralId), LocalDate.now(clock).plusDays(1).atTime(9, 0));
        assertThat(tooSoon.allowed()).isFalse();
        assertThat(tooSoon.problems()).anySatisfy(p -> assertThat(p).contains("Too soon to stop").contains("apixaban"));

        Slot slot = sessions.openSlots(new SlotQuery(Guidance.CT, "FACET_CERVICAL", null, null, 45, earliest(referralId),
                earliest(referralId).plusWeeks(3), null, null)).stream()
                .filter(s -> s.roomId().equals(ct.room().id())).findFirst().orElseThrow();
        Appointment appointment = desk.book(referralId, slot.id());

        LocalDateTime start = LocalDateTime.ofInstant(slot.start(), LONDON);
        var plan = protocols.checkAt(new ReferralId(referralId), start).assessment()
                .planFor(org.synovia.shared.Antithrombotic.APIXABAN).orElseThrow();
        assertThat(plan.lastDose()).isBefore(start);
        assertThat(appointment.medicationPlan()).contains("Take your last apixaban")
                .contains(String.valueOf(plan.lastDose().getDayOfMonth()));
    }

    @Test
    void letsThePatientCancelByTheirLinkAndOffersTheFreedSlotToAnotherWaitingPatient() {
        List<Clinic> clinics = ultrasoundWeekdays(20);
        UUID booked = waitingKnee();
        UUID next = waitingKnee();
        Slot slot = firstFreeSlotIn(clinics, earliest(booked).isAfter(earliest(next)) ? earliest(booked) : earliest(next));
        Appointment appointment = desk.book(booked, slot.id());
        awaitLetterLink(appointment);
        String token = patientLinks.newPatientLink(appointment.id()).orElseThrow();
        AccountFixtures.signOut();

        assertThat(patientLinks.byPatientLink(token)).map(Appointment::id).contains(appointment.id());
        assertThat(patientLinks.byPatientLink(token + "x")).isEmpty();
        Appointment cancelled = patientLinks.cancelByPatient(token, "Away that week");

        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.endedBy()).isEqualTo(PatientLinks.PATIENT_LINK);
        assertThat(cancelled.endReason()).contains("Away that week");
        assertThat(patientLinks.byPatientLink(token)).isEmpty();
        AccountFixtures.signIn(clerk);
        assertThat(referrals.show(new ReferralId(booked)).status()).isEqualTo(ReferralStatus.WAITING);
        FreedSlot freed = freedSlots.freedSlots(100).stream().filter(f -> f.slot().id().equals(slot.id())).findFirst()
                .orElseThrow();
        assertThat(freed.candidates()).extracting(FreedSlot.Candidate::referralId).contains(next);
    }

    @Test
    void listsBookedPatientsWhoseSlotLeaveLaterWithdrew() throws Exception {
        List<Clinic> clinics = ultrasoundWeekdays(20);
        UUID referralId = waitingKnee();
        Slot slot = firstFreeSlotIn(clinics, earliest(referralId));
        Appointment appointment = desk.book(referralId, slot.id());
        LocalDate day = LocalDate.ofInstant(slot.start(), LONDON);

        sessions.addException(new org.synovia.scheduling.SessionException(null,
                org.synovia.scheduling.SessionException.Kind.OPERATOR_LEAVE, null, slot.operatorId(), day, day,
                "Operator off sick"));

        assertThat(calendar.needingNewSlot()).containsEntry(bookings.appointment(appointment.id()), "Operator off sick");

        // One statement joining the bookings to their withdrawn slots, not a read of every booking of the next year
        // and then of their slots (ADR 0120). Both sides are indexed (slot_withdrawn, V148); which one leads is the
        // planner's choice by the tables' sizes (at 100,000 bookings: the withdrawn slots, docs/performance.md).
        List<String> sql = org.synovia.testing.StatementCounter.record(calendar::needingNewSlot).stream()
                .filter(s -> !s.strip().startsWith("insert into audit_event")).toList();
        assertThat(sql).hasSize(1);
        assertThat(org.synovia.testing.GenericPlans.of(context, sql.getFirst())).doesNotContain("Seq Scan");
    }

    @Test
    void booksAOneStopVisitAsTwoConsecutiveSlotsThatNoOneElseCanTake() {
        AccountFixtures.signIn(clerk);
        List<UUID> rooms = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            Room room = SchedulingFixtures.room(sessions, Guidance.ULTRASOUND);
            org.synovia.scheduling.Operator operator = SchedulingFixtures.operator(sessions, accounts,
                    org.synovia.scheduling.OperatorGrade.CONSULTANT, java.util.Set.of(), Guidance.ULTRASOUND);
            sessions.addTemplate(new SessionTemplate(null, day, LocalTime.of(6, 0), LocalTime.of(7, 0), room.id(),
                    operator.id(), List.of(30), true, LocalDate.now(clock), null));
            rooms.add(room.id());
        }
        UUID oneStop = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                ReferralFixtures::kneeOnApixaban, RecordCopies.with(BookingFixtures.ultrasoundKnee(), "oneStopEligible", true));
        UUID other = waitingKnee();

        SlotOffer offer = slotFinder.search(oneStop, 50).offers().stream().filter(o -> rooms.contains(o.slot().roomId()))
                .findFirst().orElseThrow();
        assertThat(offer.linkedSlot()).isNotNull();
        assertThat(offer.linkedSlot().start()).isEqualTo(offer.slot().end());
        Appointment appointment = desk.book(oneStop, offer.slot().id());

        assertThat(appointment.linkedSlotId()).isEqualTo(offer.linkedSlot().id());
        assertThat(appointment.minutes()).isEqualTo(60);
        assertThat(slotFinder.search(other, 50).offers()).extracting(o -> o.slot().id())
                .doesNotContain(offer.slot().id(), offer.linkedSlot().id());
        assertThatThrownBy(() -> desk.book(other, offer.linkedSlot().id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("just taken");
    }

    @Test
    void letsTheDatabaseRefuseTwoActiveAppointmentsInOneRoomAtOnce() {
        List<Clinic> clinics = ultrasoundWeekdays(20);
        UUID first = waitingKnee();
        UUID second = waitingKnee();
        Slot slot = firstFreeSlotIn(clinics, earliest(first).isAfter(earliest(second)) ? earliest(first) : earliest(second));
        Appointment booked = desk.book(first, slot.id());
        awaitLetterLink(booked);

        // Straight to SQL, past every check in Java: the exclusion constraint alone must refuse it.
        UUID patient = waitingList.entry(second).orElseThrow().patientId();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into appointment (id, referral_id, patient_id, slot_id, room_id, operator_id, during, status,
                    booked_at, booked_by)
                values (?, ?, ?, ?, ?, ?, tstzrange(?, ?), 'BOOKED', ?, 'test')
                """).params(UUID.randomUUID(), second, patient, slot.id(), slot.roomId(), UUID.randomUUID(),
                Timestamp.from(slot.start().plusSeconds(600)), Timestamp.from(slot.end().plusSeconds(600)),
                Timestamp.from(clock.instant())).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("appointment_room_not_double_booked");
    }

    @Test
    void letsExactlyOneOfTwelveConcurrentBookingsOfOneSlotSucceed() throws Exception {
        List<Clinic> clinics = ultrasoundWeekdays(20);
        List<UUID> waitingReferrals = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waitingReferrals.add(waitingKnee());
        }
        LocalDate latestEarliest = waitingReferrals.stream().map(this::earliest).max(LocalDate::compareTo).orElseThrow();
        Slot slot = firstFreeSlotIn(clinics, latestEarliest);

        List<String> results = BookingFixtures.race(List.of(desk), waitingReferrals, slot.id(), clerk);

        assertThat(results).filteredOn("booked"::equals).hasSize(1);
        assertThat(results).filteredOn(r -> !r.equals("booked")).hasSize(11).containsOnly(BookingDesk.SLOT_TAKEN);
        assertThat(jdbc.sql("select count(*) from appointment where slot_id = ? and status = 'BOOKED'").param(slot.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(waitingReferrals.stream().filter(id -> referrals.show(new ReferralId(id)).status() == ReferralStatus.BOOKED))
                .hasSize(1);
    }

    /**
     * The letter's listener writes the patient link into the booked row after the booking commits. Tests that touch
     * that row themselves wait for it: their own link would be overwritten, and a direct insert that overlaps it
     * could deadlock with the listener's update on the exclusion constraint.
     */
    private void awaitLetterLink(Appointment appointment) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
                .sql("select patient_link_hash is not null from appointment where id = ?").param(appointment.id())
                .query(Boolean.class).single());
    }

    @Test
    void offersASlotFreedByOneCancellationOnceHoweverOftenTheCancellationIsHandled() {
        BookingFixtures.Desk setup = BookingFixtures.desk(accounts, sessions, LocalTime.of(21, 30), LocalTime.of(21, 50),
                List.of(20));
        List<SchedulingFixtures.Clinic> clinics = setup.clinics();
        java.util.UUID cancelling = setup.staff().waitingKnee(patients, referrals, vetting);
        setup.staff().waitingKnee(patients, referrals, vetting);
        java.time.Instant twoDaysAhead = clock.instant().plus(Duration.ofDays(2));
        // One of this test's own slots, taken from its sessions: in a full run the other tests' clinics fill any
        // search's first offers. Booking it still makes every check.
        java.util.UUID slotId = clinics.stream().flatMap(c -> sessions.slotsOf(c.template().id(), twoDaysAhead,
                        twoDaysAhead.plus(Duration.ofDays(8))).stream())
                .min(java.util.Comparator.comparing(org.synovia.scheduling.Slot::start)).orElseThrow().id();
        Appointment appointment = desk.book(cancelling, slotId);
        Appointment cancelled = desk.cancel(appointment.id(), "Patient now has a knee replacement date");
        AccountFixtures.signOut();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> offersOf(appointment.id()) == 1);

        // As a restarting instance would while another still handles it: the same cancellation handled again.
        AppointmentCancelled again = new AppointmentCancelled(cancelled.id(), cancelled.referralId(), cancelled.patientId(),
                cancelled.slotId(), cancelled.start(), AppointmentStatus.CANCELLED, "Patient now has a knee replacement date");
        freedSlots.offerFreedSlot(again);
        freedSlots.offerFreedSlot(again);

        assertThat(offersOf(appointment.id())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from booking_invitation where slot_id = ?").param(slotId).query(Long.class)
                .single()).as("one offer of the freed slot").isEqualTo(1);
    }

    private long offersOf(java.util.UUID cancelledAppointmentId) {
        return jdbc.sql("select count(*) from booking_invitation where offered_for_cancelled = ?")
                .param(cancelledAppointmentId).query(Long.class).single();
    }
}
