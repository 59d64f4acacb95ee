package org.synovia.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
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
import org.synovia.shared.InvalidInputException;
import org.synovia.testing.RecordCopies;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.Funding;
import org.synovia.waitinglist.FundingState;
import org.synovia.waitinglist.FundingStatus;
import org.synovia.waitinglist.Payer;
import org.synovia.waitinglist.WaitingList;

/**
 * Every way into a booking is shut while funding is awaited or refused, and open once the administrator records the
 * approval (ADR 0072): the clerk's booking and search, a booking link, the patient's link, a freed slot.
 */
@SynoviaIntegrationTest
class FundingGateIntegrationTests {

    @Autowired FreedSlots freedSlots;
    @Autowired SlotFinder slotFinder;
    @Autowired BookingInvitations invitations;
    @Autowired BookingDesk desk;
    @Autowired Funding funding;
    @Autowired Clock clock;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired JdbcClient jdbc;

    UserAccount clerk;
    UserAccount referrer;
    UserAccount radiologist;
    UserAccount admin;

    @BeforeEach
    void setUp() {
        clerk = AccountFixtures.create(accounts, Role.BOOKING);
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        admin = AccountFixtures.create(accounts, Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private List<Clinic> ultrasoundWeekdays() {
        AccountFixtures.signIn(clerk);
        List<Clinic> clinics = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            // An hour no other test's clinics use, so that no other test's search lands in these rooms.
            clinics.add(SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, day, LocalTime.of(6, 0),
                    LocalTime.of(7, 0), List.of(20)));
        }
        return clinics;
    }

    /** Hyaluronan for knee osteoarthritis: NICE NG226 does not fund it, so vetting accepts it as an IFR. */
    private UUID awaitingIndividualFundingRequest() {
        UUID id = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                BookingFixtures::kneeHyaluronanForOsteoarthritis, BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        return id;
    }

    private UUID funded() {
        UUID id = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        return id;
    }

