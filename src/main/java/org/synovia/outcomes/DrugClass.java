package org.synovia.outcomes;

import java.util.List;

/**
 * What kind of medicine a recorded product is, read from its free-text name. The procedure record keeps the
 * product as written; the analytics group by active substance, and call the main drug of a procedure the
 * first corticosteroid, else the first hyaluronan, else any other product, else the local anaesthetic (a
 * diagnostic block), each by its position in the record.
 */
public enum DrugClass {
    CORTICOSTEROID("Corticosteroid", 1),
    HYALURONAN("Hyaluronan", 2),
    OTHER("Other", 3),
    LOCAL_ANAESTHETIC("Local anaesthetic only", 4),
    CONTRAST("Contrast only", 5);

    private final String label;
    private final int rank;

    DrugClass(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    public String label() {
        return label;
    }

    /** An active substance, with the lower-case fragments that name it in a product's name. */
    record Substance(String name, DrugClass drugClass, String pattern) {
    }

    static final List<Substance> SUBSTANCES = List.of(
            new Substance("Methylprednisolone", CORTICOSTEROID, "methylpred|depo-medrone"),
            new Substance("Triamcinolone", CORTICOSTEROID, "triamcinolone|kenalog|adcortyl"),
            new Substance("Dexamethasone", CORTICOSTEROID, "dexameth"),
            new Substance("Hydrocortisone", CORTICOSTEROID, "hydrocort"),
            new Substance("Hyaluronan", HYALURONAN, "hyal|hylan|durolane|ostenil"),
            new Substance("Levobupivacaine", LOCAL_ANAESTHETIC, "levobupi|chirocaine"),
            new Substance("Bupivacaine", LOCAL_ANAESTHETIC, "bupiv|marcain"),
            new Substance("Ropivacaine", LOCAL_ANAESTHETIC, "ropiv|naropin"),
            new Substance("Lidocaine", LOCAL_ANAESTHETIC, "lidoc|lignoc|xylocaine"),
            new Substance("Iodinated contrast", CONTRAST, "iohex|omnipaque|iopamid|niopam|contrast"));

    /** SQL {@code case} naming the substance of {@code column}; 'Other' when none matches. */
    static String substanceSql(String column) {
        StringBuilder sql = new StringBuilder("case");
        for (Substance s : SUBSTANCES) {
            sql.append(" when lower(").append(column).append(") ~ '").append(s.pattern()).append("' then '")
                    .append(s.name()).append('\'');
        }
        return sql.append(" else 'Other' end").toString();
    }

    /** SQL {@code case} giving the class of {@code column}. */
    static String classSql(String column) {
        StringBuilder sql = new StringBuilder("case");
        for (Substance s : SUBSTANCES) {
            sql.append(" when lower(").append(column).append(") ~ '").append(s.pattern()).append("' then '")
                    .append(s.drugClass().name()).append('\'');
        }
        return sql.append(" else 'OTHER' end").toString();
    }

    /** SQL {@code case} giving the rank of {@code column} in choosing the main drug. */
    static String rankSql(String column) {
        StringBuilder sql = new StringBuilder("case");
        for (Substance s : SUBSTANCES) {
            sql.append(" when lower(").append(column).append(") ~ '").append(s.pattern()).append("' then ")
                    .append(s.drugClass().rank);
        }
        return sql.append(" else ").append(OTHER.rank).append(" end").toString();
    }
}
