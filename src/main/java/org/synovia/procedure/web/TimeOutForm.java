package org.synovia.procedure.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.synovia.procedure.DrugToGive;
import org.synovia.safety.InjectedAgent;

/**
 * The time-out's items and the drugs about to be given, as values; the rows start from the accepted protocol (or the
 * time-out's last run), so only a change is typed. One row more than the protocol names is left empty for an addition.
 */
public class TimeOutForm {

    static final int DRUG_ROWS = 3;

    private List<String> items = new ArrayList<>();
    private List<DrugRow> drugs = new ArrayList<>(List.of(new DrugRow(), new DrugRow(), new DrugRow()));

    static TimeOutForm startingFrom(List<DrugToGive> drugs) {
        TimeOutForm form = new TimeOutForm();
        for (int i = 0; i < drugs.size() && i < DRUG_ROWS; i++) {
            DrugToGive drug = drugs.get(i);
            DrugRow row = form.drugs.get(i);
            row.setAgent(drug.agent());
            row.setDoseMg(drug.doseMg());
            row.setStrengthPercent(drug.strengthPercent());
            row.setVolumeMl(drug.volumeMl());
        }
        return form;
    }

    List<DrugToGive.Row> rows() {
        return drugs.stream().map(d -> new DrugToGive.Row(d.agent, d.doseMg, d.strengthPercent, d.volumeMl)).toList();
    }

    /** One drug about to be given: agent, dose (mg), strength (%) and volume (mL). */
    public static class DrugRow {
        private InjectedAgent agent;
        private BigDecimal doseMg;
        private BigDecimal strengthPercent;
        private BigDecimal volumeMl;

        public InjectedAgent getAgent() { return agent; }
        public void setAgent(InjectedAgent agent) { this.agent = agent; }
        public BigDecimal getDoseMg() { return doseMg; }
        public void setDoseMg(BigDecimal doseMg) { this.doseMg = doseMg; }
        public BigDecimal getStrengthPercent() { return strengthPercent; }
        public void setStrengthPercent(BigDecimal strengthPercent) { this.strengthPercent = strengthPercent; }
        public BigDecimal getVolumeMl() { return volumeMl; }
        public void setVolumeMl(BigDecimal volumeMl) { this.volumeMl = volumeMl; }
    }

    public List<String> getItems() { return items; }
    public void setItems(List<String> items) { this.items = items; }
    public List<DrugRow> getDrugs() { return drugs; }
    public void setDrugs(List<DrugRow> drugs) { this.drugs = drugs; }
}
