package org.synovia.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.synovia.safety.InjectedAgent;

/**
 * Two diagnostic blocks of one target in one patient read as a comparative pair (ADR 0038). Each block's best
 * relief is read against both published criteria, because the sources differ: ≥ 50% after a block (consensus,
 * facts DX-01, DX-03, DX-04; one block may suffice) and ≥ 80% on two comparative blocks whose relief lasts as
 * long as each block's local anaesthetic (SIS, CMS; DX-02, DX-05). A duration the pain scores do not yet reach
 * is "not yet known", never "does not fit".
 */
public final class ComparativeBlocks {

    /** Lidocaine lasts about 1–2 hours (facts LA-01, DX-05). */
    static final int LIDOCAINE_MIN_MINUTES = 60;
    static final int LIDOCAINE_MAX_MINUTES = 120;
    /** Bupivacaine lasts about 4–8 hours (facts LA-02, DX-05); levobupivacaine behaves like it (LA-03). */
    static final int BUPIVACAINE_MIN_MINUTES = 240;
    static final int BUPIVACAINE_MAX_MINUTES = 480;

    private ComparativeBlocks() {
    }

    /** The injected target: a site code, a side, and the spinal level where one was given. */
    public record Target(String siteCode, String side, String spinalLevel) {

        public Target {
            Objects.requireNonNull(siteCode, "siteCode");
            Objects.requireNonNull(side, "side");
        }

        /** The same target; a level given on only one of the two does not tell them apart. */
        boolean same(Target other) {
            return siteCode.equals(other.siteCode) && side.equals(other.side)
                    && (spinalLevel == null || other.spinalLevel == null || spinalLevel.equals(other.spinalLevel));
        }
    }

    /**
     * One signed diagnostic block.
     *
     * @param label how the reading names it, e.g. "Block of 2026-03-02"
     * @param reliefPercent the best relief of its timed pain scores
     * @param reliefLastedMinutes minutes after the injection of the last score with relief at or above the
     *        diagnostic threshold, once a later score shows it has worn off; null while not yet known
     * @param anaesthetic the local anaesthetic given, or null when none (or more than one) was recognised
     */
    public record Block(String label, Target target, int reliefPercent, Integer reliefLastedMinutes,
            InjectedAgent anaesthetic) {

        public Block {
            Objects.requireNonNull(target, "target");
            if (anaesthetic != null && !anaesthetic.localAnaesthetic()) {
                throw new IllegalArgumentException(anaesthetic.label() + " is not a local anaesthetic");
            }
        }

        /** The block as its record and pain scores show it. */
        public static Block of(String label, Target target, PainResponse response, List<DrugGiven> drugs) {
            int best = response.best().map(response::reliefPercent).orElse(0);
            return new Block(label, target, best, reliefLasted(response), ComparativeBlocks.anaesthetic(drugs));
        }
    }

    /** How the observed relief compares with the anaesthetic's expected duration. */
    public enum DurationFit {
        WITHIN("within"), SHORTER("shorter than"), LONGER("longer than"), NOT_YET_KNOWN("not yet known against");

        private final String words;

        DurationFit(String words) {
            this.words = words;
        }
    }

    /** Whether the two durations are consistent with the anaesthetics given (DX-02, DX-05). */
    public enum Concordance { CONCORDANT, DISCORDANT, NOT_YET_KNOWN }

    /** What follows from the pair. */
    public enum Conclusion { POSITIVE_DUAL, POSITIVE_CONSENSUS, NEGATIVE }

    /** One block as read: its relief against both thresholds and its duration against its anaesthetic. */
    public record BlockReading(Block block, boolean meetsDiagnostic, boolean meetsDual, DurationFit fit, String line) {
    }

    /** The pair as read, with both criteria side by side and what follows, in words. */
    public record Reading(BlockReading earlier, BlockReading later, Concordance concordance, boolean dualMet,
            boolean consensusMet, Conclusion conclusion, List<String> lines) {
    }

