package org.synovia.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who the injection service is, as every letter, report, leaflet and patient page prints it: a patient with a
 * red flag needs a number to call, and a referrer needs to know whose report it is.
 *
 * @param name the service's name, e.g. "Musculoskeletal Injection Service, Radiology"
 * @param address one line, e.g. "St Elsewhere Hospital, Hospital Road, Anytown AB1 2CD"; empty when not set
 * @param telephone the department's number for questions and changes; empty when not set
 * @param onCallTelephone the number a patient calls with a red flag out of hours; empty when not set
 */
@ConfigurationProperties("synovia.service")
public record ServiceIdentity(@DefaultValue("Image-guided injection service") String name, @DefaultValue("") String address,
        @DefaultValue("") String telephone, @DefaultValue("") String onCallTelephone) {

    public ServiceIdentity {
        name = checked("name", name, 120);
        address = checked("address", address, 200);
        telephone = checked("telephone", telephone, 40);
        onCallTelephone = checked("on-call-telephone", onCallTelephone, 40);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("synovia.service.name must not be empty");
        }
    }

    /** How emails to patients and referrers end: the name, then the address and telephone where set. */
    public String signature() {
        return name + "\n" + (address.isEmpty() ? "" : address + "\n") + (hasTelephone() ? "Telephone " + telephone + "\n" : "");
    }

    public boolean hasTelephone() {
        return !telephone.isEmpty();
    }

    public boolean hasOnCallTelephone() {
        return !onCallTelephone.isEmpty();
    }

    private static String checked(String key, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() > max || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("synovia.service." + key + " must be one line of at most " + max + " characters");
        }
        return stripped;
    }
}
