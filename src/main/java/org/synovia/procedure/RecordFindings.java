package org.synovia.procedure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.synovia.booking.Appointment;
import org.synovia.referral.Intent;
import org.synovia.referral.Referral;
import org.synovia.vetting.AcceptedProtocols;

/**
 * What the record page shows beside the record and the report prints under it, derived each time from what the day
 * stored: the day's safety, the record against the protocol and against the time-out, and a diagnostic block read
 * with the previous one. One place, so that page and report cannot say different things.
 */
@Component
class RecordFindings {

    private final ProcedureDay day;
    private final VisitRepository visits;
    private final DaySafetyRepository dayRecords;
    private final DaySafetyChecks daySafety;
    private final AcceptedProtocols protocols;
    private final ProcedureProperties properties;
    private final Clock clock;

    RecordFindings(ProcedureDay day, VisitRepository visits, DaySafetyRepository dayRecords, DaySafetyChecks daySafety,
            AcceptedProtocols protocols, ProcedureProperties properties, Clock clock) {
        this.day = day;
        this.visits = visits;
        this.dayRecords = dayRecords;
        this.daySafety = daySafety;
        this.protocols = protocols;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the day stored (observations, checks, decisions, urgent pathway), without asking the engine again. */
    DaySafety storedDaySafety(Appointment appointment, Referral referral) {
        return storedDaySafety(appointment, referral, dayRecords.urgentPathway(appointment.id()));
    }

    /** As above, with the urgent pathway a page has read already. */
    DaySafety storedDaySafety(Appointment appointment, Referral referral, Optional<UrgentPathway> urgent) {
        return new DaySafety(DaySafetyChecks.required(referral),
                dayRecords.latestObservations(appointment.id()).map(Map.Entry::getValue), List.of(), "",
                dayRecords.checks(appointment.id()), urgent, dayRecords.surgeonNotice(appointment.referralId()), List.of());
    }

    /** What the record does against the accepted protocol it was pre-filled from (ADR 0084); empty when they agree. */
    List<String> againstProtocol(Appointment appointment, Referral referral, ProcedureRecord record) {
        return protocols.forReferral(referral.id()).map(a -> AgainstProtocol.lines(a.protocol().guidance(),
                a.protocol().approach(), daySafety.protocolDrugs(appointment, referral, day.zone()), record))
                .orElse(List.of());
    }

    /** As above, from what a page has read already. */
    List<String> againstProtocol(VisitFacts facts, ProcedureRecord record) {
        return facts.accepted().map(a -> AgainstProtocol.lines(a.protocol().guidance(), a.protocol().approach(),
                daySafety.protocolDrugs(facts), record)).orElse(List.of());
    }

    /** What the record gives against what the confirmed time-out checked (HAZ-89); empty when they agree. */
    List<String> againstTimeOut(UUID appointmentId, ProcedureRecord record) {
        return againstTimeOut(confirmedTimeOutDrugs(appointmentId), record);
    }

    /** As above, against the drugs of the confirmed time-out a page has read already. */
    static List<String> againstTimeOut(List<DrugToGive> checked, ProcedureRecord record) {
        return checked.isEmpty() ? List.of() : GivenAgainstTimeOut.lines(checked, record.drugs());
    }

    /**
     * The drugs the confirmed time-out checked; empty before the time-out is confirmed, and for a time-out confirmed
     * before the drugs were kept as values.
     */
    List<DrugToGive> confirmedTimeOutDrugs(UUID appointmentId) {
        return confirmedTimeOutDrugs(appointmentId, () -> dayRecords.checks(appointmentId));
    }

    /** As above, from the day's safety checks a page has read already. */
    List<DrugToGive> confirmedTimeOutDrugs(UUID appointmentId, java.util.function.Supplier<List<DaySafetyCheck>> checks) {
        if (!day.confirmed(appointmentId, ChecklistStep.TIME_OUT)) {
            return List.of();
        }
        return DaySafetyCheck.latest(checks.get(), ChecklistStep.TIME_OUT).map(DaySafetyCheck::drugsChecked).orElse(List.of());
    }

    /**
     * This diagnostic block read with the patient's previous signed diagnostic block of the same target (ADR 0038),
     * derived each time from the two records and their pain scores; empty when this is not a diagnostic block or
     * there is no earlier one. A fixed number of statements, however many blocks the patient has had.
     */
    List<String> comparativeBlocks(Appointment appointment, Referral referral, ProcedureRecord record) {
        var details = referral.details();
        if (details.intent() == Intent.THERAPEUTIC || details.siteCode() == null || details.laterality() == null) {
            return List.of();
        }
        var target = new ComparativeBlocks.Target(details.siteCode(), details.laterality().name(), details.spinalLevel());
        var before = record.signed() ? record.signedAt() : clock.instant();
        return visits.previousDiagnosticBlock(appointment.patientId(), appointment.id(), details.siteCode(),
                details.laterality().name(), details.spinalLevel(), before).flatMap(earlierId -> visits.record(earlierId)
                        .map(earlier -> {
                            var earlierBlock = ComparativeBlocks.Block.of(
                                    "Earlier block (signed " + LocalDate.ofInstant(earlier.signedAt(), day.zone()) + ")",
                                    target, painResponse(earlierId, earlier), earlier.drugs());
                            var thisBlock = ComparativeBlocks.Block.of("This block (" + day.day(appointment) + ")", target,
                                    painResponse(appointment.id(), record), record.drugs());
                            return ComparativeBlocks.read(earlierBlock, thisBlock, properties.thresholds()).lines();
                        }))
                .orElse(List.of());
    }

    /** The record's score before with the timed scores after, read against the configured thresholds. */
    PainResponse painResponse(UUID appointmentId, ProcedureRecord record) {
        return record.painResponse(visits.painScores(appointmentId), properties.thresholds());
    }
}
