package org.synovia.fhir.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether {@code /fhir} is served at all (a site without hospital integrations may turn it off)
 * @param slotSearchDays how far ahead a Slot search without a start date looks
 */
@ConfigurationProperties("synovia.fhir")
record FhirProperties(@DefaultValue("true") boolean enabled, @DefaultValue("28") int slotSearchDays) {

    FhirProperties {
        if (slotSearchDays < 1 || slotSearchDays > 366) {
            throw new IllegalArgumentException("synovia.fhir.slot-search-days must be between 1 and 366");
        }
    }
}
