package org.synovia.procedure;

import java.util.ArrayList;
import java.util.List;

import org.synovia.shared.Secrets;

/**
 * What the patient is asked to agree to: the procedure, its benefits, the risks from the catalogue for
 * this site and these drugs (facts §5), and the alternatives. The text is built by one versioned recipe and
 * stored word for word with its SHA-256, so the record shows exactly what was agreed.
 */
public record ConsentDocument(String version, String procedure, List<ConsentRisk> risks, String text, String sha256) {

    /** Change the version whenever the wording below or in {@link ConsentRisk} changes. */
    static final String VERSION = "consent-v1";
    static final String BENEFITS = "The steroid aims to ease pain and swelling for weeks to months; the local anaesthetic "
            + "numbs the area for a few hours and can show whether this spot is the source of the pain.";
    static final List<String> ALTERNATIVES = List.of("An injection without imaging guidance (by feel)",
            "Physiotherapy and exercise", "Pain relief by mouth or on the skin", "No injection");

    public ConsentDocument {
        risks = List.copyOf(risks);
    }

    /** The facts that decide which risks apply. */
    record Facts(boolean joint, boolean tendon, boolean steroid, boolean localAnaesthetic, boolean diabetic,
            boolean onAntithrombotic, boolean superficial) {
    }

    static List<ConsentRisk> risksFor(Facts f) {
        List<ConsentRisk> risks = new ArrayList<>(List.of(ConsentRisk.INFECTION, ConsentRisk.BLEEDING, ConsentRisk.ALLERGIC_REACTION));
        if (f.localAnaesthetic()) {
            risks.add(ConsentRisk.NUMBNESS_WEAKNESS);
        }
        if (f.steroid()) {
            risks.add(ConsentRisk.FLARE);
            risks.add(ConsentRisk.SKIN_THINNING);
            if (f.superficial()) {
                risks.add(ConsentRisk.FAT_LOSS);
            }
            risks.add(ConsentRisk.FACIAL_FLUSHING);
            if (f.diabetic()) {
                risks.add(ConsentRisk.GLUCOSE_RISE);
            }
            if (f.tendon()) {
                risks.add(ConsentRisk.TENDON_RUPTURE);
            }
            if (f.joint()) {
                risks.add(ConsentRisk.CRYSTAL_FLARE);
            }
        }
        if (f.joint() && f.onAntithrombotic()) {
            risks.add(ConsentRisk.BLEEDING_INTO_JOINT);
        }
        return risks;
    }

    static ConsentDocument of(String procedure, Facts facts) {
        List<ConsentRisk> risks = risksFor(facts);
        StringBuilder text = new StringBuilder();
        text.append("Procedure: ").append(procedure).append('\n');
        text.append("Benefits: ").append(BENEFITS).append('\n');
        text.append("Risks:\n");
        risks.forEach(r -> text.append("- ").append(r.risk()).append(": ").append(r.rate()).append('\n'));
        text.append("Alternatives:\n");
        ALTERNATIVES.forEach(a -> text.append("- ").append(a).append('\n'));
        text.append("I understand the above, have had the chance to ask questions, and agree to the procedure.");
        String body = text.toString();
        return new ConsentDocument(VERSION, procedure, risks, body, Secrets.sha256Hex(body));
    }

    /** Refuses, beside {@code field}, an agreement or refusal to a text other than this one (another protocol, a new version). */
    void checkShown(String shownSha256, String field) {
        if (!sha256.equals(shownSha256)) {
            throw new org.synovia.shared.InvalidInputException(field,
                    "The consent text has changed since it was shown; read the new text to the patient.");
        }
    }

    /** A recorded consent. */
    public record Given(String version, String text, String sha256, java.time.Instant takenAt, String takenBy) {
    }

    /**
     * The patient refused the procedure, or withdrew consent given earlier: why, who recorded it and when, with
     * the exact text they had been shown. The procedure stops there.
     */
    public record Refusal(Kind kind, String reason, String version, String text, String sha256, java.time.Instant recordedAt,
            String recordedBy) {

        /** Where the visit stands once this is recorded: it stops either way. */
        VisitStatus stops() {
            return kind == Kind.REFUSED ? VisitStatus.CONSENT_REFUSED : VisitStatus.CONSENT_WITHDRAWN;
        }

        public enum Kind {
            REFUSED("Consent refused"),
            WITHDRAWN("Consent withdrawn");

            private final String label;

            Kind(String label) {
                this.label = label;
            }

            public String label() {
                return label;
            }
        }
    }
}
