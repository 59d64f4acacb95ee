package org.synovia.catalogue;

import java.math.BigDecimal;

import org.synovia.shared.Guidance;

/**
 * The usual way a site is injected, the starting point of a vetting protocol. Doses sit inside the
 * product ranges for the joint size (facts ST-01: methylprednisolone acetate small joints 4–10 mg,
 * medium 10–40 mg, large 20–80 mg; ST-07: 40 mg for the sacroiliac joint) with usual local-anaesthetic
 * volumes (LA-06: small 0.25–0.5 mL, medium 0.5–1 mL, large 1 mL, hip 4–5 mL of 1% lidocaine). Contrast
 * is proposed under X-ray and CT to confirm the needle tip (CM-01).
 *
 * @param corticosteroidDoseMg null for a local-anaesthetic-only (diagnostic) injection
 */
public record ProtocolTemplate(Guidance guidance, String corticosteroid, BigDecimal corticosteroidDoseMg,
        String localAnaesthetic, BigDecimal localAnaestheticPercent, BigDecimal localAnaestheticMl, boolean contrast,
        int slotMinutes, boolean oneStopEligible) {

    public static final String METHYLPREDNISOLONE = "Methylprednisolone acetate 40 mg/mL";
    public static final String LIDOCAINE = "Lidocaine";
    public static final String BUPIVACAINE = "Bupivacaine";

    /**
     * @param withSteroid false for a diagnostic block with local anaesthetic only
     * @param longActingAnaesthetic bupivacaine for a diagnostic window of hours (facts DX-05), else lidocaine
     */
    public static ProtocolTemplate forSite(InjectionSite site, boolean withSteroid, boolean longActingAnaesthetic) {
        Guidance guidance = site.usualGuidance();
        BigDecimal dose = switch (site.jointSize()) {
            case SMALL -> new BigDecimal("10");
            case MEDIUM, SOFT_TISSUE -> new BigDecimal("20");
            case LARGE, SPINE -> new BigDecimal("40");
        };
        BigDecimal volume = switch (site.jointSize()) {
            case SMALL -> new BigDecimal("0.5");
            case MEDIUM, SOFT_TISSUE, SPINE -> new BigDecimal("1");
            case LARGE -> site.code().equals("HIP_JOINT") ? new BigDecimal("4") : new BigDecimal("1");
        };
        int slot = switch (guidance) {
            case CT -> 45;
            case FLUOROSCOPY -> 30;
            case ULTRASOUND, LANDMARK -> 20;
        };
        return new ProtocolTemplate(guidance, withSteroid ? METHYLPREDNISOLONE : null, withSteroid ? dose : null,
                longActingAnaesthetic ? BUPIVACAINE : LIDOCAINE,
                longActingAnaesthetic ? new BigDecimal("0.25") : new BigDecimal("1"), volume, guidance.ionising(), slot,
                guidance == Guidance.ULTRASOUND && site.jointSize() != InjectionSite.JointSize.SPINE);
    }
}