    private Slot firstFreeSlotIn(List<Clinic> clinics, UUID referralId) {
        LocalDate earliest = waitingList.entry(referralId).orElseThrow().earliestDate();
        LocalDate from = earliest == null ? LocalDate.now(clock) : earliest;
        List<UUID> rooms = clinics.stream().map(c -> c.room().id()).toList();
        return sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, 20, from,
                from.plusWeeks(4), null, null)).stream().filter(s -> rooms.contains(s.roomId())).findFirst().orElseThrow();
    }

    private void approve(UUID referralId, String reference, LocalDate expiresOn) {
        AccountFixtures.signIn(admin);
        funding.approve(referralId, reference, LocalDate.now(clock), expiresOn);
        AccountFixtures.signIn(clerk);
    }

    private static String refusal(Runnable attempt) {
        try {
            attempt.run();
        }
        catch (InvalidInputException e) {
            return e.problems().getFirst().message();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void refusesTheClerksBookingSearchAndLinkUntilTheApprovalIsRecorded() {
        List<Clinic> clinics = ultrasoundWeekdays();
        UUID referralId = awaitingIndividualFundingRequest();
        assertThat(waitingList.entry(referralId).orElseThrow().fundingStatus())
                .isEqualTo(FundingStatus.INDIVIDUAL_FUNDING_REQUEST);
        Slot slot = firstFreeSlotIn(clinics, referralId);

        assertThat(refusal(() -> desk.book(referralId, slot.id())))
                .startsWith("Awaiting funding approval").contains("cannot be booked or injected");
        assertThat(refusal(() -> invitations.invite(referralId))).startsWith("Awaiting funding approval");
        assertThat(refusal(() -> invitations.inviteTo(referralId, List.of(slot.id())))).startsWith("Awaiting funding approval");
        SlotSearch search = slotFinder.search(referralId, 5);
        assertThat(search.offers()).isEmpty();
        assertThat(search.refused()).singleElement().asString().startsWith("Awaiting funding approval");

        approve(referralId, "IFR-2027-0042", null);

        assertThat(waitingList.entry(referralId).orElseThrow().funding().state()).isEqualTo(FundingState.APPROVED);
        assertThat(slotFinder.search(referralId, 5).offers()).isNotEmpty();
        assertThat(desk.book(referralId, slot.id()).status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void offersNoSlotsBeyondTheApprovalsLastDayAndRefusesToBookThere() {
        List<Clinic> clinics = ultrasoundWeekdays();
        UUID referralId = awaitingIndividualFundingRequest();
        Slot slot = firstFreeSlotIn(clinics, referralId);
        LocalDate slotDay = LocalDate.ofInstant(slot.start(), clock.getZone());
        approve(referralId, "IFR-2027-0043", slotDay.minusDays(1));

        assertThat(slotFinder.search(referralId, 50).offers())
                .allSatisfy(o -> assertThat(o.start().toLocalDate()).isBefore(slotDay));
        assertThat(refusal(() -> desk.book(referralId, slot.id()))).contains("IFR-2027-0043")
                .contains("runs out on " + slotDay.minusDays(1));
    }

    @Test
    void keepsARefusedReferralOnTheListFlaggedAndUnbookableUntilALaterApproval() {
        List<Clinic> clinics = ultrasoundWeekdays();
        UUID referralId = awaitingIndividualFundingRequest();
        Slot slot = firstFreeSlotIn(clinics, referralId);
        AccountFixtures.signIn(admin);
        funding.refuse(referralId, "The IFR panel found no exceptional circumstances.", LocalDate.now(clock));
        AccountFixtures.signIn(clerk);

        assertThat(waitingList.entry(referralId).orElseThrow().funding().state()).isEqualTo(FundingState.REFUSED);
        assertThat(refusal(() -> desk.book(referralId, slot.id()))).startsWith("Funding refused")
                .contains("no exceptional circumstances");

        approve(referralId, "IFR-APPEAL-7", null);
        assertThat(desk.book(referralId, slot.id()).status()).isEqualTo(AppointmentStatus.BOOKED);
        AccountFixtures.signIn(admin);
        assertThat(funding.history(referralId)).extracting(d -> d.outcome().name()).containsExactly("APPROVED", "REFUSED");
        assertThat(jdbc.sql("select count(*) from funding_decision where referral_id = ?").param(referralId)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void letsOnlyTheAdministratorRecordADecisionAndNeverChangesOne() {
        UUID referralId = awaitingIndividualFundingRequest();

        assertThatThrownBy(() -> funding.approve(referralId, "IFR-1", LocalDate.now(clock), null))
                .isInstanceOf(AccessDeniedException.class);
        AccountFixtures.signIn(admin);
        assertThat(refusal(() -> funding.approve(referralId, " ", LocalDate.now(clock), null)))
                .isEqualTo("Give the commissioner's approval or IFR reference.");
        assertThat(refusal(() -> funding.refuse(referralId, "", LocalDate.now(clock))))
                .isEqualTo("Give the reason the funding was refused.");
        assertThat(refusal(() -> funding.approve(referralId, "IFR-1", LocalDate.now(clock).plusDays(1), null)))
                .isEqualTo("The decision cannot be dated in the future.");
        funding.approve(referralId, "IFR-1", LocalDate.now(clock), null);

        assertThatThrownBy(() -> jdbc.sql("update funding_decision set reference = 'IFR-2' where referral_id = ?")
                .param(referralId).update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from funding_decision where referral_id = ?")
                .param(referralId).update()).rootCause().hasMessageContaining("permission denied");
        UUID fundedReferral = funded();
        AccountFixtures.signIn(admin);
        assertThat(refusal(() -> funding.approve(fundedReferral, "X", LocalDate.now(clock), null)))
                .startsWith("This referral needs no funding decision");
    }

    @Test
    void refusesThePatientsOwnBookingLinkOnceAnInsurerPaysUntilItsAuthorisationIsRecorded() {
        List<Clinic> clinics = ultrasoundWeekdays();
        UUID referralId = funded();
        Slot slot = firstFreeSlotIn(clinics, referralId);
        UUID invitation = invitations.inviteTo(referralId, List.of(slot.id()));
        // The letter's listener issues the link's secret on its own thread; the test sets one it knows instead.
        String token = org.synovia.shared.Secrets.newToken(32);
        jdbc.sql("update booking_invitation set token_hash = ? where id = ?")
                .params(org.synovia.shared.Secrets.sha256Hex(token), invitation).update();
        AccountFixtures.signIn(admin);
        funding.setPayer(referralId, Payer.INSURER, "Example Health");
        AccountFixtures.signOut();

        assertThat(refusal(() -> invitations.bookByInvitation(token, slot.id())))
                .startsWith("Awaiting insurer authorisation").contains("Example Health");

        approve(referralId, "EH-778812", null);
        AccountFixtures.signOut();
        assertThat(invitations.bookByInvitation(token,
                slot.id()).bookedBy()).isEqualTo(BookingInvitations.PATIENT_INVITATION);
    }

    @Test
    void leavesAPatientAwaitingFundingOutOfAFreedSlotsCandidatesUntilApproved() {
        AccountFixtures.signIn(clerk);
        List<UUID> rooms = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            rooms.add(SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, day, LocalTime.of(22, 10),
                    LocalTime.of(22, 30), List.of(20)).room().id());
        }
        UUID cancelling = funded();
        // Urgent, so that among everyone waiting it comes early in the slot's candidates.
        UUID awaiting = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                BookingFixtures::kneeHyaluronanForOsteoarthritis,
                RecordCopies.with(BookingFixtures.ultrasoundKnee(), "priority", org.synovia.waitinglist.Priority.URGENT));
        AccountFixtures.signIn(clerk);
        java.time.Instant twoDaysAhead = clock.instant().plus(Duration.ofDays(2));
        UUID slotId = slotFinder.search(cancelling, 200).offers().stream()
                .filter(o -> o.slot().start().isAfter(twoDaysAhead) && rooms.contains(o.slot().roomId()))
                .findFirst().orElseThrow().slot().id();
        Appointment appointment = desk.book(cancelling, slotId);
        desk.cancel(appointment.id(), "Patient moved away");

        assertThat(candidatesOf(slotId)).doesNotContain(awaiting);
        approve(awaiting, "IFR-99", null);
        assertThat(candidatesOf(slotId)).contains(awaiting);
    }

    private List<UUID> candidatesOf(UUID slotId) {
        return freedSlots.freedSlots(50).stream().filter(f -> f.slot().id().equals(slotId)).findFirst().orElseThrow()
                .candidates().stream().map(FreedSlot.Candidate::referralId).toList();
    }
}
