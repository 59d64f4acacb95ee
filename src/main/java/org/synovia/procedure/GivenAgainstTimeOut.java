package org.synovia.procedure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.synovia.referral.ReferralSafety;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PlannedDrug;

/**
 * The drugs the record says were given read against those the time-out checked (HAZ-89, ADR 0043). The record is
 * written after the injection, so a difference can no longer be prevented; it is shown as a finding on the record
 * page and in the report, for the team to act on (e.g. watch for local anaesthetic toxicity) and the referrer to
 * read. A record's product is read as vetting reads a protocol's, by {@link ReferralSafety#agentFrom(String)}.
 */
final class GivenAgainstTimeOut {

    static final String PREFIX = "Given differs from the time-out check (HAZ-89): ";

    private GivenAgainstTimeOut() {
    }

    /** The differences in one line, or empty when the record gives what the time-out checked. */
    static List<String> lines(List<DrugToGive> checked, List<DrugGiven> given) {
        List<String> parts = differences(checked, given);
        return parts.isEmpty() ? List.of() : List.of(PREFIX + String.join("; ", parts));
    }

    static List<String> differences(List<DrugToGive> checked, List<DrugGiven> given) {
        List<String> parts = new ArrayList<>();
        Map<InjectedAgent, Amounts> givenByAgent = new LinkedHashMap<>();
        for (DrugGiven drug : given) {
            InjectedAgent agent = ReferralSafety.agentFrom(drug.product());
            if (agent == null) {
                parts.add("\u201c" + drug.product() + "\u201d given: not a drug the safety checks know, so not checked");
                continue;
            }
            BigDecimal strength = agent.localAnaesthetic() ? ReferralSafety.localAnaesthetic(drug.product(), drug.volumeMl())
                    .map(PlannedDrug::concentrationPercent).map(BigDecimal::valueOf).orElse(null) : null;
            givenByAgent.computeIfAbsent(agent, a -> new Amounts()).add(drug.volumeMl(), strength);
        }
        Map<InjectedAgent, Amounts> checkedByAgent = new LinkedHashMap<>();
        for (DrugToGive drug : checked) {
            checkedByAgent.computeIfAbsent(drug.agent(), a -> new Amounts()).add(drug.volumeMl(), drug.strengthPercent());
        }
        givenByAgent.forEach((agent, amounts) -> {
            Amounts atTimeOut = checkedByAgent.get(agent);
            if (atTimeOut == null) {
                parts.add(agent.label() + " given (" + amounts.words() + ") but not checked");
                return;
            }
            if (!amounts.strengths.isEmpty() && !atTimeOut.strengths.isEmpty() && !amounts.strengths.equals(atTimeOut.strengths)) {
                parts.add(agent.label() + " " + percent(amounts.strengths) + " given, " + percent(atTimeOut.strengths)
                        + " checked");
            }
            if (atTimeOut.knownVolume && amounts.volumeMl.compareTo(atTimeOut.volumeMl) != 0) {
                parts.add(agent.label() + " " + amounts.volumeMl.stripTrailingZeros().toPlainString() + " mL given, "
                        + atTimeOut.volumeMl.stripTrailingZeros().toPlainString() + " mL checked");
            }
        });
        checkedByAgent.keySet().stream().filter(agent -> !givenByAgent.containsKey(agent))
                .forEach(agent -> parts.add(agent.label() + " checked but not recorded as given"));
        return parts;
    }

    private static String percent(Set<BigDecimal> strengths) {
        return String.join(" and ", strengths.stream().map(s -> s.stripTrailingZeros().toPlainString() + "%").toList());
    }

    /** The total volume of one agent and its strengths. */
    private static final class Amounts {
        private BigDecimal volumeMl = BigDecimal.ZERO;
        private boolean knownVolume = true;
        private final Set<BigDecimal> strengths = new TreeSet<>();

        void add(BigDecimal volume, BigDecimal strength) {
            if (volume == null) {
                knownVolume = false;
            }
            else {
                volumeMl = volumeMl.add(volume);
            }
            if (strength != null) {
                strengths.add(strength.stripTrailingZeros());
            }
        }

        String words() {
            return (strengths.isEmpty() ? "" : percent(strengths) + " ") + volumeMl.stripTrailingZeros().toPlainString() + " mL";
        }
    }
}