    /** Reads two blocks of one target, the earlier first. */
    public static Reading read(Block earlier, Block later, ReliefThresholds thresholds) {
        if (!earlier.target().same(later.target())) {
            throw new IllegalArgumentException("comparative blocks are of one target");
        }
        BlockReading first = blockReading(earlier, thresholds);
        BlockReading second = blockReading(later, thresholds);
        Concordance concordance = concordance(first, second);
        boolean dual = first.meetsDual() && second.meetsDual() && concordance == Concordance.CONCORDANT;
        boolean consensus = first.meetsDiagnostic() && second.meetsDiagnostic();
        Conclusion conclusion = dual ? Conclusion.POSITIVE_DUAL : consensus ? Conclusion.POSITIVE_CONSENSUS : Conclusion.NEGATIVE;

        List<String> lines = new ArrayList<>();
        lines.add(first.line());
        lines.add(second.line());
        lines.add("Duration: " + switch (concordance) {
            case CONCORDANT -> "concordant with the anaesthetics given (facts DX-05).";
            case DISCORDANT -> "discordant with the anaesthetics given (facts DX-05).";
            case NOT_YET_KNOWN -> "not yet known; the pain scores do not yet show when the relief wore off, or an "
                    + "anaesthetic was not recognised (facts DX-05).";
        });
        lines.add("≥ " + thresholds.dualBlockPercent() + "% on both blocks with concordant duration (SIS, CMS; facts DX-02): "
                + (dual ? "met" : "not met" + dualShortfall(first, second, concordance)) + ".");
        lines.add("≥ " + thresholds.diagnosticPercent() + "% on both blocks (consensus; facts DX-01): "
                + (consensus ? "met" : "not met") + ".");
        lines.add("Reading: " + switch (conclusion) {
            case POSITIVE_DUAL -> "positive dual comparative block (SIS/CMS criterion, DX-02).";
            case POSITIVE_CONSENSUS -> "positive by the ≥ " + thresholds.diagnosticPercent()
                    + "% consensus threshold (DX-01) — a single positive block may suffice under that criterion.";
            case NEGATIVE -> "negative.";
        } + " The sources differ; both criteria are shown.");
        return new Reading(first, second, concordance, dual, consensus, conclusion, List.copyOf(lines));
    }

    private static String dualShortfall(BlockReading first, BlockReading second, Concordance concordance) {
        if (!first.meetsDual() || !second.meetsDual()) {
            return "";
        }
        return concordance == Concordance.DISCORDANT ? " (relief ≥ the threshold on both, but the duration is discordant)"
                : " yet (relief ≥ the threshold on both; the duration is not yet known)";
    }

    private static BlockReading blockReading(Block block, ReliefThresholds thresholds) {
        boolean diagnostic = block.reliefPercent() >= thresholds.diagnosticPercent();
        boolean dual = block.reliefPercent() >= thresholds.dualBlockPercent();
        DurationFit fit = fit(block);
        String anaesthetic = block.anaesthetic() == null ? "no recognised local anaesthetic"
                : block.anaesthetic().label() + " (expected " + minMinutes(block.anaesthetic()) + "–"
                        + maxMinutes(block.anaesthetic()) + " min, facts " + (block.anaesthetic() == InjectedAgent.LIDOCAINE
                                ? "LA-01" : block.anaesthetic() == InjectedAgent.BUPIVACAINE ? "LA-02" : "LA-03") + ")";
        String duration = block.reliefLastedMinutes() == null ? "relief duration not yet known"
                : "relief lasted " + block.reliefLastedMinutes() + " min";
        String line = block.label() + ": " + block.reliefPercent() + "% relief (≥ " + thresholds.diagnosticPercent() + "%: "
                + (diagnostic ? "yes" : "no") + "; ≥ " + thresholds.dualBlockPercent() + "%: " + (dual ? "yes" : "no")
                + "); " + anaesthetic + "; " + duration + (block.anaesthetic() == null || block.reliefLastedMinutes() == null
                        ? "" : ", " + fit.words + " its expected duration") + ".";
        return new BlockReading(block, diagnostic, dual, fit, line);
    }

