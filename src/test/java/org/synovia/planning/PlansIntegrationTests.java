package org.synovia.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.BookingInvitations;
import org.synovia.booking.Bookings;
import org.synovia.fhir.ApiClients;
import org.synovia.fhir.FhirFixtures;
import org.synovia.patient.Patients;
import org.synovia.planning.Plans.AcceptOutcome;
import org.synovia.planning.Plans.ProposedBooking;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Secrets;
import org.synovia.testing.ReceivedLetters;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;
import org.synovia.waitinglist.WaitingListFilter;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A plan of real weeks made from waiting patients vetted the usual way: accepted in part, it books through the
 * booking façade and the letters go; a slot a clerk booked meanwhile is reported for that one patient while the
 * others stay booked; the proposal reaches an integrating system as proposed FHIR Appointments.
 */
@SynoviaIntegrationTest
class PlansIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    @Autowired Plans plans;
    @Autowired Bookings bookings;
    @Autowired BookingInvitations invitations;
    @Autowired BookingDesk desk;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired ApiClients clients;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    BookingFixtures.Staff staff;

    @BeforeEach
    void setUp() {
        staff = BookingFixtures.Staff.of(accounts);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private UUID waitingKnee() {
        return staff.waitingKnee(patients, referrals, vetting);
    }

    private PlannedRoomFixtures.PlannedRooms twoUltrasoundRooms() {
        AccountFixtures.signIn(staff.clerk());
        return PlannedRoomFixtures.twoUltrasoundRooms(sessions, accounts);
    }

    private Plans.Proposal finishedPlan(LocalDate firstWeek, int weeks, List<UUID> rooms) {
        UUID runId = plans.start(firstWeek, weeks, rooms);
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(90)).until(() -> plans.status(runId).finished());
        assertThat(plans.status(runId).failure()).isNull();
        return plans.proposal(runId);
    }

    /** The planned weeks, checked to start after every one of these patients may be booked. */
    private LocalDate plannedWeek(PlannedRoomFixtures.PlannedRooms rooms, List<UUID> referralIds) {
        assertThat(referralIds).allSatisfy(id -> assertThat(waitingList.entry(id).orElseThrow().earliestDate())
                .isBefore(rooms.firstWeek()));
        return rooms.firstWeek();
    }

    @Test
    void booksTheAcceptedPlacementsSendsLettersAndReportsTheSlotAClerkTookMeanwhile() throws Exception {
        PlannedRoomFixtures.PlannedRooms rooms = twoUltrasoundRooms();
        List<UUID> mine = List.of(waitingKnee(), waitingKnee(), waitingKnee(), waitingKnee());
        LocalDate firstWeek = plannedWeek(rooms, mine);

        Plans.Proposal proposal = finishedPlan(firstWeek, 2, rooms.roomIds());
        Map<UUID, ProposedBooking> placed = proposal.placements().stream()
                .collect(Collectors.toMap(ProposedBooking::referralId, Function.identity()));
        assertThat(placed).containsKeys(mine.toArray(UUID[]::new));
        assertThat(placed.values()).allSatisfy(p -> {
            assertThat(p.start().toLocalDate()).isBetween(firstWeek, firstWeek.plusWeeks(2).minusDays(1));
            assertThat(p.reason()).isNotBlank();
        });
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'PlanProposal' and patient_id = ?")
                .param(waitingList.entry(mine.get(1)).orElseThrow().patientId()).query(Long.class).single())
                .as("the proposal view is audited for each patient in it").isPositive();

        // Before anyone accepts, a clerk books a patient who came later into the first patient's proposed slot.
        UUID later = waitingKnee();
        desk.book(later, placed.get(mine.get(0)).slotId());
        List<AcceptOutcome> outcomes = plans.accept(proposal.runId(), List.of(mine.get(0), mine.get(1), mine.get(2)));

        Map<UUID, AcceptOutcome> byReferral = outcomes.stream()
                .collect(Collectors.toMap(AcceptOutcome::referralId, Function.identity()));
        assertThat(byReferral.get(mine.get(0)).done()).isFalse();
        assertThat(byReferral.get(mine.get(0)).problem()).contains("just taken by another booking");
        assertThat(byReferral.get(mine.get(1)).appointmentId()).isNotNull();
        assertThat(byReferral.get(mine.get(2)).appointmentId()).isNotNull();
        assertThat(referrals.show(new ReferralId(mine.get(0))).status()).isEqualTo(ReferralStatus.WAITING);
        assertThat(referrals.show(new ReferralId(mine.get(1))).status()).isEqualTo(ReferralStatus.BOOKED);
        assertThat(referrals.show(new ReferralId(mine.get(3))).status()).as("not chosen, not booked")
                .isEqualTo(ReferralStatus.WAITING);
        assertThat(waitingList.waiting(WaitingListFilter.ALL)).extracting(WaitingListEntry::referralId)
                .contains(mine.get(0), mine.get(3)).doesNotContain(mine.get(1), mine.get(2));
        assertThat(bookings.appointment(byReferral.get(mine.get(1)).appointmentId()).slotId())
                .isEqualTo(placed.get(mine.get(1)).slotId());
        for (UUID referral : List.of(mine.get(1), mine.get(2))) {
            UUID appointmentId = byReferral.get(referral).appointmentId();
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> ReceivedLetters.appointmentLetter(smtp, appointmentId).isPresent());
        }

        // Accepting again books nobody twice; the proposal shows what came of each.
        assertThat(plans.accept(proposal.runId(), List.of(mine.get(1)))).isEmpty();
        Plans.Proposal after = plans.proposal(proposal.runId());
        assertThat(after.placements()).filteredOn(p -> p.referralId().equals(mine.get(0)))
                .singleElement().satisfies(p -> assertThat(p.outcome().problem()).contains("just taken"));
    }

    @Test
    void sendsABookingLinkLimitedToTheProposedSlotAndAlternatives() {
        PlannedRoomFixtures.PlannedRooms rooms = twoUltrasoundRooms();
        UUID referral = waitingKnee();
        Plans.Proposal proposal = finishedPlan(plannedWeek(rooms, List.of(referral)), 1, rooms.roomIds());
        ProposedBooking placement = proposal.placements().stream().filter(p -> p.referralId().equals(referral))
                .findFirst().orElseThrow();

        AcceptOutcome sent = plans.sendLinks(proposal.runId(), List.of(referral)).getFirst();

        assertThat(sent.invitationId()).isNotNull();
        UUID[] offered = jdbc.sql("select offered_slot_ids from booking_invitation where id = ?").param(sent.invitationId())
                .query((rs, n) -> (UUID[]) rs.getArray(1).getArray()).single();
        assertThat(offered).hasSizeBetween(1, 1 + Plans.ALTERNATIVES).startsWith(placement.slotId());
        assertThat(referrals.show(new ReferralId(referral)).status()).as("nothing booked by a link")
                .isEqualTo(ReferralStatus.WAITING);

        // The patient's link offers those slots only, and books none other.
        String token = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> linkTokenHashing(sent.invitationId()),
                java.util.Optional::isPresent).orElseThrow();
        var offers = invitations.invitationOffers(token, 12).orElseThrow().offers();
        assertThat(offers).isNotEmpty();
        assertThat(offers).extracting(o -> o.slot().id()).isSubsetOf(List.of(offered)).contains(placement.slotId());
        UUID other = proposal.placements().stream().map(ProposedBooking::slotId)
                .filter(id -> !List.of(offered).contains(id)).findFirst()
                .orElseGet(() -> jdbc.sql("select id from slot where room_id = ? and id <> all(?) limit 1")
                        .params(rooms.roomIds().getFirst(), offered).query(UUID.class).single());
        assertThatThrownBy(() -> invitations.bookByInvitation(token, other)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("offers only the appointments it shows");
    }

    /** The token of the booking link emailed for this invitation, once the email has arrived. */
    private java.util.Optional<String> linkTokenHashing(UUID invitationId) {
        String hash = jdbc.sql("select token_hash from booking_invitation where id = ?").param(invitationId)
                .query(String.class).optional().orElse(null);
        if (hash == null) {
            return java.util.Optional.empty();
        }
        return java.util.Arrays.stream(smtp.getReceivedMessages())
                .map(m -> com.icegreen.greenmail.util.GreenMailUtil.getBody(m).replaceAll("=\\r?\\n", ""))
                .flatMap(body -> java.util.regex.Pattern.compile("/choose-appointment/([A-Za-z0-9_-]+)").matcher(body)
                        .results().map(r -> r.group(1)))
                .filter(token -> Secrets.sha256Hex(token).equals(hash)).findFirst();
    }

    @Test
    void givesAnIntegratingSystemTheProposalAsProposedAppointments() {
        PlannedRoomFixtures.PlannedRooms rooms = twoUltrasoundRooms();
        UUID referral = waitingKnee();
        Plans.Proposal proposal = finishedPlan(plannedWeek(rooms, List.of(referral)), 1, rooms.roomIds());
        var reader = FhirFixtures.client(accounts, clients, "system/Appointment.rs");
        var withoutScope = FhirFixtures.client(accounts, clients, "system/Patient.rs");

        Bundle bundle = FhirFixtures.http(port, reader).search().byUrl("Appointment?plan=" + proposal.runId())
                .returnBundle(Bundle.class).execute();

        assertThat(bundle.getEntry()).hasSize(proposal.placements().size());
        assertThat(bundle.getEntry()).extracting(e -> ((Appointment) e.getResource()).getStatus())
                .containsOnly(Appointment.AppointmentStatus.PROPOSED);
        assertThat(bundle.getEntry()).extracting(e -> ((Appointment) e.getResource()).getBasedOnFirstRep().getReference())
                .contains("ServiceRequest/" + referral);
        assertThat(referrals.show(new ReferralId(referral)).status()).isEqualTo(ReferralStatus.WAITING);
        assertThatThrownBy(() -> FhirFixtures.http(port, withoutScope).search().byUrl("Appointment?plan=" + proposal.runId())
                .returnBundle(Bundle.class).execute()).hasMessageContaining("403");
        assertThatThrownBy(() -> FhirFixtures.http(port, reader).search().byUrl("Appointment?plan=nonsense")
                .returnBundle(Bundle.class).execute()).hasMessageContaining("400");
    }

    @Test
    void refusesASecondRunWhileOneIsGoingAndStopsOnRequestWithTheBestPlanSoFar() {
        PlannedRoomFixtures.PlannedRooms rooms = twoUltrasoundRooms();
        UUID referral = waitingKnee();
        LocalDate week = plannedWeek(rooms, List.of(referral));
        UUID runId = plans.start(week, 1, rooms.roomIds());

        assertThatThrownBy(() -> plans.start(week, 1, rooms.roomIds())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("being made already");
        plans.stop(runId);
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> plans.status(runId).finished());

        Plans.RunStatus status = plans.status(runId);
        assertThat(status.stopRequested()).isTrue();
        assertThat(status.failure()).isNull();
        assertThat(status.elapsed()).isLessThan(Duration.ofSeconds(30));
        assertThat(plans.proposal(runId).runId()).isEqualTo(runId);
    }

    @Test
    void refusesBadChoicesInWords() {
        PlannedRoomFixtures.PlannedRooms rooms = twoUltrasoundRooms();
        assertThatThrownBy(() -> plans.start(sessions.today(), 0, rooms.roomIds())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("weeks");
        assertThatThrownBy(() -> plans.start(sessions.today(), 1, List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("room");
        assertThatThrownBy(() -> plans.status(UUID.randomUUID())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no longer kept");
    }
}
