package org.synovia.outcomes.synthetic;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/** Runs the generator at start when {@code synovia.synthetic.procedures} is above 0, and exits when asked to. */
@Component
@ConditionalOnExpression("${synovia.synthetic.procedures:0} > 0")
class SyntheticDataRunner implements ApplicationRunner {

    private final SyntheticData data;
    private final SyntheticProperties properties;
    private final ConfigurableApplicationContext context;

    SyntheticDataRunner(SyntheticData data, SyntheticProperties properties, ConfigurableApplicationContext context) {
        this.data = data;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        data.generate(properties.procedures(), properties.seed(), properties.years(), true, properties.open());
        if (properties.exitWhenDone()) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
