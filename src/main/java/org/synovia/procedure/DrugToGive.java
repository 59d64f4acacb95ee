package org.synovia.procedure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PlannedDrug;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

/**
 * A drug about to be given, as the time-out confirms it (issue 12 §3, ADR 0043): the agent, the dose in mg for a
 * corticosteroid (or hyaluronan, when known), the strength in % for a local anaesthetic (1% = 10 mg/mL), and the
 * volume in mL. Values, never words, so that the engine reads exactly what the team typed.
 */
public record DrugToGive(InjectedAgent agent, BigDecimal doseMg, BigDecimal strengthPercent, BigDecimal volumeMl) {

    static final BigDecimal MAX_STEROID_DOSE_MG = new BigDecimal("120");
    static final BigDecimal MAX_STRENGTH_PERCENT = BigDecimal.TEN;
    static final BigDecimal MAX_VOLUME_ML = new BigDecimal("30");

    public DrugToGive {
        if (agent == null) {
            throw new IllegalArgumentException("a drug to give names its agent");
        }
        // 10 and 10.00 are one volume: stored values read back with the column's scale.
        doseMg = plain(doseMg);
        strengthPercent = plain(strengthPercent);
        volumeMl = plain(volumeMl);
    }

    /** The accepted protocol's drug as the time-out form starts from it; a steroid's volume at its usual strength. */
    static DrugToGive fromProtocol(PlannedDrug drug) {
        BigDecimal dose = drug.doseMg() == null ? null : BigDecimal.valueOf(drug.doseMg());
        BigDecimal volume = drug.volumeMl() != null ? BigDecimal.valueOf(drug.volumeMl())
                : dose != null && drug.agent().usualMgPerMl() != null
                        ? dose.divide(BigDecimal.valueOf(drug.agent().usualMgPerMl()), 2, RoundingMode.HALF_UP) : null;
        return new DrugToGive(drug.agent(), drug.agent().localAnaesthetic() ? null : dose,
                drug.concentrationPercent() == null ? null : BigDecimal.valueOf(drug.concentrationPercent()), volume);
    }

    /** The drug as the safety engine takes it: a local anaesthetic by strength and volume, the others by dose. */
    PlannedDrug forEngine() {
        return new PlannedDrug(agent, agent.localAnaesthetic() || doseMg == null ? null : doseMg.doubleValue(),
                strengthPercent == null ? null : strengthPercent.doubleValue(), null,
                volumeMl == null ? null : volumeMl.doubleValue(), false);
    }

    /** "Methylprednisolone acetate" or "Bupivacaine 0.5%": the product as the record form starts from it. */
    public String product() {
        String label = Character.toUpperCase(agent.label().charAt(0)) + agent.label().substring(1);
        return strengthPercent == null ? label : label + " " + strengthPercent.toPlainString() + "%";
    }

    /** The dose in mg, worked out from strength and volume for a local anaesthetic; null when unknown. */
    public BigDecimal resolvedDoseMg() {
        Double mg = forEngine().resolvedDoseMg();
        return mg == null ? null : plain(BigDecimal.valueOf(mg).setScale(2, RoundingMode.HALF_UP));
    }

    /** "bupivacaine 0.5% 20 mL (100 mg)", as the check and the report show it. */
    public String words() {
        BigDecimal mg = resolvedDoseMg();
        String line = agent.label() + (strengthPercent == null ? "" : " " + strengthPercent.toPlainString() + "%");
        if (agent.localAnaesthetic()) {
            return line + (volumeMl == null ? "" : " " + volumeMl.toPlainString() + " mL")
                    + (mg == null ? "" : " (" + mg.toPlainString() + " mg)");
        }
        return line + (mg == null ? "" : " " + mg.toPlainString() + " mg")
                + (volumeMl == null ? "" : " in " + volumeMl.toPlainString() + " mL");
    }

    /**
     * The drugs as typed, rows with nothing in them left out; every problem is refused beside its field
     * ({@code drugs[i].agent}, {@code .doseMg}, {@code .strengthPercent}, {@code .volumeMl}).
     *
     * @param rows one entry per form row, null for an empty row
     */
    static List<DrugToGive> checked(List<Row> rows) {
        List<FieldProblem> problems = new ArrayList<>();
        List<DrugToGive> drugs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row == null || row.empty()) {
                continue;
            }
            String at = "drugs[" + i + "].";
            if (row.agent() == null) {
                problems.add(new FieldProblem(at + "agent", "Choose the drug."));
                continue;
            }
            int before = problems.size();
            if (row.volumeMl() == null || row.volumeMl().signum() <= 0 || row.volumeMl().compareTo(MAX_VOLUME_ML) > 0) {
                problems.add(new FieldProblem(at + "volumeMl", "Enter the volume about to be given, more than 0 and at most 30 mL."));
            }
            if (row.agent().localAnaesthetic()) {
                if (row.strengthPercent() == null || row.strengthPercent().signum() <= 0
                        || row.strengthPercent().compareTo(MAX_STRENGTH_PERCENT) > 0) {
                    problems.add(new FieldProblem(at + "strengthPercent", "Enter the strength in %, more than 0 and at most 10 "
                            + "(e.g. 0.5 for 0.5% " + row.agent().label() + ")."));
                }
                if (row.doseMg() != null) {
                    problems.add(new FieldProblem(at + "doseMg", "A local anaesthetic's dose follows from its strength and "
                            + "volume; leave the dose empty."));
                }
            }
            else {
                if (row.strengthPercent() != null) {
                    problems.add(new FieldProblem(at + "strengthPercent", "Give " + row.agent().label()
                            + " as a dose in mg, not a strength in %."));
                }
                if (row.agent().steroid() && row.doseMg() == null) {
                    problems.add(new FieldProblem(at + "doseMg", "Enter the dose of " + row.agent().label() + " in mg."));
                }
                else if (row.doseMg() != null && (row.doseMg().signum() <= 0 || row.doseMg().compareTo(MAX_STEROID_DOSE_MG) > 0)) {
                    problems.add(new FieldProblem(at + "doseMg", "Enter a dose more than 0 and at most 120 mg."));
                }
            }
            if (problems.size() == before) {
                drugs.add(new DrugToGive(row.agent(), row.doseMg(), row.strengthPercent(), row.volumeMl()));
            }
        }
        if (problems.isEmpty() && drugs.isEmpty()) {
            problems.add(new FieldProblem("drugs[0].agent", "Give the drugs about to be given."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(drugs);
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** One row of the time-out form as typed. */
    public record Row(InjectedAgent agent, BigDecimal doseMg, BigDecimal strengthPercent, BigDecimal volumeMl) {

        boolean empty() {
            return agent == null && doseMg == null && strengthPercent == null && volumeMl == null;
        }
    }
}
