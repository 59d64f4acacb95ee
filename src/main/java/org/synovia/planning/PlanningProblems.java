package org.synovia.planning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Bookings;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Operator;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.shared.Guidance;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.AcceptedProtocols.AcceptedProtocol;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;
import org.synovia.waitinglist.WaitingListFilter;

/**
 * Reads a {@link PlanningProblem} from the other modules in a fixed number of statements however many patients
 * wait and slots are open: the waiting list, their referrals and acceptances, the operators, the offered slots of
 * the chosen rooms and which of them are taken, and who injected each patient last. Each patient is checked the
 * way {@code Bookings.search} checks one: the acceptance gives length, grade and named operator (the waiting-list
 * entry's grade first), the entry gives the window and the days away. The entry's earliest date is the safety
 * engine's own answer at vetting (holds with notice, repeat intervals); the engine is asked again at every start
 * when a person accepts (HAZ-99).
 */
@Component
class PlanningProblems {

    private final WaitingList waitingList;
    private final Referrals referrals;
    private final AcceptedProtocols protocols;
    private final Sessions sessions;
    private final Bookings bookings;
    private final AuditTrail audit;

    PlanningProblems(WaitingList waitingList, Referrals referrals, AcceptedProtocols protocols, Sessions sessions,
            Bookings bookings, AuditTrail audit) {
        this.audit = audit;
        this.waitingList = waitingList;
        this.referrals = referrals;
        this.protocols = protocols;
        this.sessions = sessions;
        this.bookings = bookings;
    }

    /** The free slots of these rooms from {@code first} to {@code last} (inclusive), and everyone waiting. */
    @Transactional
    public PlanningProblem build(LocalDate first, LocalDate last, Collection<UUID> roomIds) {
        ZoneId zone = sessions.zone();
        List<Operator> operators = sessions.operators();
        List<WaitingListEntry> entries = waitingList.waitingAuditedByCaller(WaitingListFilter.ALL);
        List<WaitingPatient> waiting = waiting(operators, entries);
        // The proposal shows every patient read here: one line each for the run, not one per façade read.
        audit.recordPerPatient(AuditAction.LIST, WaitingList.RECORD_TYPE, entries, WaitingListEntry::referralId,
                WaitingListEntry::patientId, "waiting list read to plan sessions " + first + " to " + last);
        return new PlanningProblem(sessions.today(), zone, openSlots(first, last, roomIds, operators, zone), waiting);
    }

    /**
     * As {@link #build}, for the slots cancellations freed (each with the slot after it, for a one-stop visit) and
     * everyone waiting but the patient who gave one up ({@code excludedReferralId}, or null).
     */
    @Transactional
    public PlanningProblem forSlots(Collection<UUID> slotIds, UUID excludedReferralId) {
        ZoneId zone = sessions.zone();
        List<Operator> operators = sessions.operators();
        Collection<Slot> freed = sessions.slots(slotIds).values();
        List<OpenSlot> open = List.of();
        if (!freed.isEmpty()) {
            LocalDate first = freed.stream().map(s -> LocalDate.ofInstant(s.start(), zone)).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = freed.stream().map(s -> LocalDate.ofInstant(s.start(), zone)).max(LocalDate::compareTo).orElseThrow();
            List<OpenSlot> around = openSlots(first, last, freed.stream().map(Slot::roomId).collect(Collectors.toSet()),
                    operators, zone);
            Set<UUID> wanted = new java.util.HashSet<>(slotIds);
            around.stream().filter(s -> slotIds.contains(s.slotId()) && s.followingSlotId() != null)
                    .forEach(s -> wanted.add(s.followingSlotId()));
            open = around.stream().filter(s -> wanted.contains(s.slotId())).toList();
        }
        // Only those who might take one of the slots, picked in SQL, and not audited here: the freed-slot list audits
        // the patients it shows, an offer the patient offered (ADR 0123).
        Set<Guidance> guidance = new java.util.HashSet<>();
        freed.forEach(s -> guidance.addAll(s.roomGuidance()));
        List<WaitingListEntry> entries = open.isEmpty() ? List.of() : waitingList.candidatesAuditedByCaller(guidance,
                open.stream().map(s -> s.start().toLocalDate()).min(LocalDate::compareTo).orElseThrow(),
                open.stream().map(s -> s.start().toLocalDate()).max(LocalDate::compareTo).orElseThrow(), excludedReferralId);
        return new PlanningProblem(sessions.today(), zone, open, waiting(operators, entries));
    }

