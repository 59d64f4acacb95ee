package org.synovia.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This running copy of Synovia, as it names itself in the claims it makes on shared rows (an outbound email or
 * HL7 message being sent), so that several instances on one database can tell their claims apart.
 *
 * @param id defaults to the host name, the process id and a random suffix (two containers may both be process 1)
 */
@ConfigurationProperties("synovia.instance")
public record InstanceProperties(String id) {

    public InstanceProperties {
        if (id == null || id.isBlank()) {
            id = hostName() + "-" + ProcessHandle.current().pid() + "-" + Secrets.newToken(3);
        }
        if (id.length() > 100) {
            throw new IllegalArgumentException("synovia.instance.id is longer than 100 characters");
        }
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 60 ? name.substring(0, 60) : name;
        }
        catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
