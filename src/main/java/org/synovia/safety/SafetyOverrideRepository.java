package org.synovia.safety;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.synovia.account.Role;
import org.synovia.account.StaffGrade;

@Repository
class SafetyOverrideRepository {

    private final JdbcClient jdbc;

    SafetyOverrideRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SafetyOverride o, Instant at) {
        jdbc.sql("""
                insert into safety_override (id, referral_id, patient_id, decision_id, rule_id, rule_name, severity, finding,
                    reason, overridden_by, overridden_by_name, role, grade, overridden_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(o.id(), o.referralId(), o.patientId(), o.decisionId(), o.ruleId(), o.ruleName(), o.severity().name(),
                        o.finding(), o.reason(), o.byUsername(), o.byName(), o.role().name(),
                        o.grade() == null ? null : o.grade().name(), Timestamp.from(at))
                .update();
    }

    /** Every override of the given referrals, oldest first, in one statement. */
    List<SafetyOverride> forReferrals(Collection<UUID> referralIds, ZoneId zone) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from safety_override where referral_id = any (?) order by overridden_at, rule_id")
                .param(referralIds.toArray(UUID[]::new)).query((rs, n) -> map(rs, zone)).list();
    }

    /** Referral id → decision id → STOP rule ids overridden for that decision, for these referrals. */
    Map<UUID, Map<UUID, Set<String>>> overriddenStops(Collection<UUID> referralIds) {
        Map<UUID, Map<UUID, Set<String>>> stops = new HashMap<>();
        jdbc.sql("""
                select distinct referral_id, decision_id, rule_id from safety_override
                where referral_id = any(?) and severity = 'STOP'
                """).param(referralIds.toArray(UUID[]::new))
                .query((rs, n) -> stops.computeIfAbsent(rs.getObject(1, UUID.class), r -> new HashMap<>())
                        .computeIfAbsent(rs.getObject(2, UUID.class), d -> new HashSet<>()).add(rs.getString(3)))
                .list();
        return stops;
    }

    Set<String> overriddenStops(UUID referralId, UUID decisionId) {
        return Set.copyOf(jdbc.sql("""
                select distinct rule_id from safety_override where referral_id = ? and decision_id = ? and severity = 'STOP'
                """).params(referralId, decisionId).query(String.class).list());
    }

    private static SafetyOverride map(ResultSet rs, ZoneId zone) throws SQLException {
        String grade = rs.getString("grade");
        return new SafetyOverride(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("decision_id", UUID.class), rs.getString("rule_id"), rs.getString("rule_name"),
                Severity.valueOf(rs.getString("severity")), rs.getString("finding"), rs.getString("reason"),
                rs.getString("overridden_by"), rs.getString("overridden_by_name"), Role.valueOf(rs.getString("role")),
                grade == null ? null : StaffGrade.valueOf(grade),
                LocalDateTime.ofInstant(rs.getTimestamp("overridden_at").toInstant(), zone));
    }
}
