package org.synovia.safety;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link LocalPolicy} from {@code synovia.safety.policy}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocalPolicy.class)
class SafetyConfiguration {
}
