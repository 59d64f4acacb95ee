package org.synovia.vetting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.synovia.safety.InjectedAgent;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.waitinglist.FundingStatus;
import org.synovia.waitinglist.Priority;

@Repository
class VettingRepository {

    private final JdbcClient jdbc;

    VettingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(VettingDecision d) {
        Protocol p = d.protocol();
        jdbc.sql("""
                insert into vetting_decision (id, referral_id, outcome, reason_code, reason_text, guidance, approach,
                    corticosteroid, corticosteroid_dose_mg, local_anaesthetic, local_anaesthetic_ml, contrast, operator_grade,
                    named_operator, slot_minutes, priority, one_stop_eligible, policy_set, policy_findings, funding_status,
                    safety_overrides, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(d.id(), d.referralId(), d.outcome().name(), d.reasonCode() == null ? null : d.reasonCode().name(),
                        d.reasonText(), p == null ? null : p.guidance().name(), p == null ? null : p.approach(),
                        p == null ? null : p.corticosteroid(), p == null ? null : p.corticosteroidDoseMg(),
                        p == null ? null : p.localAnaesthetic(), p == null ? null : p.localAnaestheticMl(),
                        p == null ? null : p.contrast(), p == null ? null : p.operatorGrade(),
                        p == null ? null : p.namedOperator(), p == null ? null : p.slotMinutes(),
                        p == null ? null : p.priority().name(), p == null ? null : p.oneStopEligible(), d.policySet(),
                        d.policyFindings(), d.fundingStatus() == null ? null : d.fundingStatus().name(), d.safetyOverrides(),
                        d.decidedBy(), Timestamp.from(d.decidedAt()))
                .update();
        List<Protocol.Target> targets = p == null ? List.of() : p.targets();
        for (int i = 0; i < targets.size(); i++) {
            Protocol.Target t = targets.get(i);
            jdbc.sql("""
                    insert into vetting_target (decision_id, position, site_code, laterality, spinal_level, corticosteroid,
                        corticosteroid_dose_mg, local_anaesthetic, local_anaesthetic_percent, local_anaesthetic_ml)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(d.id(), i, t.siteCode(), t.side().name(), t.spinalLevel(),
                            t.corticosteroid() == null ? null : t.corticosteroid().name(), t.corticosteroidDoseMg(),
                            t.localAnaesthetic() == null ? null : t.localAnaesthetic().name(), t.localAnaestheticPercent(),
                            t.localAnaestheticMl())
                    .update();
        }
    }

    /** The further targets of every decision on these referrals, in one statement, by decision. */
    private Map<UUID, List<Protocol.Target>> targets(java.util.Collection<UUID> referralIds) {
        Map<UUID, List<Protocol.Target>> byDecision = new HashMap<>();
        jdbc.sql("""
                select t.* from vetting_target t join vetting_decision d on d.id = t.decision_id
                where d.referral_id = any(?) order by t.decision_id, t.position""").param(referralIds.toArray(UUID[]::new))
                .query((rs, n) -> {
                    String steroid = rs.getString("corticosteroid");
                    String anaesthetic = rs.getString("local_anaesthetic");
                    byDecision.computeIfAbsent(rs.getObject("decision_id", UUID.class), k -> new ArrayList<>())
                            .add(new Protocol.Target(rs.getString("site_code"), Laterality.valueOf(rs.getString("laterality")),
                                    rs.getString("spinal_level"), steroid == null ? null : InjectedAgent.valueOf(steroid),
                                    rs.getObject("corticosteroid_dose_mg", BigDecimal.class),
                                    anaesthetic == null ? null : InjectedAgent.valueOf(anaesthetic),
                                    rs.getObject("local_anaesthetic_percent", BigDecimal.class),
                                    rs.getObject("local_anaesthetic_ml", BigDecimal.class)));
                    return null;
                })
                .list();
        return byDecision;
    }

    List<VettingDecision> forReferral(UUID referralId) {
        return forReferrals(List.of(referralId));
    }

    /** The decisions on these referrals, each referral's in the order they were made: two statements however many. */
    List<VettingDecision> forReferrals(java.util.Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Protocol.Target>> targets = targets(referralIds);
        return jdbc.sql("select * from vetting_decision where referral_id = any(?) order by decided_at")
                .param(referralIds.toArray(UUID[]::new))
                .query((rs, n) -> decision(rs, targets.getOrDefault(rs.getObject("id", UUID.class), List.of()))).list();
    }

    private static VettingDecision decision(java.sql.ResultSet rs, List<Protocol.Target> targets) throws java.sql.SQLException {
        UUID referralId = rs.getObject("referral_id", UUID.class);
        String guidance = rs.getString("guidance");
        Protocol protocol = guidance == null ? null : new Protocol(Guidance.valueOf(guidance),
                rs.getString("approach"), rs.getString("corticosteroid"),
                rs.getObject("corticosteroid_dose_mg", BigDecimal.class), rs.getString("local_anaesthetic"),
                rs.getObject("local_anaesthetic_ml", BigDecimal.class), rs.getBoolean("contrast"),
                rs.getString("operator_grade"), rs.getString("named_operator"),
                rs.getObject("slot_minutes", Integer.class), Priority.valueOf(rs.getString("priority")),
                rs.getBoolean("one_stop_eligible"), targets);
        String reason = rs.getString("reason_code");
        String funding = rs.getString("funding_status");
        return new VettingDecision(rs.getObject("id", UUID.class), referralId,
                VettingDecision.Outcome.valueOf(rs.getString("outcome")),
                reason == null ? null : RejectionReason.valueOf(reason), rs.getString("reason_text"), protocol,
                rs.getString("policy_set"), rs.getString("policy_findings"),
                funding == null ? null : FundingStatus.valueOf(funding), rs.getString("safety_overrides"),
                rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant());
    }
}