    static DurationFit fit(Block block) {
        if (block.anaesthetic() == null || block.reliefLastedMinutes() == null) {
            return DurationFit.NOT_YET_KNOWN;
        }
        int lasted = block.reliefLastedMinutes();
        if (lasted < minMinutes(block.anaesthetic())) {
            return DurationFit.SHORTER;
        }
        return lasted > maxMinutes(block.anaesthetic()) ? DurationFit.LONGER : DurationFit.WITHIN;
    }

    /**
     * Concordant when each relief lasts within its anaesthetic's range, or, with a short- and a long-acting
     * anaesthetic, when the short-acting block's relief wears off first (DX-02, DX-05).
     */
    private static Concordance concordance(BlockReading first, BlockReading second) {
        if (first.fit() == DurationFit.NOT_YET_KNOWN || second.fit() == DurationFit.NOT_YET_KNOWN) {
            return Concordance.NOT_YET_KNOWN;
        }
        if (first.fit() == DurationFit.WITHIN && second.fit() == DurationFit.WITHIN) {
            return Concordance.CONCORDANT;
        }
        Block a = first.block();
        Block b = second.block();
        boolean aShort = shortActing(a.anaesthetic());
        if (aShort != shortActing(b.anaesthetic())) {
            Block shortBlock = aShort ? a : b;
            Block longBlock = aShort ? b : a;
            return shortBlock.reliefLastedMinutes() < longBlock.reliefLastedMinutes() ? Concordance.CONCORDANT
                    : Concordance.DISCORDANT;
        }
        return Concordance.DISCORDANT;
    }

    private static boolean shortActing(InjectedAgent anaesthetic) {
        return anaesthetic == InjectedAgent.LIDOCAINE;
    }

    static int minMinutes(InjectedAgent anaesthetic) {
        return shortActing(anaesthetic) ? LIDOCAINE_MIN_MINUTES : BUPIVACAINE_MIN_MINUTES;
    }

    static int maxMinutes(InjectedAgent anaesthetic) {
        return shortActing(anaesthetic) ? LIDOCAINE_MAX_MINUTES : BUPIVACAINE_MAX_MINUTES;
    }

    /**
     * Minutes of the last score at or above the diagnostic threshold, once a later score falls below it; null
     * while the last score still shows that relief (not yet known). 0 when no score reached the threshold.
     */
    static Integer reliefLasted(PainResponse response) {
        Integer lastRelieved = null;
        boolean woreOff = false;
        for (PainScore score : response.scores()) {
            if (response.reliefPercent(score) >= response.thresholds().diagnosticPercent()) {
                lastRelieved = score.minutesAfter();
                woreOff = false;
            }
            else if (lastRelieved != null) {
                woreOff = true;
            }
        }
        if (lastRelieved == null) {
            return response.scores().isEmpty() ? null : 0;
        }
        return woreOff ? lastRelieved : null;
    }

    /** The one local anaesthetic among the drugs given; null when none or more than one is recognised. */
    static InjectedAgent anaesthetic(List<DrugGiven> drugs) {
        List<InjectedAgent> found = drugs.stream().map(d -> agentOf(d.product())).flatMap(Optional::stream).distinct().toList();
        return found.size() == 1 ? found.getFirst() : null;
    }

    private static Optional<InjectedAgent> agentOf(String product) {
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (p.contains("levobupivacaine") || p.contains("chirocaine")) {
            return Optional.of(InjectedAgent.LEVOBUPIVACAINE);
        }
        if (p.contains("bupivacaine") || p.contains("marcain")) {
            return Optional.of(InjectedAgent.BUPIVACAINE);
        }
        if (p.contains("lidocaine") || p.contains("lignocaine")) {
            return Optional.of(InjectedAgent.LIDOCAINE);
        }
        return Optional.empty();
    }
}
