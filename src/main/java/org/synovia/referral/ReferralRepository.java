package org.synovia.referral;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.Laterality;
import org.synovia.shared.YesNoUnknown;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ReferralRepository {

    /**
     * A referral with its further targets as one JSON column, so that a search reads every referral's targets in
     * the same statement as the referrals.
     */
    private static final String SELECT_REFERRAL = """
            select referral.*,
                   (select json_agg(json_build_object('siteCode', t.site_code, 'laterality', t.laterality,
                                                      'spinalLevel', t.spinal_level,
                                                      'requestedInjectate', t.requested_injectate) order by t.position)
                    from referral_target t where t.referral_id = referral.id) as additional_targets
            from referral""";
    /**
     * One referral with its targets and its four child lists as JSON columns: a read of one referral (a FHIR read, a
     * referral page) is one statement instead of five (issue 16). The keys are the records' component names.
     */
    private static final String SELECT_ONE_REFERRAL = """
            select referral.*,
                   (select json_agg(json_build_object('siteCode', t.site_code, 'laterality', t.laterality,
                                                      'spinalLevel', t.spinal_level,
                                                      'requestedInjectate', t.requested_injectate) order by t.position)
                    from referral_target t where t.referral_id = referral.id) as additional_targets,
                   (select json_agg(json_build_object('kind', c.treatment, 'durationWeeks', c.duration_weeks,
                                                      'detail', c.detail) order by c.position)
                    from referral_treatment_tried c where c.referral_id = referral.id) as treatments_tried,
                   (select json_agg(json_build_object('siteCode', c.site_code, 'laterality', c.laterality,
                                                      'date', c.injected_on, 'drug', c.drug) order by c.position)
                    from referral_previous_injection c where c.referral_id = referral.id) as previous_injections,
                   (select json_agg(json_build_object('drug', c.drug, 'dose', c.dose, 'frequency', c.frequency,
                                                      'doseTimes', c.dose_times) order by c.position)
                    from referral_antithrombotic c where c.referral_id = referral.id) as antithrombotics,
                   (select json_agg(json_build_object('category', c.category, 'agent', c.agent,
                                                      'reaction', c.reaction) order by c.position)
                    from referral_allergy c where c.referral_id = referral.id) as allergies
            from referral where id = ?""";
    private static final TypeReference<List<ReferralDetails.Target>> TARGETS = new TypeReference<>() {
    };
    private static final TypeReference<List<ReferralDetails.TreatmentTried>> TREATMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<ReferralDetails.PreviousInjection>> PREVIOUS_INJECTIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<ReferralDetails.AntithromboticMedicine>> ANTITHROMBOTICS = new TypeReference<>() {
    };
    private static final TypeReference<List<ReferralDetails.Allergy>> ALLERGIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReferralRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts unless a referral with this submission key exists; returns whether it inserted. */
    boolean insertOnce(ReferralId id, UUID submissionKey, ReferralDetails d, Instant at, String by) {
        ReferralDetails.Referrer r = d.referrer();
        int inserted = jdbc.sql("""
                insert into referral (id, submission_key, patient_id, site_code, laterality, spinal_level, intent, indication,
                    indication_detail, clinical_question, other_medicines, no_known_allergies, diabetes, diabetes_on_insulin,
                    hba1c_mmol_per_mol, prosthetic_joint_at_site, infection_at_site, systemic_infection, pregnancy, weight_kg,
                    creatinine_umol_per_l, egfr, renal_test_date, urgency, referrer_name, referrer_role, referrer_organisation,
                    referrer_phone, referrer_email, status, status_reason, status_changed_at, status_changed_by,
                    submitted_at, submitted_by, requested_injectate, radicular_pain, referrer_setting, height_cm,
                    mechanical_heart_valve, coronary_stent_date, last_vte_date, last_stroke_date, suspected_septic_joint,
                    previous_contrast_reaction, older_age, bleeding_tendency, advanced_liver_disease, advanced_renal_disease,
                    inr_value, inr_date, childbearing_potential, last_menstrual_period, pregnancy_asked_privately,
                    planned_replacement_date, planned_replacement_surgeon_name, planned_replacement_surgeon_email)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (submission_key) do nothing
                """)
                .params(id.value(), submissionKey, d.patientId(), d.siteCode(), d.laterality().name(), d.spinalLevel(),
                        d.intent().name(), d.indication().name(), d.indicationDetail(), d.clinicalQuestion(),
                        d.otherMedicines(), d.noKnownAllergies(), d.diabetes().name(), d.takesInsulin().name(),
                        d.hba1cMmolPerMol(), d.prostheticJointAtSite().name(), d.infectionAtSite().name(),
                        d.systemicInfection().name(), d.pregnancy().name(),
                        d.weightKg(), d.creatinineUmolPerL(), d.egfr(), d.renalTestDate(), d.urgency().name(), r.name(),
                        r.role(), r.organisation(), r.phone(), r.email(), ReferralStatus.SUBMITTED.name(), null,
                        Timestamp.from(at), by, Timestamp.from(at), by, d.requestedInjectate().name(), d.radicularPain(),
                        d.referrerSetting().name(), d.heightCm(), d.thromboticRisk().mechanicalHeartValve().name(),
                        d.thromboticRisk().coronaryStentDate(), d.thromboticRisk().lastVteDate(),
                        d.thromboticRisk().lastStrokeDate(), d.suspectedSepticJoint().name(),
                        d.previousContrastReaction().name(), d.olderAge().name(), d.bleedingTendency().name(),
                        d.advancedLiverDisease().name(), d.advancedRenalDisease().name(), d.inrValue(), d.inrDate(),
                        d.childbearingPotential().name(), d.lastMenstrualPeriod(), d.pregnancyAskedPrivately(),
                        d.plannedReplacementDate(), d.plannedReplacementSurgeonName(), d.plannedReplacementSurgeonEmail())
                .update();
        if (inserted == 0) {
            return false;
        }
        insertLists(id, d);
        return true;
    }

    private void insertLists(ReferralId id, ReferralDetails d) {
        for (int i = 0; i < d.treatments().size(); i++) {
            ReferralDetails.TreatmentTried t = d.treatments().get(i);
            jdbc.sql("insert into referral_treatment_tried (referral_id, position, treatment, duration_weeks, detail) values (?, ?, ?, ?, ?)")
                    .params(id.value(), i, t.kind().name(), t.durationWeeks(), t.detail()).update();
        }
        for (int i = 0; i < d.previousInjections().size(); i++) {
            ReferralDetails.PreviousInjection p = d.previousInjections().get(i);
            jdbc.sql("insert into referral_previous_injection (referral_id, position, site_code, laterality, injected_on, drug) values (?, ?, ?, ?, ?, ?)")
                    .params(id.value(), i, p.siteCode(), p.laterality().name(), p.date(), p.drug()).update();
        }
        for (int i = 0; i < d.antithrombotics().size(); i++) {
            ReferralDetails.AntithromboticMedicine m = d.antithrombotics().get(i);
            jdbc.sql("insert into referral_antithrombotic (referral_id, position, drug, dose, frequency, dose_times) values (?, ?, ?, ?, ?, ?)")
                    .params(id.value(), i, m.drug().name(), m.dose(), m.frequency().name(), m.doseTimes()).update();
        }
        for (int i = 0; i < d.allergies().size(); i++) {
            ReferralDetails.Allergy a = d.allergies().get(i);
            jdbc.sql("insert into referral_allergy (referral_id, position, category, agent, reaction) values (?, ?, ?, ?, ?)")
                    .params(id.value(), i, a.category().name(), a.agent(), a.reaction()).update();
        }
        for (int i = 0; i < d.additionalTargets().size(); i++) {
            ReferralDetails.Target t = d.additionalTargets().get(i);
            jdbc.sql("""
                    insert into referral_target (referral_id, position, site_code, laterality, spinal_level, requested_injectate)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id.value(), i, t.siteCode(), t.laterality().name(), t.spinalLevel(), t.requestedInjectate().name())
                    .update();
        }
    }

    /**
     * Replaces the details of a referral (its lists are written anew); the caller keeps the previous
     * details as an amendment. The patient never changes.
     */
    void updateDetails(ReferralId id, ReferralDetails d) {
        ReferralDetails.Referrer r = d.referrer();
        jdbc.sql("""
                update referral set site_code = ?, laterality = ?, spinal_level = ?, intent = ?, indication = ?,
                    indication_detail = ?, clinical_question = ?, other_medicines = ?, no_known_allergies = ?, diabetes = ?,
                    diabetes_on_insulin = ?, hba1c_mmol_per_mol = ?, prosthetic_joint_at_site = ?, infection_at_site = ?,
                    systemic_infection = ?, pregnancy = ?, weight_kg = ?, creatinine_umol_per_l = ?, egfr = ?,
                    renal_test_date = ?, urgency = ?, referrer_name = ?, referrer_role = ?, referrer_organisation = ?,
                    referrer_phone = ?, referrer_email = ?, requested_injectate = ?, radicular_pain = ?, referrer_setting = ?,
                    height_cm = ?, mechanical_heart_valve = ?, coronary_stent_date = ?, last_vte_date = ?, last_stroke_date = ?,
                    suspected_septic_joint = ?, previous_contrast_reaction = ?, older_age = ?, bleeding_tendency = ?,
                    advanced_liver_disease = ?, advanced_renal_disease = ?, inr_value = ?, inr_date = ?,
                    childbearing_potential = ?, last_menstrual_period = ?, pregnancy_asked_privately = ?,
                    planned_replacement_date = ?, planned_replacement_surgeon_name = ?, planned_replacement_surgeon_email = ?
                where id = ?
                """)
                .params(d.siteCode(), d.laterality().name(), d.spinalLevel(), d.intent().name(), d.indication().name(),
                        d.indicationDetail(), d.clinicalQuestion(), d.otherMedicines(), d.noKnownAllergies(), d.diabetes().name(),
                        d.takesInsulin().name(), d.hba1cMmolPerMol(), d.prostheticJointAtSite().name(),
                        d.infectionAtSite().name(), d.systemicInfection().name(), d.pregnancy().name(), d.weightKg(), d.creatinineUmolPerL(), d.egfr(), d.renalTestDate(),
                        d.urgency().name(), r.name(), r.role(), r.organisation(), r.phone(), r.email(),
                        d.requestedInjectate().name(), d.radicularPain(), d.referrerSetting().name(), d.heightCm(),
                        d.thromboticRisk().mechanicalHeartValve().name(), d.thromboticRisk().coronaryStentDate(),
                        d.thromboticRisk().lastVteDate(), d.thromboticRisk().lastStrokeDate(), d.suspectedSepticJoint().name(),
                        d.previousContrastReaction().name(), d.olderAge().name(), d.bleedingTendency().name(),
                        d.advancedLiverDisease().name(), d.advancedRenalDisease().name(), d.inrValue(), d.inrDate(),
                        d.childbearingPotential().name(), d.lastMenstrualPeriod(), d.pregnancyAskedPrivately(),
                        d.plannedReplacementDate(), d.plannedReplacementSurgeonName(), d.plannedReplacementSurgeonEmail(),
                        id.value())
                .update();
        for (String table : new String[] {"referral_treatment_tried", "referral_previous_injection", "referral_antithrombotic",
                "referral_allergy", "referral_target"}) {
            jdbc.sql("delete from " + table + " where referral_id = ?").param(id.value()).update();
        }
        insertLists(id, d);
    }

    void insertAmendment(ReferralAmendment amendment) {
        jdbc.sql("""
                insert into referral_amendment (id, referral_id, amended_at, amended_by, reason, previous_details)
                values (?, ?, ?, ?, ?, ?)
                """)
                .params(amendment.id(), amendment.referralId().value(), Timestamp.from(amendment.amendedAt()),
                        amendment.amendedBy(), amendment.reason(), amendment.previousDetails())
                .update();
    }

    List<ReferralAmendment> amendments(ReferralId id) {
        return jdbc.sql("select * from referral_amendment where referral_id = ? order by amended_at").param(id.value())
                .query((rs, n) -> new ReferralAmendment(rs.getObject("id", UUID.class), id,
                        rs.getTimestamp("amended_at").toInstant(), rs.getString("amended_by"), rs.getString("reason"),
                        rs.getString("previous_details")))
                .list();
    }

    /** Referrals narrowed by patient, statuses and submission time (each optional), newest first. */
    List<Referral> search(UUID patientId, java.util.Set<ReferralStatus> statuses, Instant submittedFrom,
            Instant submittedBefore, int limit) {
        StringBuilder sql = new StringBuilder("select id from referral where true");
        List<Object> params = new ArrayList<>();
        if (patientId != null) {
            sql.append(" and patient_id = ?");
            params.add(patientId);
        }
        if (statuses != null && !statuses.isEmpty()) {
            sql.append(" and status = any(?)");
            params.add(statuses.stream().map(Enum::name).toArray(String[]::new));
        }
        if (submittedFrom != null) {
            sql.append(" and submitted_at >= ?");
            params.add(Timestamp.from(submittedFrom));
        }
        if (submittedBefore != null) {
            sql.append(" and submitted_at < ?");
            params.add(Timestamp.from(submittedBefore));
        }
        sql.append(" order by submitted_at desc limit ").append(limit);
        // The matching ids first, then every referral with its child lists in a fixed number of statements.
        List<UUID> ids = jdbc.sql(sql.toString()).params(params).query(UUID.class).list();
        Map<UUID, Referral> byId = new HashMap<>();
        findAll(ids).forEach(r -> byId.put(r.id().value(), r));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    Optional<ReferralId> findBySubmissionKey(UUID submissionKey) {
        return jdbc.sql("select id from referral where submission_key = ?").param(submissionKey)
                .query((rs, n) -> new ReferralId(rs.getObject("id", UUID.class))).optional();
    }

    Optional<Referral> find(ReferralId id) {
        return jdbc.sql(SELECT_ONE_REFERRAL).param(id.value()).query((rs, n) -> {
            List<ReferralDetails.TreatmentTried> treatments = jsonList(rs.getString("treatments_tried"), TREATMENTS);
            List<ReferralDetails.PreviousInjection> previous = jsonList(rs.getString("previous_injections"), PREVIOUS_INJECTIONS);
            List<ReferralDetails.AntithromboticMedicine> antithrombotics = jsonList(rs.getString("antithrombotics"), ANTITHROMBOTICS);
            List<ReferralDetails.Allergy> allergies = jsonList(rs.getString("allergies"), ALLERGIES);
            return referral(rs, new Children(r -> treatments, r -> previous, r -> antithrombotics, r -> allergies));
        }).optional();
    }

    /** These referrals with their child lists and targets, in five statements whatever their number (a list page). */
    List<Referral> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] array = ids.toArray(UUID[]::new);
        Map<UUID, List<ReferralDetails.TreatmentTried>> treatments = byReferral(
                "select * from referral_treatment_tried where referral_id = any(?) order by position", array,
                ReferralRepository::treatment);
        Map<UUID, List<ReferralDetails.PreviousInjection>> previous = byReferral(
                "select * from referral_previous_injection where referral_id = any(?) order by position", array,
                ReferralRepository::previousInjection);
        Map<UUID, List<ReferralDetails.AntithromboticMedicine>> antithrombotics = byReferral(
                "select * from referral_antithrombotic where referral_id = any(?) order by position", array,
                ReferralRepository::antithrombotic);
        Map<UUID, List<ReferralDetails.Allergy>> allergies = byReferral(
                "select * from referral_allergy where referral_id = any(?) order by position", array,
                ReferralRepository::allergy);
        Children preloaded = new Children(id -> treatments.getOrDefault(id, List.of()),
                id -> previous.getOrDefault(id, List.of()), id -> antithrombotics.getOrDefault(id, List.of()),
                id -> allergies.getOrDefault(id, List.of()));
        return jdbc.sql(SELECT_REFERRAL + " where id = any(?)").param(array).query((rs, n) -> referral(rs, preloaded))
                .list();
    }

    private <T> Map<UUID, List<T>> byReferral(String sql, UUID[] ids, RowMapper<T> row) {
        Map<UUID, List<T>> grouped = new HashMap<>();
        jdbc.sql(sql).param(ids).query((rs, n) -> grouped.computeIfAbsent(rs.getObject("referral_id", UUID.class),
                id -> new ArrayList<>()).add(row.mapRow(rs, n))).list();
        return grouped;
    }

    /** Where the mapper finds a referral's child lists: read with the referral, or beforehand for a whole list. */
    private record Children(Function<UUID, List<ReferralDetails.TreatmentTried>> treatments,
            Function<UUID, List<ReferralDetails.PreviousInjection>> previousInjections,
            Function<UUID, List<ReferralDetails.AntithromboticMedicine>> antithrombotics,
            Function<UUID, List<ReferralDetails.Allergy>> allergies) {
    }

    private static final String SUMMARY = """
            select r.id, r.patient_id, p.family_name, p.given_name, p.nhs_number, p.date_of_birth, s.name as site_name,
                   r.laterality, r.spinal_level, r.intent, r.urgency, r.status, r.submitted_at, r.submitted_by, r.referrer_name,
                   (select q.question from referral_information_request q where q.referral_id = r.id and q.answer is null
                    order by q.asked_at desc limit 1) as open_question,
                   (select count(*) from referral_target t where t.referral_id = r.id) as further_targets
            from referral r join patient p on p.id = r.patient_id join injection_site s on s.code = r.site_code
            """;

    List<ReferralSummary> vettingQueue(int limit) {
        return jdbc.sql(SUMMARY + """
                where r.status in ('SUBMITTED', 'IN_VETTING')
                order by case r.urgency when 'URGENT' then 0 when 'SOON' then 1 else 2 end, r.submitted_at
                limit ?""").param(limit).query(ReferralRepository::summary).list();
    }

    void insertInformationRequest(UUID id, ReferralId referral, String question, String by, Instant at) {
        jdbc.sql("insert into referral_information_request (id, referral_id, question, asked_by, asked_at) values (?, ?, ?, ?, ?)")
                .params(id, referral.value(), question, by, Timestamp.from(at)).update();
    }

    boolean answerOpenInformationRequest(ReferralId referral, String answer, String by, Instant at) {
        return jdbc.sql("""
                update referral_information_request set answer = ?, answered_by = ?, answered_at = ?
                where referral_id = ? and answer is null
                """).params(answer, by, Timestamp.from(at), referral.value()).update() > 0;
    }

    List<InformationRequest> informationRequests(ReferralId referral) {
        return jdbc.sql("select * from referral_information_request where referral_id = ? order by asked_at")
                .param(referral.value()).query(ReferralRepository::informationRequest).list();
    }

    /** The questions on these referrals, oldest first; only on those submitted by {@code onlySubmittedBy} unless null. */
    List<InformationRequest> informationRequests(java.util.Collection<ReferralId> referrals, String onlySubmittedBy) {
        UUID[] ids = referrals.stream().map(ReferralId::value).distinct().toArray(UUID[]::new);
        return jdbc.sql("""
                select q.* from referral_information_request q join referral r on r.id = q.referral_id
                where q.referral_id = any(?) and (cast(? as varchar) is null or r.submitted_by = ?)
                order by q.asked_at, q.id
                """)
                .params(ids, onlySubmittedBy, onlySubmittedBy).query(ReferralRepository::informationRequest).list();
    }

    private static InformationRequest informationRequest(ResultSet rs, int row) throws SQLException {
        return new InformationRequest(rs.getObject("id", UUID.class), new ReferralId(rs.getObject("referral_id", UUID.class)),
                rs.getString("question"), rs.getString("asked_by"), rs.getTimestamp("asked_at").toInstant(),
                rs.getString("answer"), rs.getString("answered_by"),
                rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant());
    }

    List<ReferralSummary> list(ReferralFilter filter, String onlySubmittedBy, int limit) {
        StringBuilder sql = new StringBuilder(SUMMARY + " where true ");
        List<Object> params = new ArrayList<>();
        if (onlySubmittedBy != null) {
            sql.append(" and r.submitted_by = ?");
            params.add(onlySubmittedBy);
        }
        // The status, urgency and intent are written into the SQL (enum names, nothing typed by a user), not passed as
        // parameters: which index serves depends on them (the status index for the few submitted among 100,000), and a
        // statement without them as parameters is planned once per connection, not on every view (ADR 0120).
        if (filter.status() != null) {
            sql.append(" and r.status = '").append(filter.status().name()).append("'");
        }
        if (filter.siteCode() != null) {
            sql.append(" and r.site_code = ?");
            params.add(filter.siteCode());
        }
        if (filter.urgency() != null) {
            sql.append(" and r.urgency = '").append(filter.urgency().name()).append("'");
        }
        if (filter.intent() != null) {
            sql.append(" and r.intent = '").append(filter.intent().name()).append("'");
        }
        if (filter.patientText() != null) {
            String digits = filter.patientText().replaceAll("[\\s-]", "");
            String prefix = filter.patientText().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" and (lower(p.family_name) like ? or lower(p.given_name) like ? or p.nhs_number = ?)");
            params.add(prefix);
            params.add(prefix);
            params.add(digits);
        }
        sql.append(" order by r.submitted_at desc limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(ReferralRepository::summary).list();
    }

    private static ReferralSummary summary(ResultSet rs, int row) throws SQLException {
        return new ReferralSummary(new ReferralId(rs.getObject("id", UUID.class)), rs.getObject("patient_id", UUID.class),
                rs.getString("family_name").toUpperCase() + ", " + rs.getString("given_name"), rs.getString("nhs_number"),
                rs.getObject("date_of_birth", LocalDate.class), rs.getString("site_name"),
                Laterality.valueOf(rs.getString("laterality")), rs.getString("spinal_level"),
                Intent.valueOf(rs.getString("intent")), Urgency.valueOf(rs.getString("urgency")),
                ReferralStatus.valueOf(rs.getString("status")), rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("submitted_by"), rs.getString("referrer_name"), rs.getString("open_question"),
                rs.getInt("further_targets"));
    }

    /** Moves the status only if it is still {@code from}: a concurrent change makes this return false. */
    boolean changeStatus(ReferralId id, ReferralStatus from, ReferralStatus to, String reason, Instant at, String by) {
        return jdbc.sql("""
                update referral set status = ?, status_reason = ?, status_changed_at = ?, status_changed_by = ?
                where id = ? and status = ?
                """)
                .params(to.name(), reason, Timestamp.from(at), by, id.value(), from.name()).update() == 1;
    }

    private Referral referral(ResultSet rs, Children children) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        ReferralDetails details = new ReferralDetails(rs.getObject("patient_id", UUID.class), rs.getString("site_code"),
                Laterality.valueOf(rs.getString("laterality")), rs.getString("spinal_level"),
                Intent.valueOf(rs.getString("intent")), Indication.valueOf(rs.getString("indication")),
                rs.getString("indication_detail"), rs.getString("clinical_question"), children.treatments().apply(id),
                children.previousInjections().apply(id), children.antithrombotics().apply(id), rs.getString("other_medicines"),
                rs.getBoolean("no_known_allergies"), children.allergies().apply(id), DiabetesType.valueOf(rs.getString("diabetes")),
                answer(rs, "diabetes_on_insulin"), rs.getObject("hba1c_mmol_per_mol", Integer.class),
                answer(rs, "prosthetic_joint_at_site"), answer(rs, "infection_at_site"),
                answer(rs, "systemic_infection"), PregnancyPossibility.valueOf(rs.getString("pregnancy")),
                rs.getObject("weight_kg", BigDecimal.class), rs.getObject("creatinine_umol_per_l", Integer.class),
                rs.getObject("egfr", Integer.class), rs.getObject("renal_test_date", LocalDate.class),
                Urgency.valueOf(rs.getString("urgency")),
                new ReferralDetails.Referrer(rs.getString("referrer_name"), rs.getString("referrer_role"),
                        rs.getString("referrer_organisation"), rs.getString("referrer_phone"), rs.getString("referrer_email")),
                RequestedInjectate.valueOf(rs.getString("requested_injectate")), rs.getBoolean("radicular_pain"),
                ReferrerSetting.valueOf(rs.getString("referrer_setting")), rs.getObject("height_cm", BigDecimal.class),
                new ReferralDetails.ThromboticRisk(answer(rs, "mechanical_heart_valve"),
                        rs.getObject("coronary_stent_date", LocalDate.class), rs.getObject("last_vte_date", LocalDate.class),
                        rs.getObject("last_stroke_date", LocalDate.class)),
                answer(rs, "suspected_septic_joint"), answer(rs, "previous_contrast_reaction"), answer(rs, "older_age"),
                answer(rs, "bleeding_tendency"), answer(rs, "advanced_liver_disease"), answer(rs, "advanced_renal_disease"),
                rs.getObject("inr_value", BigDecimal.class), rs.getObject("inr_date", LocalDate.class),
                answer(rs, "childbearing_potential"), rs.getObject("last_menstrual_period", LocalDate.class),
                rs.getBoolean("pregnancy_asked_privately"), rs.getObject("planned_replacement_date", LocalDate.class),
                rs.getString("planned_replacement_surgeon_name"), rs.getString("planned_replacement_surgeon_email"),
                additionalTargets(rs.getString("additional_targets")));
        return new Referral(new ReferralId(id), details, ReferralStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getTimestamp("status_changed_at").toInstant(),
                rs.getString("status_changed_by"), rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"));
    }

    private List<ReferralDetails.Target> additionalTargets(String column) {
        return jsonList(column, TARGETS);
    }

    private <T> List<T> jsonList(String column, TypeReference<List<T>> type) {
        return column == null ? List.of() : List.copyOf(json.readValue(column, type));
    }

    private static YesNoUnknown answer(ResultSet rs, String column) throws SQLException {
        return YesNoUnknown.valueOf(rs.getString(column));
    }

    private static ReferralDetails.TreatmentTried treatment(ResultSet rs, int row) throws SQLException {
        return new ReferralDetails.TreatmentTried(TreatmentKind.valueOf(rs.getString("treatment")),
                rs.getObject("duration_weeks", Integer.class), rs.getString("detail"));
    }

    private static ReferralDetails.PreviousInjection previousInjection(ResultSet rs, int row) throws SQLException {
        return new ReferralDetails.PreviousInjection(rs.getString("site_code"), Laterality.valueOf(rs.getString("laterality")),
                rs.getObject("injected_on", LocalDate.class), rs.getString("drug"));
    }

    private static ReferralDetails.AntithromboticMedicine antithrombotic(ResultSet rs, int row) throws SQLException {
        return new ReferralDetails.AntithromboticMedicine(Antithrombotic.valueOf(rs.getString("drug")), rs.getString("dose"),
                DoseFrequency.valueOf(rs.getString("frequency")), rs.getString("dose_times"));
    }

    private static ReferralDetails.Allergy allergy(ResultSet rs, int row) throws SQLException {
        return new ReferralDetails.Allergy(AllergyCategory.valueOf(rs.getString("category")), rs.getString("agent"),
                rs.getString("reaction"));
    }
}
