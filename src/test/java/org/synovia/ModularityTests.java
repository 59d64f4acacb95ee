package org.synovia;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SynoviaApplication.class);

    @Test
    void keepsModuleBoundaries() {
        modules.verify();
    }
}
