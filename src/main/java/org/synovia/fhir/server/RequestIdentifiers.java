package org.synovia.fhir.server;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.Identifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ordering systems' identifiers of referrals made through FHIR ({@code fhir_request_identifier}). */
@Repository
class RequestIdentifiers {

    private final JdbcClient jdbc;

    RequestIdentifiers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the identifier unless it is already stored; returns whether this call stored it. */
    boolean insertOnce(Identifier identifier, UUID referralId) {
        return jdbc.sql("insert into fhir_request_identifier (system, value, referral_id) values (?, ?, ?) on conflict do nothing")
                .params(identifier.getSystem(), identifier.getValue(), referralId).update() == 1;
    }

    /** The referral with this identifier; without a system, the first whose identifier has this value. */
    Optional<UUID> referral(String system, String value) {
        return jdbc.sql("""
                select referral_id from fhir_request_identifier where (cast(? as varchar) is null or system = ?) and value = ?
                order by system limit 1
                """).params(system, system, value).query(UUID.class).optional();
    }

    /** The identifiers of these referrals, by referral id, in one statement; referrals made otherwise are absent. */
    Map<UUID, Identifier> identifiers(Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Identifier> found = new HashMap<>();
        jdbc.sql("select referral_id, system, value from fhir_request_identifier where referral_id = any(?)")
                .param(referralIds.toArray(UUID[]::new))
                .query((rs, n) -> found.put(rs.getObject("referral_id", UUID.class),
                        new Identifier().setSystem(rs.getString("system")).setValue(rs.getString("value"))))
                .list();
        return found;
    }

    Optional<Identifier> identifier(UUID referralId) {
        return jdbc.sql("select system, value from fhir_request_identifier where referral_id = ?").param(referralId)
                .query((rs, n) -> new Identifier().setSystem(rs.getString("system")).setValue(rs.getString("value")))
                .optional();
    }
}
