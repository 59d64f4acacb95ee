package org.synovia.journey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JourneySeenRepository {

    private final JdbcClient jdbc;

    JourneySeenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How far the user has seen each of these referrals; a referral never seen is absent. */
    Map<UUID, Instant> seenUntil(String username, Collection<UUID> referralIds) {
        Map<UUID, Instant> seen = new HashMap<>();
        jdbc.sql("select referral_id, seen_until from journey_seen where username = ? and referral_id = any(?)")
                .params(username, referralIds.toArray(UUID[]::new))
                .query(rs -> {
                    seen.put(rs.getObject("referral_id", UUID.class), rs.getTimestamp("seen_until").toInstant());
                });
        return seen;
    }

    /** Moves each referral's mark forward to the given instant, never back, in one statement. */
    void markSeen(String username, Map<UUID, Instant> until) {
        if (until.isEmpty()) {
            return;
        }
        UUID[] ids = until.keySet().toArray(UUID[]::new);
        Timestamp[] times = new Timestamp[ids.length];
        for (int i = 0; i < ids.length; i++) {
            times[i] = Timestamp.from(until.get(ids[i]));
        }
        jdbc.sql("""
                insert into journey_seen (username, referral_id, seen_until)
                select ?, s.referral_id, s.seen_until from unnest(?::uuid[], ?::timestamptz[]) as s (referral_id, seen_until)
                on conflict (username, referral_id)
                do update set seen_until = greatest(journey_seen.seen_until, excluded.seen_until)
                """).params(username, ids, times).update();
    }
}
