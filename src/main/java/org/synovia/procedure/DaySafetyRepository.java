package org.synovia.procedure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.synovia.safety.Severity;
import org.synovia.shared.YesNoUnknown;

/** The day's observations, the engine's checks at sign-in and time-out, decisions, urgent pathways and surgeon notices. */
@Repository
class DaySafetyRepository {

    private final JdbcClient jdbc;

    DaySafetyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addObservations(UUID id, UUID appointmentId, UUID patientId, SignInObservations o, Instant recordedAt) {
        jdbc.sql("""
                insert into procedure_observation (id, appointment_id, patient_id, measured_at, temperature_celsius,
                    glucose_mmol_per_l, systolic_mmhg, diastolic_mmhg, inr, inr_measured_at, target_hot, target_swollen,
                    target_red, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, appointmentId, patientId, Timestamp.from(o.measuredAt()), o.temperatureCelsius(),
                        o.capillaryGlucoseMmolPerL(), o.systolicMmHg(), o.diastolicMmHg(), o.inr(),
                        o.inrMeasuredAt() == null ? null : Timestamp.from(o.inrMeasuredAt()), o.targetHot().name(),
                        o.targetSwollen().name(), o.targetRed().name(), Timestamp.from(recordedAt), o.recordedBy())
                .update();
    }

    /** The latest observations of the visit, with their row id. */
    Optional<Map.Entry<UUID, SignInObservations>> latestObservations(UUID appointmentId) {
        return jdbc.sql("select * from procedure_observation where appointment_id = ? order by recorded_at desc, measured_at desc limit 1")
                .param(appointmentId).query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), observations(rs)))
                .optional();
    }

    private static SignInObservations observations(ResultSet rs) throws SQLException {
        return new SignInObservations(rs.getTimestamp("measured_at").toInstant(), decimal(rs, "temperature_celsius"),
                decimal(rs, "glucose_mmol_per_l"), rs.getObject("systolic_mmhg", Integer.class),
                rs.getObject("diastolic_mmhg", Integer.class), decimal(rs, "inr"),
                rs.getTimestamp("inr_measured_at") == null ? null : rs.getTimestamp("inr_measured_at").toInstant(),
                YesNoUnknown.valueOf(rs.getString("target_hot")), YesNoUnknown.valueOf(rs.getString("target_swollen")),
                YesNoUnknown.valueOf(rs.getString("target_red")), rs.getString("recorded_by"));
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        var value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    /** Stores one run of the engine at a step with its findings and the drugs it checked; returns its run number. */
    int saveCheck(UUID appointmentId, ChecklistStep step, UUID observationId, DaySafetyCheck check) {
        int run = jdbc.sql("select coalesce(max(run), 0) + 1 from day_safety_check where appointment_id = ? and step = ?")
                .params(appointmentId, step.name()).query(Integer.class).single();
        jdbc.sql("""
                insert into day_safety_check (appointment_id, step, run, observation_id, highest, drugs, checked_at, checked_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(appointmentId, step.name(), run, observationId, check.highest().name(), check.drugs(),
                        Timestamp.from(check.checkedAt()), check.checkedBy())
                .update();
        for (int i = 0; i < check.findings().size(); i++) {
            DaySafetyCheck.Finding f = check.findings().get(i);
            jdbc.sql("""
                    insert into day_safety_finding (appointment_id, step, run, position, rule_id, rule_name, severity, message,
                        sources, justification_required, needs_decision)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(appointmentId, step.name(), run, i, f.ruleId(), f.ruleName(), f.severity().name(), f.message(),
                            String.join("\n", f.sources()), f.justificationRequired(), f.needsDecision())
                    .update();
        }
        for (int i = 0; i < check.drugsChecked().size(); i++) {
            DrugToGive d = check.drugsChecked().get(i);
            jdbc.sql("""
                    insert into day_safety_drug (appointment_id, step, run, position, agent, dose_mg, strength_percent, volume_ml)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(appointmentId, step.name(), run, i, d.agent().name(), d.doseMg(), d.strengthPercent(), d.volumeMl())
                    .update();
        }
        return run;
    }

    /** The observations row a run read, to tell whether the time-out must run again. */
    Optional<UUID> observationOf(UUID appointmentId, ChecklistStep step, int run) {
        return jdbc.sql("select observation_id from day_safety_check where appointment_id = ? and step = ? and run = ?")
                .params(appointmentId, step.name(), run).query((rs, n) -> rs.getObject("observation_id", UUID.class))
                .optional();
    }

    /** Every run at both steps with its findings, decisions and drugs, oldest first, in four statements. */
    List<DaySafetyCheck> checks(UUID appointmentId) {
        Map<String, List<DaySafetyCheck.Finding>> findings = jdbc.sql(
                        "select * from day_safety_finding where appointment_id = ? order by step, run, position")
                .param(appointmentId)
                .query((rs, n) -> Map.entry(runKey(rs), new DaySafetyCheck.Finding(rs.getString("rule_id"),
                        rs.getString("rule_name"), Severity.valueOf(rs.getString("severity")), rs.getString("message"),
                        List.of(rs.getString("sources").split("\n")), rs.getBoolean("justification_required"),
                        rs.getBoolean("needs_decision"))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, List<DaySafetyCheck.Decision>> decisions = jdbc.sql(
                        "select * from day_safety_decision where appointment_id = ? order by decided_at")
                .param(appointmentId)
                .query((rs, n) -> Map.entry(runKey(rs), new DaySafetyCheck.Decision(rs.getString("rule_id"),
                        DaySafetyCheck.Decision.Kind.valueOf(rs.getString("decision")), rs.getString("reason"),
                        rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by"))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, List<DrugToGive>> drugs = jdbc.sql(
                        "select * from day_safety_drug where appointment_id = ? order by step, run, position")
                .param(appointmentId)
                .query((rs, n) -> Map.entry(runKey(rs), new DrugToGive(
                        org.synovia.safety.InjectedAgent.valueOf(rs.getString("agent")), rs.getBigDecimal("dose_mg"),
                        rs.getBigDecimal("strength_percent"), rs.getBigDecimal("volume_ml"))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from day_safety_check where appointment_id = ? order by checked_at, step, run")
                .param(appointmentId)
                .query((rs, n) -> new DaySafetyCheck(ChecklistStep.valueOf(rs.getString("step")), rs.getInt("run"),
                        Severity.valueOf(rs.getString("highest")), rs.getString("drugs"),
                        drugs.getOrDefault(runKey(rs), List.of()), findings.getOrDefault(runKey(rs), List.of()),
                        decisions.getOrDefault(runKey(rs), List.of()), rs.getTimestamp("checked_at").toInstant(),
                        rs.getString("checked_by")))
                .list();
    }

    private static String runKey(ResultSet rs) throws SQLException {
        return rs.getString("step") + "#" + rs.getInt("run");
    }

    /** False when this finding of this run was already decided. */
    boolean decide(UUID appointmentId, ChecklistStep step, int run, DaySafetyCheck.Decision decision) {
        return jdbc.sql("""
                insert into day_safety_decision (appointment_id, step, run, rule_id, decision, reason, decided_at, decided_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(appointmentId, step.name(), run, decision.ruleId(), decision.kind().name(), decision.reason(),
                        Timestamp.from(decision.decidedAt()), decision.decidedBy())
                .update() == 1;
    }

    /** False when the pathway was already started for this visit. */
    boolean startUrgentPathway(UUID appointmentId, UUID patientId, UrgentPathway pathway) {
        return jdbc.sql("""
                insert into urgent_pathway (appointment_id, patient_id, reason, started_at, started_by, on_call_email,
                    referrer_email)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (appointment_id) do nothing""")
                .params(appointmentId, patientId, pathway.reason(), Timestamp.from(pathway.startedAt()),
                        pathway.startedBy(), pathway.onCallEmail(), pathway.referrerEmail())
                .update() == 1;
    }

    /** False when what was done instead is already recorded (it is never changed). */
    boolean recordDoneInstead(UUID appointmentId, String text, Instant at, String by) {
        return jdbc.sql("""
                update urgent_pathway set done_instead = ?, done_instead_at = ?, done_instead_by = ?
                where appointment_id = ? and done_instead is null""")
                .params(text, Timestamp.from(at), by, appointmentId).update() == 1;
    }

    Optional<UrgentPathway> urgentPathway(UUID appointmentId) {
        return urgentPathways(List.of(appointmentId)).values().stream().findFirst();
    }

    /** The urgent pathways of many visits in one statement (the day list). */
    Map<UUID, UrgentPathway> urgentPathways(Collection<UUID> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from urgent_pathway where appointment_id = any(?)")
                .param(appointmentIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("appointment_id", UUID.class), new UrgentPathway(
                        rs.getString("reason"), rs.getTimestamp("started_at").toInstant(), rs.getString("started_by"),
                        rs.getString("on_call_email"), rs.getString("referrer_email"), rs.getString("done_instead"),
                        rs.getTimestamp("done_instead_at") == null ? null : rs.getTimestamp("done_instead_at").toInstant(),
                        rs.getString("done_instead_by"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** False when the surgeon of this referral was already told (or found to have no email). */
    boolean addSurgeonNotice(UUID referralId, UUID appointmentId, SurgeonNotice notice) {
        return jdbc.sql("""
                insert into surgeon_notice (referral_id, appointment_id, stage, surgeon_name, surgeon_email, finding,
                    noticed_at, noticed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (referral_id) do nothing""")
                .params(referralId, appointmentId, notice.stage(), notice.surgeonName(), notice.surgeonEmail(),
                        notice.finding(), Timestamp.from(notice.noticedAt()), notice.noticedBy())
                .update() == 1;
    }

    Optional<SurgeonNotice> surgeonNotice(UUID referralId) {
        return jdbc.sql("select * from surgeon_notice where referral_id = ?").param(referralId)
                .query((rs, n) -> new SurgeonNotice(rs.getString("stage"), rs.getString("surgeon_name"),
                        rs.getString("surgeon_email"), rs.getString("finding"), rs.getTimestamp("noticed_at").toInstant(),
                        rs.getString("noticed_by")))
                .optional();
    }
}
