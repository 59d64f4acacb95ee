package org.synovia.waitinglist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Funding decisions (append-only: the database refuses a change) and the payer on the waiting-list entry. */
@Repository
class FundingRepository {

    /** Decisions with the full name of who recorded each; callers add the where and order. */
    static final String DECISIONS = """
            select d.*, coalesce(a.display_name, d.recorded_by) as recorded_by_name
            from funding_decision d left join user_account a on a.username = d.recorded_by
            """;

    private final JdbcClient jdbc;

    FundingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FundingDecision d, UUID patientId) {
        jdbc.sql("""
                insert into funding_decision (id, referral_id, patient_id, payer, outcome, reference, decided_on, expires_on,
                    reason, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(d.id(), d.referralId(), patientId, d.payer().name(), d.outcome().name(), d.reference(),
                        d.decidedOn(), d.expiresOn(), d.reason(), Timestamp.from(d.recordedAt()), d.recordedBy())
                .update();
    }

    List<FundingDecision> history(UUID referralId) {
        return jdbc.sql(DECISIONS + " where d.referral_id = ? order by d.seq desc").param(referralId)
                .query((rs, row) -> decision(rs, "")).list();
    }

    /** The entries of these referrals that are on the list, with their latest decision, in one statement. */
    List<Row> rows(Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select w.referral_id, w.patient_id, w.funding_status, w.payer, w.insurer_name,
                    fd.id as fd_id, fd.payer as fd_payer, fd.outcome as fd_outcome, fd.reference as fd_reference,
                    fd.decided_on as fd_decided_on, fd.expires_on as fd_expires_on, fd.reason as fd_reason,
                    fd.recorded_at as fd_recorded_at, fd.recorded_by as fd_recorded_by,
                    fd.recorded_by_name as fd_recorded_by_name
                from waiting_list_entry w
                left join lateral (""" + DECISIONS + """
                    where d.referral_id = w.referral_id order by d.seq desc limit 1) fd on true
                where w.referral_id = any(?)
                """).param(referralIds.toArray(UUID[]::new))
                .query((rs, row) -> new Row(rs.getObject("referral_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        FundingStatus.valueOf(rs.getString("funding_status")), Payer.valueOf(rs.getString("payer")),
                        rs.getString("insurer_name"), rs.getObject("fd_id") == null ? null : decision(rs, "fd_")))
                .list();
    }

    boolean setPayer(UUID referralId, Payer payer, String insurerName) {
        return jdbc.sql("update waiting_list_entry set payer = ?, insurer_name = ? where referral_id = ?")
                .params(payer.name(), insurerName, referralId).update() == 1;
    }

    record Row(UUID referralId, UUID patientId, FundingStatus required, Payer payer, String insurerName,
            FundingDecision latest) {

        FundingClearance clearance(LocalDate day) {
            return FundingClearance.of(required, payer, insurerName, latest, day);
        }
    }

    /** A decision from columns named with {@code prefix} (the latest one beside an entry is read as "fd_"). */
    static FundingDecision decision(ResultSet rs, String prefix) throws SQLException {
        return new FundingDecision(rs.getObject(prefix + "id", UUID.class), rs.getObject("referral_id", UUID.class),
                Payer.valueOf(rs.getString(prefix + "payer")), FundingDecision.Outcome.valueOf(rs.getString(prefix + "outcome")),
                rs.getString(prefix + "reference"), rs.getObject(prefix + "decided_on", LocalDate.class),
                rs.getObject(prefix + "expires_on", LocalDate.class), rs.getString(prefix + "reason"),
                rs.getTimestamp(prefix + "recorded_at").toInstant(), rs.getString(prefix + "recorded_by"),
                rs.getString(prefix + "recorded_by_name"));
    }
}
