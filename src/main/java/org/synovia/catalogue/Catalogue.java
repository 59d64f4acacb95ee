package org.synovia.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.synovia.shared.Guidance;

/**
 * Read access to the catalogue. The site list is small and changes only by migration, so it is
 * loaded once, on first use (after the migrations have run).
 */
@Service
public class Catalogue {

    private final JdbcClient jdbc;
    private volatile List<InjectionSite> sites;
    private volatile Map<String, InjectionSite> byCode;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<InjectionSite> sites() {
        load();
        return sites;
    }

    public Optional<InjectionSite> site(String code) {
        load();
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Site names by code, for pages that show stored codes (previous injections). */
    public Map<String, String> siteNames() {
        load();
        return sites.stream().collect(Collectors.toUnmodifiableMap(InjectionSite::code, InjectionSite::name));
    }

    private void load() {
        if (sites != null) {
            return;
        }
        List<InjectionSite> loaded = jdbc.sql("select * from injection_site order by sort_order")
                .query((rs, n) -> new InjectionSite(rs.getString("code"), rs.getString("name"), rs.getString("region"),
                        InjectionSite.Structure.valueOf(rs.getString("structure")),
                        Guidance.valueOf(rs.getString("usual_guidance")),
                        Arrays.stream(rs.getString("other_guidance").split(",")).filter(s -> !s.isBlank())
                                .map(Guidance::valueOf).toList(),
                        rs.getBoolean("has_side"), rs.getBoolean("spinal_level"),
                        InjectionSite.JointSize.valueOf(rs.getString("joint_size")),
                        InjectionSite.BleedingClass.valueOf(rs.getString("bleeding_class")), rs.getString("snomed_code"),
                        rs.getString("snomed_fact_row"), rs.getBoolean("named_on_seed")))
                .list();
        byCode = loaded.stream().collect(Collectors.toUnmodifiableMap(InjectionSite::code, Function.identity()));
        sites = loaded;
    }
}
