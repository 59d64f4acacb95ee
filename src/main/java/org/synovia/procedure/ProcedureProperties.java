package org.synovia.procedure;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Local choices for the procedure day (documented in docs/configuration.md).
 *
 * @param painScoreMinutes the minutes after the injection at which pain is suggested to be scored, within the
 *        local anaesthetic's window (facts DX-05)
 * @param diagnosticReliefPercent relief at or above this is a positive diagnostic response (facts DX-01, DX-03,
 *        DX-04: 50%)
 * @param dualBlockReliefPercent the stricter criterion for dual comparative medial branch blocks, shown beside it
 *        because sources differ (facts DX-02: 80%)
 * @param localChecks the hospital's own checks (LocSSIPs, facts NS-01) added to each NatSSIPs step
 * @param onCallEmail the clinic's on-call contact, emailed when the day finds a suspected septic joint (facts CI-03);
 *        none by default, and then the page says to phone them
 */
@ConfigurationProperties("synovia.procedure")
public record ProcedureProperties(@DefaultValue({"5", "15", "30"}) List<Integer> painScoreMinutes,
        @DefaultValue("50") int diagnosticReliefPercent, @DefaultValue("80") int dualBlockReliefPercent,
        @DefaultValue LocalChecks localChecks, String onCallEmail) {

    public ProcedureProperties {
        onCallEmail = onCallEmail == null || onCallEmail.isBlank() ? null : onCallEmail.strip();
        if (onCallEmail != null && !onCallEmail.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("synovia.procedure.on-call-email must be an email address");
        }
        painScoreMinutes = List.copyOf(painScoreMinutes);
        if (painScoreMinutes.stream().anyMatch(m -> m == null || m < 1 || m > PainScore.MAX_MINUTES_AFTER)) {
            throw new IllegalArgumentException("synovia.procedure.pain-score-minutes must each be 1 to "
                    + PainScore.MAX_MINUTES_AFTER);
        }
        if (diagnosticReliefPercent < 1 || diagnosticReliefPercent > 100 || dualBlockReliefPercent < 1
                || dualBlockReliefPercent > 100) {
            throw new IllegalArgumentException("synovia.procedure relief thresholds must be 1 to 100 per cent");
        }
    }

    ReliefThresholds thresholds() {
        return new ReliefThresholds(diagnosticReliefPercent, dualBlockReliefPercent);
    }

    /** The wording of each local check, per step, exactly as staff will see it. */
    public record LocalChecks(@DefaultValue List<String> signIn, @DefaultValue List<String> timeOut,
            @DefaultValue List<String> signOut) {

        public LocalChecks {
            signIn = clean(signIn, "sign-in");
            timeOut = clean(timeOut, "time-out");
            signOut = clean(signOut, "sign-out");
        }

        private static List<String> clean(List<String> texts, String step) {
            if (texts == null) {
                return List.of();
            }
            if (texts.stream().anyMatch(t -> t == null || t.isBlank() || t.strip().length() > 300)) {
                throw new IllegalArgumentException("synovia.procedure.local-checks." + step
                        + " items must each have 1 to 300 characters");
            }
            return texts.stream().map(String::strip).toList();
        }

        List<String> of(ChecklistStep step) {
            return switch (step) {
                case SIGN_IN -> signIn;
                case TIME_OUT -> timeOut;
                case SIGN_OUT -> signOut;
            };
        }
    }
}
