package org.synovia.procedure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VisitRepository {

    private final JdbcClient jdbc;

    VisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the patient was already checked in (the primary key refuses a second row). */
    boolean arrive(UUID appointmentId, UUID referralId, UUID patientId, Instant at, String by, String identifiedBy) {
        return jdbc.sql("""
                insert into procedure_visit (appointment_id, referral_id, patient_id, status, arrived_at, arrived_by, identified_by)
                values (?, ?, ?, 'ARRIVED', ?, ?, ?) on conflict (appointment_id) do nothing""")
                .params(appointmentId, referralId, patientId, Timestamp.from(at), by, identifiedBy).update() == 1;
    }

    boolean intoRoom(UUID appointmentId, Instant at, String by) {
        return jdbc.sql("update procedure_visit set status = 'IN_ROOM', in_room_at = ?, in_room_by = ? "
                + "where appointment_id = ? and status = 'ARRIVED'")
                .params(Timestamp.from(at), by, appointmentId).update() == 1;
    }

    Map<UUID, VisitStatus> statuses(Collection<UUID> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select appointment_id, status from procedure_visit where appointment_id = any(?)")
                .param(appointmentIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), VisitStatus.valueOf(rs.getString(2))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Locks the visit row so that two confirmations of one checklist queue; empty when not checked in. */
    Optional<VisitStatus> lock(UUID appointmentId) {
        return jdbc.sql("select status from procedure_visit where appointment_id = ? for update").param(appointmentId)
                .query((rs, n) -> VisitStatus.valueOf(rs.getString(1))).optional();
    }

    /** Sign-out ends the visit; a visit stopped by a withdrawal of consent keeps showing that. */
    void done(UUID appointmentId) {
        jdbc.sql("update procedure_visit set status = 'DONE' where appointment_id = ? "
                + "and status not in ('CONSENT_REFUSED', 'CONSENT_WITHDRAWN')").param(appointmentId).update();
    }

    void confirm(UUID appointmentId, ChecklistStep step, String items, Instant at, String by) {
        jdbc.sql("insert into checklist_confirmation (appointment_id, step, items, confirmed_at, confirmed_by) values (?, ?, ?, ?, ?)")
                .params(appointmentId, step.name(), items, Timestamp.from(at), by).update();
    }

    List<Checklist.Confirmation> confirmations(UUID appointmentId) {
        return jdbc.sql("select * from checklist_confirmation where appointment_id = ? order by confirmed_at")
                .param(appointmentId)
                .query((rs, n) -> new Checklist.Confirmation(ChecklistStep.valueOf(rs.getString("step")),
                        List.of(rs.getString("items").split("\n")), rs.getTimestamp("confirmed_at").toInstant(),
                        rs.getString("confirmed_by"))).list();
    }

    void raise(UUID id, UUID appointmentId, ChecklistStep step, String description, Instant at, String by) {
        jdbc.sql("insert into checklist_discrepancy (id, appointment_id, step, description, raised_at, raised_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, appointmentId, step.name(), description, Timestamp.from(at), by).update();
    }

    boolean resolve(UUID id, UUID appointmentId, String resolution, Instant at, String by) {
        return jdbc.sql("update checklist_discrepancy set resolution = ?, resolved_at = ?, resolved_by = ? "
                + "where id = ? and appointment_id = ? and resolved_at is null")
                .params(resolution, Timestamp.from(at), by, id, appointmentId).update() == 1;
    }

    List<Checklist.Discrepancy> discrepancies(UUID appointmentId) {
        return jdbc.sql("select * from checklist_discrepancy where appointment_id = ? order by raised_at").param(appointmentId)
                .query((rs, n) -> new Checklist.Discrepancy(rs.getObject("id", UUID.class),
                        ChecklistStep.valueOf(rs.getString("step")), rs.getString("description"),
                        rs.getTimestamp("raised_at").toInstant(), rs.getString("raised_by"), rs.getString("resolution"),
                        rs.getTimestamp("resolved_at") == null ? null : rs.getTimestamp("resolved_at").toInstant(),
                        rs.getString("resolved_by"))).list();
    }

    /** False when consent was already recorded for this appointment. */
    boolean consent(UUID appointmentId, UUID patientId, ConsentDocument document, Instant at, String by) {
        return jdbc.sql("""
                insert into consent (appointment_id, patient_id, text_version, shown_text, text_sha256, taken_at, taken_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (appointment_id) do nothing""")
                .params(appointmentId, patientId, document.version(), document.text(), document.sha256(), Timestamp.from(at), by)
                .update() == 1;
    }

    Optional<ConsentDocument.Given> consent(UUID appointmentId) {
        return jdbc.sql("select * from consent where appointment_id = ?").param(appointmentId)
                .query((rs, n) -> new ConsentDocument.Given(rs.getString("text_version"), rs.getString("shown_text"),
                        rs.getString("text_sha256"), rs.getTimestamp("taken_at").toInstant(), rs.getString("taken_by")))
                .optional();
    }

    /** Writes the draft, replacing an unsigned one; false (nothing written) when the record is signed. */
    boolean saveDraft(UUID appointmentId, UUID referralId, UUID patientId, ProcedureRecord r) {
        int written = jdbc.sql("""
                insert into procedure_record (appointment_id, referral_id, patient_id, operator, assistant, guidance, approach,
                    needle, aspirate_ml, aspirate_appearance, aspirate_sent_for, contrast_used, needle_tip_confirmed, key_images,
                    study_instance_uid, dap_gy_cm2, screening_seconds, dlp_mgy_cm, ctdivol_mgy, pain_before,
                    complications, aftercare_given, saved_at, saved_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (appointment_id) do update set operator = excluded.operator, assistant = excluded.assistant,
                    guidance = excluded.guidance, approach = excluded.approach, needle = excluded.needle,
                    aspirate_ml = excluded.aspirate_ml, aspirate_appearance = excluded.aspirate_appearance,
                    aspirate_sent_for = excluded.aspirate_sent_for, contrast_used = excluded.contrast_used,
                    needle_tip_confirmed = excluded.needle_tip_confirmed, key_images = excluded.key_images,
                    study_instance_uid = excluded.study_instance_uid, dap_gy_cm2 = excluded.dap_gy_cm2,
                    screening_seconds = excluded.screening_seconds, dlp_mgy_cm = excluded.dlp_mgy_cm,
                    ctdivol_mgy = excluded.ctdivol_mgy, pain_before = excluded.pain_before, complications = excluded.complications,
                    aftercare_given = excluded.aftercare_given, saved_at = excluded.saved_at, saved_by = excluded.saved_by
                where procedure_record.signed_at is null""")
                .params(appointmentId, referralId, patientId, r.operator(), r.assistant(), r.guidance().name(), r.approach(),
                        r.needle(), r.aspirateMl(), r.aspirateAppearance(), r.aspirateSentFor(), r.contrastUsed(),
                        r.needleTipConfirmed(), r.keyImages(), r.studyInstanceUid(), r.dapGyCm2(), r.screeningSeconds(),
                        r.dlpMGyCm(), r.ctdiVolMGy(), r.painBefore(), r.complications(),
                        r.aftercareGiven(), Timestamp.from(r.savedAt()), r.savedBy())
                .update();
        if (written == 0) {
            return false;
        }
        jdbc.sql("delete from procedure_drug where appointment_id = ?").param(appointmentId).update();
        for (int i = 0; i < r.drugs().size(); i++) {
            DrugGiven d = r.drugs().get(i);
            jdbc.sql("""
                    insert into procedure_drug (appointment_id, position, product, dose, volume_ml, batch, expiry, route, site)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(appointmentId, i, d.product(), d.dose(), d.volumeMl(), d.batch(), d.expiry(), d.route(), d.site())
                    .update();
        }
        return true;
    }

    Optional<ProcedureRecord> record(UUID appointmentId) {
        List<DrugGiven> drugs = jdbc.sql("select * from procedure_drug where appointment_id = ? order by position")
                .param(appointmentId)
                .query((rs, n) -> new DrugGiven(rs.getString("product"), rs.getString("dose"), rs.getBigDecimal("volume_ml"),
                        rs.getString("batch"), rs.getObject("expiry", java.time.LocalDate.class), rs.getString("route"),
                        rs.getString("site"))).list();
        return jdbc.sql("select * from procedure_record where appointment_id = ?").param(appointmentId)
                .query((rs, n) -> new ProcedureRecord(rs.getString("operator"), rs.getString("assistant"),
                        org.synovia.shared.Guidance.valueOf(rs.getString("guidance")), rs.getString("approach"),
                        rs.getString("needle"), rs.getBigDecimal("aspirate_ml"), rs.getString("aspirate_appearance"),
                        rs.getString("aspirate_sent_for"), drugs, rs.getBoolean("contrast_used"),
                        rs.getBoolean("needle_tip_confirmed"), rs.getInt("key_images"), rs.getString("study_instance_uid"),
                        rs.getBigDecimal("dap_gy_cm2"), rs.getObject("screening_seconds", Integer.class),
                        rs.getBigDecimal("dlp_mgy_cm"), rs.getBigDecimal("ctdivol_mgy"), rs.getInt("pain_before"), rs.getString("complications"), rs.getBoolean("aftercare_given"),
                        rs.getTimestamp("saved_at").toInstant(), rs.getString("saved_by"),
                        rs.getTimestamp("signed_at") == null ? null : rs.getTimestamp("signed_at").toInstant(),
                        rs.getString("signed_by")))
                .optional();
    }

    /**
     * The patient's latest diagnostic block of the same target signed before {@code before}, in one statement:
     * same site and side, and the same spinal level where both give one (ADR 0038).
     */
    Optional<UUID> previousDiagnosticBlock(UUID patientId, UUID appointmentId, String siteCode, String laterality,
            String spinalLevel, Instant before) {
        return jdbc.sql("""
                select pr.appointment_id from procedure_record pr join referral r on r.id = pr.referral_id
                where pr.patient_id = ? and pr.appointment_id <> ? and pr.signed_at is not null and pr.signed_at < ?
                  and r.intent in ('DIAGNOSTIC', 'BOTH') and r.site_code = ? and r.laterality = ?
                  and (cast(? as text) is null or r.spinal_level is null or r.spinal_level = ?)
                order by pr.signed_at desc limit 1""")
                .params(patientId, appointmentId, Timestamp.from(before), siteCode, laterality, spinalLevel, spinalLevel)
                .query(UUID.class).optional();
    }

    boolean sign(UUID appointmentId, Instant at, String by) {
        return jdbc.sql("update procedure_record set signed_at = ?, signed_by = ? where appointment_id = ? and signed_at is null")
                .params(Timestamp.from(at), by, appointmentId).update() == 1;
    }

    void addAddendum(UUID id, UUID appointmentId, String text, String reason, Instant at, String by) {
        jdbc.sql("insert into procedure_addendum (id, appointment_id, text, reason, added_at, added_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, appointmentId, text, reason, Timestamp.from(at), by).update();
    }

    List<ProcedureRecord.Addendum> addenda(UUID appointmentId) {
        return jdbc.sql("select * from procedure_addendum where appointment_id = ? order by added_at").param(appointmentId)
                .query((rs, n) -> new ProcedureRecord.Addendum(rs.getObject("id", UUID.class), rs.getString("text"),
                        rs.getString("reason"), rs.getTimestamp("added_at").toInstant(), rs.getString("added_by"))).list();
    }

    /** Appends a timed score; the database refuses any later change to it. */
    void addPainScore(UUID appointmentId, PainScore score) {
        jdbc.sql("""
                insert into procedure_pain_score (id, appointment_id, minutes_after, score, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), appointmentId, score.minutesAfter(), score.score(),
                        Timestamp.from(score.recordedAt()), score.recordedBy())
                .update();
    }

    List<PainScore> painScores(UUID appointmentId) {
        return jdbc.sql("select * from procedure_pain_score where appointment_id = ? order by minutes_after, recorded_at")
                .param(appointmentId)
                .query((rs, n) -> new PainScore(rs.getInt("minutes_after"), rs.getInt("score"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"))).list();
    }

    /** Stores one version of the report as sent; versions are numbered from 1 and never changed. */
    void saveReport(UUID appointmentId, int version, UUID addendumId, String text, byte[] pdf, Instant at, String sentTo) {
        jdbc.sql("""
                insert into procedure_report (appointment_id, version, addendum_id, report_text, pdf, written_at, sent_to)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(appointmentId, version, addendumId, text, pdf, Timestamp.from(at), sentTo).update();
    }

    List<ProcedureReport.Sent> reports(UUID appointmentId) {
        return jdbc.sql("select version, report_text, written_at, sent_to from procedure_report "
                        + "where appointment_id = ? order by version")
                .param(appointmentId)
                .query((rs, n) -> new ProcedureReport.Sent(rs.getInt("version"), rs.getString("report_text"),
                        rs.getTimestamp("written_at").toInstant(), rs.getString("sent_to"))).list();
    }

    List<ReportVersion> reportVersions(java.util.Collection<UUID> appointmentIds) {
        return jdbc.sql("""
                select r.appointment_id, p.referral_id, p.patient_id, r.version, r.written_at
                from procedure_report r join procedure_record p on p.appointment_id = r.appointment_id
                where r.appointment_id = any(?) order by r.written_at, r.version
                """)
                .param(appointmentIds.stream().distinct().toArray(UUID[]::new))
                .query((rs, n) -> new ReportVersion(rs.getObject("appointment_id", UUID.class),
                        rs.getObject("referral_id", UUID.class), rs.getObject("patient_id", UUID.class), rs.getInt("version"),
                        rs.getTimestamp("written_at").toInstant()))
                .list();
    }

    /** The PDF as sent; empty for a version stored before PDFs were kept, or for no such version. */
    Optional<byte[]> reportPdf(UUID appointmentId, int version) {
        return jdbc.sql("select pdf from procedure_report where appointment_id = ? and version = ? and pdf is not null")
                .params(appointmentId, version).query(byte[].class).optional();
    }

    /** False when consent was already refused or withdrawn for this appointment. */
    boolean refuseConsent(UUID appointmentId, UUID patientId, ConsentDocument.Refusal refusal) {
        return jdbc.sql("""
                insert into consent_refusal (appointment_id, patient_id, kind, reason, text_version, shown_text, text_sha256,
                    recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (appointment_id) do nothing""")
                .params(appointmentId, patientId, refusal.kind().name(), refusal.reason(), refusal.version(), refusal.text(),
                        refusal.sha256(), Timestamp.from(refusal.recordedAt()), refusal.recordedBy())
                .update() == 1;
    }

    Optional<ConsentDocument.Refusal> consentRefusal(UUID appointmentId) {
        return jdbc.sql("select * from consent_refusal where appointment_id = ?").param(appointmentId)
                .query((rs, n) -> new ConsentDocument.Refusal(ConsentDocument.Refusal.Kind.valueOf(rs.getString("kind")),
                        rs.getString("reason"), rs.getString("text_version"), rs.getString("shown_text"),
                        rs.getString("text_sha256"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")))
                .optional();
    }

    /** The visit stops: consent refused or withdrawn. */
    void stop(UUID appointmentId, VisitStatus status) {
        jdbc.sql("update procedure_visit set status = ? where appointment_id = ?").params(status.name(), appointmentId).update();
    }
}
