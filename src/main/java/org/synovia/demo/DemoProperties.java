package org.synovia.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled create demo accounts and data at start-up
 * @param password the password of every demo account, printed at start-up
 */
@ConfigurationProperties("synovia.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("synovia-demo") String password) {
}
