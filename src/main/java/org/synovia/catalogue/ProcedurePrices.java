package org.synovia.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Money;

/**
 * The price list for private patients (issue 17): one current price per site and guidance, set by the
 * administrator, with every earlier price kept ({@code procedure_price} is append-only). Booking staff see the
 * price before booking; the patient's booking page states it.
 */
@Service
public class ProcedurePrices {

    private static final String SELECT = """
            select p.*, s.name as site_name, coalesce(a.display_name, p.recorded_by) as recorded_by_name
            from procedure_price p
            join injection_site s on s.code = p.site_code
            left join user_account a on a.username = p.recorded_by
            """;
    private static final int MAX_NOTE = 500;

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Clock clock;

    ProcedurePrices(JdbcClient jdbc, Catalogue catalogue, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The current price of each site and guidance that has one, by site name. */
    public List<ProcedurePrice> current() {
        return jdbc.sql("select * from (select distinct on (q.site_code, q.guidance) q.* from (" + SELECT
                        + ") q order by q.site_code, q.guidance, q.seq desc) latest order by site_name, guidance")
                .query(ProcedurePrices::price).list();
    }

    /** Every price ever set, newest first. */
    public List<ProcedurePrice> history() {
        return jdbc.sql(SELECT + " order by p.seq desc").query(ProcedurePrices::price).list();
    }

    /** The current price of this site under this guidance; empty when the list has none. */
    public Optional<ProcedurePrice> priceOf(String siteCode, Guidance guidance) {
        if (siteCode == null || guidance == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where p.site_code = ? and p.guidance = ? order by p.seq desc limit 1")
                .params(siteCode, guidance.name()).query(ProcedurePrices::price).optional();
    }

    /** Sets a new price from now on; the earlier one stays in the history. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public ProcedurePrice set(String siteCode, Guidance guidance, String typedPrice, String note) {
        InjectionSite site = catalogue.site(siteCode)
                .orElseThrow(() -> new InvalidInputException("siteCode", "Choose a site from the catalogue."));
        if (guidance == null) {
            throw new InvalidInputException("guidance", "Choose the guidance.");
        }
        if (!site.offers(guidance)) {
            throw new InvalidInputException("guidance", site.name() + " is not injected under "
                    + guidance.label().toLowerCase() + " in this service.");
        }
        Money price = Money.parse(typedPrice, "price");
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "Use at most " + MAX_NOTE + " characters.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into procedure_price (id, site_code, guidance, pence, valid_from, recorded_by, note)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(id, site.code(), guidance.name(), price.pence(), Timestamp.from(clock.instant()),
                CurrentUser.username(), text).update();
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(ProcedurePrices::price).single();
    }

    private static ProcedurePrice price(ResultSet rs, int row) throws SQLException {
        return new ProcedurePrice(rs.getObject("id", UUID.class), rs.getString("site_code"), rs.getString("site_name"),
                Guidance.valueOf(rs.getString("guidance")), new Money(rs.getLong("pence")),
                rs.getTimestamp("valid_from").toInstant(), rs.getString("recorded_by"), rs.getString("recorded_by_name"),
                rs.getString("note"));
    }
}
