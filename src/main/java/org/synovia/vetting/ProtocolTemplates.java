package org.synovia.vetting;

import java.math.BigDecimal;

import org.synovia.catalogue.InjectionSite;
import org.synovia.referral.Intent;
import org.synovia.referral.RequestedInjectate;
import org.synovia.shared.Guidance;
import org.synovia.waitinglist.Priority;

/**
 * The starting protocol for a site, which the radiologist edits. Doses sit inside the product ranges
 * for the joint size (facts ST-01: methylprednisolone acetate small 4–10 mg, medium 10–40 mg, large
 * 20–80 mg; ST-07: spine 40 mg) and usual local-anaesthetic volumes (LA-06). Contrast is proposed for
 * X-ray and CT guidance to confirm the needle tip (CM-01).
 */
final class ProtocolTemplates {

    private static final String STEROID = "Methylprednisolone acetate 40 mg/mL";
    private static final String LIDOCAINE = "Lidocaine 1%";
    private static final String BUPIVACAINE = "Bupivacaine 0.25%";

    private ProtocolTemplates() {
    }

    static Protocol forSite(InjectionSite site, Intent intent, RequestedInjectate requested, Priority priority) {
        Guidance guidance = site.usualGuidance();
        boolean steroid = requested != RequestedInjectate.LOCAL_ANAESTHETIC_ONLY && requested != RequestedInjectate.HYALURONAN;
        BigDecimal dose = switch (site.jointSize()) {
            case SMALL -> new BigDecimal("10");
            case MEDIUM -> new BigDecimal("20");
            case LARGE, SPINE -> new BigDecimal("40");
            case SOFT_TISSUE -> new BigDecimal("20");
        };
        BigDecimal anaestheticMl = switch (site.jointSize()) {
            case SMALL -> new BigDecimal("0.5");
            case MEDIUM -> new BigDecimal("1");
            case LARGE -> site.code().equals("HIP_JOINT") ? new BigDecimal("4") : new BigDecimal("2");
            case SOFT_TISSUE -> new BigDecimal("1");
            case SPINE -> new BigDecimal("1");
        };
        String anaesthetic = intent == Intent.THERAPEUTIC ? LIDOCAINE : BUPIVACAINE;
        int slot = switch (guidance) {
            case CT -> 45;
            case FLUOROSCOPY -> 30;
            case ULTRASOUND, LANDMARK -> 20;
        };
        return new Protocol(guidance, null, steroid ? STEROID : null, steroid ? dose : null, anaesthetic, anaestheticMl,
                guidance.ionising(), "CONSULTANT", null, slot, priority,
                guidance == Guidance.ULTRASOUND && site.jointSize() != InjectionSite.JointSize.SPINE);
    }
}