    private List<OpenSlot> openSlots(LocalDate first, LocalDate last, Collection<UUID> roomIds, List<Operator> operators,
            ZoneId zone) {
        List<Slot> offered = sessions.offeredSlots(first, last, roomIds);
        Set<UUID> taken = bookings.takenSlots(offered.stream().map(Slot::id).toList());
        List<Slot> free = offered.stream().filter(s -> !taken.contains(s.id())).toList();
        Map<UUID, Operator> operatorsById = operators.stream().collect(Collectors.toMap(Operator::id, Function.identity()));
        // A one-stop visit takes the slot and the one straight after it in the same weekly session.
        Map<String, Slot> byTemplateAndStart = new HashMap<>();
        free.forEach(s -> byTemplateAndStart.put(s.templateId() + "@" + s.start(), s));
        List<OpenSlot> open = new ArrayList<>();
        for (Slot slot : free) {
            Operator operator = operatorsById.get(slot.operatorId());
            Slot following = slot.oneStop() ? byTemplateAndStart.get(slot.templateId() + "@" + slot.end()) : null;
            open.add(new OpenSlot(slot.id(), slot.templateId(), slot.roomId(), slot.roomName(), slot.roomGuidance(),
                    slot.operatorId(), slot.operatorName(), slot.operatorGrade(),
                    operator == null ? Set.of() : operator.guidance(), operator == null ? Set.of() : operator.siteCodes(),
                    LocalDateTime.ofInstant(slot.start(), zone), (int) slot.minutes(), slot.oneStop(),
                    following == null ? null : following.id()));
        }
        return open;
    }

    private List<WaitingPatient> waiting(List<Operator> operators, List<WaitingListEntry> entries) {
        List<ReferralId> ids = entries.stream().map(e -> new ReferralId(e.referralId())).toList();
        Map<ReferralId, Referral> referralsById = referrals.showAllAuditedByCaller(ids);
        Map<ReferralId, AcceptedProtocol> accepted = protocols.forReferrals(ids);
        Map<UUID, UUID> lastOperators = bookings.lastOperators(entries.stream().map(WaitingListEntry::patientId)
                .collect(Collectors.toSet()));
        Map<String, UUID> operatorByUsername = new HashMap<>();
        operators.forEach(o -> operatorByUsername.put(o.username().toLowerCase(), o.id()));
        LocalDate today = sessions.today();
        List<WaitingPatient> patients = new ArrayList<>();
        for (WaitingListEntry entry : entries) {
            ReferralId id = new ReferralId(entry.referralId());
            Referral referral = referralsById.get(id);
            AcceptedProtocol acceptance = accepted.get(id);
            // Awaiting or refused funding: not placed, as booking would refuse it (ADR 0072).
            if (referral == null || acceptance == null || !entry.funding().allowsTreatment()) {
                continue;
            }
            ReferralDetails details = referral.details();
            Set<String> sites = new LinkedHashSet<>();
            sites.add(details.siteCode());
            details.additionalTargets().forEach(t -> sites.add(t.siteCode()));
            String grade = entry.operatorGrade() != null ? entry.operatorGrade() : acceptance.protocol().operatorGrade();
            String named = acceptance.protocol().namedOperator();
            UUID namedOperatorId = named == null || named.isBlank() ? null
                    : operatorByUsername.getOrDefault(named.strip().toLowerCase(), NO_SUCH_OPERATOR);
            Integer minutes = acceptance.protocol().slotMinutes();
            LocalDate earliest = entry.earliestDate() != null && entry.earliestDate().isAfter(today) ? entry.earliestDate()
                    : today;
            patients.add(new WaitingPatient(entry.referralId(), entry.patientId(), entry.patientName(), siteName(entry),
                    entry.guidance(), sites, grade, namedOperatorId, minutes == null ? 0 : minutes, entry.priority(),
                    entry.clockStart(), entry.breachDate(), earliest, latest(entry), entry.unavailableFrom(),
                    entry.unavailableTo(), entry.oneStopEligible(), lastOperators.get(entry.patientId())));
        }
        return patients;
    }

    /** The entry's latest date, or the last day its funding approval covers when that comes first. */
    private static LocalDate latest(WaitingListEntry entry) {
        LocalDate covered = entry.funding().coveredUntil();
        return covered != null && (entry.latestDate() == null || covered.isBefore(entry.latestDate())) ? covered
                : entry.latestDate();
    }

    /** A named operator who is no longer on the rota: no slot has them, so the patient stays unplaced, as in a search. */
    static final UUID NO_SUCH_OPERATOR = new UUID(0, 0);

    private static String siteName(WaitingListEntry entry) {
        return entry.laterality() == null || entry.laterality().isBlank() ? entry.siteName()
                : entry.siteName() + " (" + entry.laterality().toLowerCase() + ")";
    }
}
