package org.synovia.outcomes;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Rebuilds the read model at start when {@code synovia.outcomes.rebuild-at-start} is true. */
@Component
@ConditionalOnBooleanProperty("synovia.outcomes.rebuild-at-start")
class RebuildAtStart implements ApplicationRunner {

    private final Outcomes outcomes;

    RebuildAtStart(Outcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void run(ApplicationArguments args) {
        outcomes.rebuild();
    }
}
