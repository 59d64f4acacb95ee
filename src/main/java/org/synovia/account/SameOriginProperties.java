package org.synovia.account;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Origins besides Synovia's own from which staff pages may send state-changing requests (ADR 0062).
 *
 * @param trustedOrigins {@code scheme://host[:port]} of each, for example the public address of a TLS proxy that
 *        does not pass forwarded headers
 */
@ConfigurationProperties("synovia.account.csrf")
record SameOriginProperties(@DefaultValue List<String> trustedOrigins) {

    SameOriginProperties {
        trustedOrigins = trustedOrigins.stream().map(SameOriginFilter::origin).toList();
        if (trustedOrigins.contains(null)) {
            throw new IllegalArgumentException("synovia.account.csrf.trusted-origins: give each as scheme://host[:port]");
        }
    }
}
