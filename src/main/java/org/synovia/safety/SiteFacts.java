package org.synovia.safety;

import org.synovia.catalogue.InjectionSite;
import org.synovia.catalogue.InjectionSite.BleedingClass;
import org.synovia.catalogue.InjectionSite.JointSize;
import org.synovia.catalogue.InjectionSite.Structure;

/**
 * The catalogue facts about the site that the rules use, passed in so that the engine never queries:
 * bleeding class (PR-01..05), joint size (ST-01..03) and structure. Build it with
 * {@link #from(InjectionSite)} from {@code Catalogue.site(code)}.
 */
public record SiteFacts(String name, BleedingClass bleedingClass, JointSize jointSize, Structure structure) {

    public SiteFacts {
        new Checks().required("name", name).required("bleedingClass", bleedingClass).required("jointSize", jointSize)
                .required("structure", structure).orThrow();
    }

    public static SiteFacts from(InjectionSite site) {
        return new SiteFacts(site.name(), site.bleedingClass(), site.jointSize(), site.structure());
    }
}
