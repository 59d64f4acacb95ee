package org.synovia.procedure;

import java.util.ArrayList;
import java.util.List;

import org.synovia.shared.Guidance;

/**
 * The record read against the accepted protocol it was pre-filled from (ADR 0084): the team types only what changed,
 * and whatever changed is shown as changed on the record page and in the report, so the referrer and the next
 * operator see the protocol was not followed as written and where.
 */
final class AgainstProtocol {

    static final String PREFIX = "Changed from the accepted protocol: ";

    private AgainstProtocol() {
    }

    /**
     * One line naming every change, or empty when the record does what the protocol said.
     *
     * @param protocolDrugs the protocol's drugs as values, as the time-out started from them
     */
    static List<String> lines(Guidance guidance, String approach, List<DrugToGive> protocolDrugs, ProcedureRecord record) {
        List<String> parts = new ArrayList<>();
        if (guidance != null && record.guidance() != guidance) {
            parts.add("guidance " + record.guidance().label() + " instead of " + guidance.label());
        }
        if (present(approach) && !approach.strip().equalsIgnoreCase(record.approach() == null ? "" : record.approach().strip())) {
            parts.add("approach " + (present(record.approach()) ? "\u201c" + record.approach().strip() + "\u201d" : "not recorded")
                    + " instead of \u201c" + approach.strip() + "\u201d");
        }
        if (!protocolDrugs.isEmpty()) {
            GivenAgainstTimeOut.differences(protocolDrugs, record.drugs()).stream()
                    .map(AgainstProtocol::againstProtocol).forEach(parts::add);
        }
        return parts.isEmpty() ? List.of() : List.of(PREFIX + String.join("; ", parts) + ".");
    }

    /** The time-out comparison's words, said of the protocol: "2 mL checked" becomes "2 mL in the protocol". */
    private static String againstProtocol(String difference) {
        if (difference.endsWith("so not checked")) {
            return difference;
        }
        return difference.replace(" but not checked", " but not in the protocol")
                .replace(" checked but not recorded", " in the protocol but not recorded")
                .replaceAll(" checked$", " in the protocol");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
