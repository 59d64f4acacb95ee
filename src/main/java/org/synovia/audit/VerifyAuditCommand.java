package org.synovia.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar synovia.jar --verify-audit} (or {@code ops/verify-audit.sh}): checks the audit trail's hash chains
 * and their checkpoints, prints the result and exits, 0 when intact and 3 when not, for a monitoring job.
 */
@Component
class VerifyAuditCommand implements ApplicationRunner {

    static final String OPTION = "verify-audit";
    static final int ALTERED = 3;
    /** What an investigator does with a link of several rows (ADR 0112): the chain cannot say which row changed. */
    static final String SEVERAL_ROWS = "A link covers every row its transaction wrote, so a change is found at the link, not at "
            + "the row: compare the rows it names with a backup or an earlier export of the audit trail to find which one changed.";

    private final AuditIntegrity integrity;
    private final ConfigurableApplicationContext context;

    VerifyAuditCommand(AuditIntegrity integrity, ConfigurableApplicationContext context) {
        this.integrity = integrity;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        AuditIntegrityReport report = integrity.check();
        System.out.println(describe(report));
        System.exit(SpringApplication.exit(context, () -> report.intact() ? 0 : ALTERED));
    }

    static String describe(AuditIntegrityReport report) {
        StringBuilder text = new StringBuilder();
        text.append("Audit trail ").append(report.intact() ? "INTACT" : "ALTERED").append(": ").append(report.links())
                .append(" links in ").append(report.chains()).append(" chains, ").append(report.checkpoints())
                .append(" signed checkpoints checked at ").append(report.checkedAt()).append('\n');
        if (!report.intact()) {
            text.append("First broken link of each chain:\n");
            report.firstProblemPerChain().forEach(problem -> text.append("  ").append(problem).append('\n'));
            if (report.inALinkOfSeveralRows()) {
                text.append(SEVERAL_ROWS).append('\n');
            }
            text.append("Every problem:\n");
        }
        report.problems().forEach(problem -> text.append("  ").append(problem).append('\n'));
        return text.toString();
    }
}
