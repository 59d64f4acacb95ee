package org.synovia.catalogue;

import java.util.List;

import org.synovia.shared.Guidance;

/**
 * A place the service injects.
 *
 * @param usualGuidance the modality this site is normally injected under
 * @param otherGuidance recognised alternatives, landmark (palpation) among them where suitable
 * @param lateral whether the referral must say left, right or both
 * @param spinalLevel whether the referral must name a spinal level (e.g. L4/5)
 * @param jointSize drives the usual steroid dose range (facts ST-01..03)
 * @param bleedingClass drives the procedure bleeding-risk category (facts PR-01..05)
 * @param snomedCode SNOMED CT body structure, where the source register gives one (row in {@code snomedFactRow})
 * @param namedOnServicePages whether the service's own public pages name this site
 */
public record InjectionSite(String code, String name, String region, Structure structure, Guidance usualGuidance,
        List<Guidance> otherGuidance, boolean lateral, boolean spinalLevel, JointSize jointSize,
        BleedingClass bleedingClass, String snomedCode, String snomedFactRow, boolean namedOnServicePages) {

    public InjectionSite {
        otherGuidance = List.copyOf(otherGuidance);
    }

    public enum Structure { JOINT, BURSA, TENDON, TENDON_SHEATH, FASCIA, NERVE }

    public enum JointSize { SMALL, MEDIUM, LARGE, SOFT_TISSUE, SPINE }

    /** The procedure classes that bleeding-risk guidance distinguishes (facts PR-01..05). */
    public enum BleedingClass { PERIPHERAL, SOFT_TISSUE, THORACOLUMBAR_FACET, CERVICAL_FACET, SACROILIAC }

    public boolean offers(Guidance guidance) {
        return usualGuidance == guidance || otherGuidance.contains(guidance);
    }
}
