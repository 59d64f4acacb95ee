package org.synovia.referral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.synovia.catalogue.Catalogue;
import org.synovia.catalogue.InjectionSite;
import org.synovia.catalogue.ProtocolTemplate;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.safety.AllergyCategory;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.Medicine;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.PlannedProcedure;
import org.synovia.safety.PregnancyStatus;
import org.synovia.safety.PreviousInjection;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.SafetyChecks;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.SiteFacts;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.Sex;
import org.synovia.shared.YesNoUnknown;

/**
 * Turns what a referral says into the safety engine's input and asks the engine. At referral the
 * procedure is the site's usual template without a date; vetting passes its own protocol, booking the
 * date. The engine itself lives in {@code org.synovia.safety} and knows nothing of referrals.
 */
@Service
public class ReferralSafety {

    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    private final SafetyChecks safety;
    private final Patients patients;
    private final Catalogue catalogue;

    ReferralSafety(SafetyChecks safety, Patients patients, Catalogue catalogue) {
        this.safety = safety;
        this.patients = patients;
        this.catalogue = catalogue;
    }

    /** The referral checked against its site's usual procedure, date not yet known. */
    public SafetyAssessment assess(ReferralDetails details) {
        return safety.assess(input(details, requestedProcedure(details)));
    }

    /** The referral checked against a given procedure (a vetting protocol, a booked date). */
    public SafetyAssessment assess(ReferralDetails details, PlannedProcedure procedure) {
        return safety.assess(input(details, procedure));
    }

    public SafetyInput input(ReferralDetails d, PlannedProcedure procedure) {
        return input(d, patients.find(new PatientId(d.patientId())).orElseThrow(), procedure);
    }

    /** As above, for the referral's patient the caller has read already (a list reads them all at once). */
    public SafetyInput input(ReferralDetails d, Patient patient, PlannedProcedure procedure) {
        return new SafetyInput(patientFacts(d, patient.dateOfBirth(), patient.sex()), medicines(d),
                d.previousInjections().stream().map(ReferralSafety::previousInjection).toList(), List.of(), procedure);
    }

    /**
     * The one mapping of a referral's clinical facts into the engine's patient facts, used by the form, vetting,
     * HL7, FHIR and CDS Hooks alike. A yes/no question keeps its three values; a question the referral does not
     * answer stays "not known" (ADR 0031).
     */
    public static PatientFacts patientFacts(ReferralDetails d, LocalDate dateOfBirth, Sex sex) {
        PatientFacts.Builder facts = PatientFacts.builder()
                .dateOfBirth(dateOfBirth)
                .sex(sex)
                .weightKg(d.weightKg() == null ? null : d.weightKg().doubleValue())
                .heightCm(d.heightCm() == null ? null : d.heightCm().doubleValue())
                .diabetes(d.diabetes() == null ? null : switch (d.diabetes()) {
                    case NONE -> org.synovia.safety.DiabetesType.NONE;
                    case TYPE_1 -> org.synovia.safety.DiabetesType.TYPE_1;
                    case TYPE_2 -> org.synovia.safety.DiabetesType.TYPE_2;
                    case OTHER -> org.synovia.safety.DiabetesType.OTHER;
                }, d.takesInsulin(), d.hba1cMmolPerMol())
                .allergies(d.allergies().stream().map(ReferralSafety::allergy).toList())
                .pregnancy(d.pregnancy() == null ? null : switch (d.pregnancy()) {
                    case NOT_APPLICABLE -> PregnancyStatus.NOT_APPLICABLE;
                    case NOT_PREGNANT -> PregnancyStatus.NOT_PREGNANT;
                    case POSSIBLE -> PregnancyStatus.POSSIBLE;
                    case PREGNANT -> PregnancyStatus.PREGNANT;
                    case NOT_RECORDED -> PregnancyStatus.NOT_RECORDED;
                }, null)
                .menstrualCycle(d.lastMenstrualPeriod(), null)
                .childbearingPotential(childbearingPotential(d))
                .infectionAtSite(d.infectionAtSite())
                .systemicInfection(d.systemicInfection())
                .suspectedSepticJoint(d.suspectedSepticJoint())
                .prostheticJointAtSite(d.prostheticJointAtSite())
                .previousContrastReaction(d.previousContrastReaction())
                .bleedingRiskFactors(new PatientFacts.BleedingRiskFactors(d.olderAge(), d.bleedingTendency(),
                        d.advancedLiverDisease(), d.advancedRenalDisease()))
                .thromboticRisk(new PatientFacts.ThromboticRiskMarkers(d.thromboticRisk().mechanicalHeartValve(),
                        d.thromboticRisk().coronaryStentDate(), YesNoUnknown.of(d.antithrombotics().stream()
                                .filter(m -> m.drug().kind() == org.synovia.shared.Antithrombotic.Kind.ANTIPLATELET).count() >= 2),
                        d.thromboticRisk().lastVteDate(), d.thromboticRisk().lastStrokeDate()));
        if (d.inrValue() != null && d.inrDate() != null) {
            facts.latestInr(new PatientFacts.InrResult(d.inrValue().doubleValue(), d.inrDate()));
        }
        if (d.plannedReplacementDate() != null && d.siteCode() != null) {
            facts.plannedJointReplacement(new PatientFacts.PlannedJointReplacement(d.plannedReplacementDate(), d.siteCode(),
                    d.laterality(), d.plannedReplacementSurgeonName(), d.plannedReplacementSurgeonEmail()));
        }
        if (d.creatinineUmolPerL() != null) {
            facts.creatinine(d.creatinineUmolPerL(), d.renalTestDate());
        }
        else if (d.egfr() != null) {
            // eGFR stands in for creatinine clearance only when no creatinine is given (facts AC-41 asks for
            // Cockcroft–Gault); the finding names the value used.
            facts.creatinineClearanceMlPerMin(d.egfr().doubleValue());
        }
        return facts.build();
    }

    /** The blood thinners a referral lists, as the engine reads them. */
    public static List<Medicine> medicines(ReferralDetails d) {
        return d.antithrombotics().stream().map(ReferralSafety::medicine).toList();
    }

    /**
     * Childbearing potential as answered; otherwise what the pregnancy answer implies ("cannot be pregnant" is
     * no, any other answer yes). Never assumed from sex or age here: without an answer it is not known.
     */
    private static YesNoUnknown childbearingPotential(ReferralDetails d) {
        if (d.childbearingPotential().known() || d.pregnancy() == null || d.pregnancy() == PregnancyPossibility.NOT_RECORDED) {
            return d.childbearingPotential();
        }
        return d.pregnancy() == PregnancyPossibility.NOT_APPLICABLE ? YesNoUnknown.NO : YesNoUnknown.YES;
    }

    /**
     * The site's usual procedure for what the referrer asked, without a date: every target of the session with
     * the usual drugs and volumes for its own site and request, so that the engine adds the local anaesthetic of
     * all of them (HAZ-85). The guidance and contrast are the main target's.
     */
    public PlannedProcedure requestedProcedure(ReferralDetails d) {
        InjectionSite site = catalogue.site(d.siteCode()).orElseThrow();
        ProtocolTemplate template = usualTemplate(site, d.requestedInjectate(), d.intent());
        List<PlannedProcedure.Target> further = d.additionalTargets().stream().map(t -> {
            InjectionSite targetSite = catalogue.site(t.siteCode()).orElseThrow();
            return new PlannedProcedure.Target(targetSite.code(), SiteFacts.from(targetSite), t.laterality(), t.spinalLevel(),
                    usualDrugs(usualTemplate(targetSite, t.requestedInjectate(), d.intent()), t.requestedInjectate()));
        }).toList();
        return PlannedProcedure.builder(site.code(), SiteFacts.from(site), template.guidance()).side(d.laterality())
                .spinalLevel(d.spinalLevel()).drugs(usualDrugs(template, d.requestedInjectate()))
                .contrast(template.contrast()).additionalTargets(further).build();
    }

    private static ProtocolTemplate usualTemplate(InjectionSite site, RequestedInjectate requested, Intent intent) {
        boolean steroid = requested == RequestedInjectate.CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC
                || requested == RequestedInjectate.RADIOLOGIST_TO_ADVISE;
        return ProtocolTemplate.forSite(site, steroid, intent != Intent.THERAPEUTIC);
    }

    private static List<PlannedDrug> usualDrugs(ProtocolTemplate template, RequestedInjectate requested) {
        List<PlannedDrug> drugs = new ArrayList<>();
        if (template.corticosteroidDoseMg() != null) {
            drugs.add(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, template.corticosteroidDoseMg().doubleValue()));
        }
        if (requested == RequestedInjectate.HYALURONAN) {
            drugs.add(new PlannedDrug(InjectedAgent.HYALURONAN, null, null, null, null, false));
        }
        localAnaesthetic(template.localAnaesthetic() + " " + template.localAnaestheticPercent() + "%",
                template.localAnaestheticMl()).ifPresent(drugs::add);
        return drugs;
    }

    /** A local anaesthetic from words like "Lidocaine 1%" and a volume; empty when neither is known. */
    public static Optional<PlannedDrug> localAnaesthetic(String text, BigDecimal volumeMl) {
        if (text == null || volumeMl == null) {
            return Optional.empty();
        }
        InjectedAgent agent = agentFrom(text);
        if (agent == null || !agent.localAnaesthetic()) {
            return Optional.empty();
        }
        Matcher percent = PERCENT.matcher(text);
        return Optional.of(percent.find()
                ? PlannedDrug.localAnaesthetic(agent, Double.parseDouble(percent.group(1)), volumeMl.doubleValue())
                : new PlannedDrug(agent, null, null, null, volumeMl.doubleValue(), false));
    }

    /** The injected agent a free-text drug name means, or null when it cannot tell. */
    public static InjectedAgent agentFrom(String text) {
        if (text == null) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("hexacetonide")) {
            return InjectedAgent.TRIAMCINOLONE_HEXACETONIDE;
        }
        if (t.contains("triamcinolone") || t.contains("kenalog") || t.contains("adcortyl")) {
            return InjectedAgent.TRIAMCINOLONE_ACETONIDE;
        }
        if (t.contains("methylpred") || t.contains("depo-medrone") || t.contains("depomedrone")) {
            return InjectedAgent.METHYLPREDNISOLONE_ACETATE;
        }
        if (t.contains("prednisolone")) {
            return InjectedAgent.PREDNISOLONE_ACETATE;
        }
        if (t.contains("hydrocortisone")) {
            return InjectedAgent.HYDROCORTISONE_ACETATE;
        }
        if (t.contains("dexamethasone")) {
            return InjectedAgent.DEXAMETHASONE;
        }
        if (t.contains("levobupivacaine") || t.contains("chirocaine")) {
            return InjectedAgent.LEVOBUPIVACAINE;
        }
        if (t.contains("bupivacaine") || t.contains("marcain")) {
            return InjectedAgent.BUPIVACAINE;
        }
        if (t.contains("lidocaine") || t.contains("lignocaine")) {
            return InjectedAgent.LIDOCAINE;
        }
        if (t.contains("hyalur") || t.contains("ostenil") || t.contains("durolane") || t.contains("synvisc")) {
            return InjectedAgent.HYALURONAN;
        }
        return null;
    }

    private static org.synovia.safety.PatientFacts.Allergy allergy(ReferralDetails.Allergy a) {
        AllergyCategory category = switch (a.category()) {
            case LOCAL_ANAESTHETIC -> AllergyCategory.LOCAL_ANAESTHETIC;
            case CORTICOSTEROID -> AllergyCategory.CORTICOSTEROID;
            case IODINATED_CONTRAST -> AllergyCategory.IODINATED_CONTRAST;
            case LATEX -> AllergyCategory.LATEX;
            case OTHER -> otherAllergy(a.agent());
        };
        return new PatientFacts.Allergy(category, a.agent(), a.reaction());
    }

    /** Shellfish and povidone-iodine allergies are told apart because neither bars contrast (facts CM-03). */
    private static AllergyCategory otherAllergy(String agent) {
        String t = agent == null ? "" : agent.toLowerCase(Locale.ROOT);
        if (t.contains("shellfish") || t.contains("seafood") || t.contains("prawn") || t.contains("crab")) {
            return AllergyCategory.SHELLFISH;
        }
        if (t.contains("povidone") || t.contains("betadine")) {
            return AllergyCategory.POVIDONE_IODINE;
        }
        return AllergyCategory.OTHER;
    }

    private static Medicine medicine(ReferralDetails.AntithromboticMedicine m) {
        List<LocalTime> times = new ArrayList<>();
        if (m.doseTimes() != null && m.doseTimes().matches("\\d{2}:\\d{2}(\\s*,\\s*\\d{2}:\\d{2})*")) {
            for (String time : m.doseTimes().split("\\s*,\\s*")) {
                times.add(LocalTime.parse(time.strip()));
            }
        }
        // The engine needs one time per daily dose; anything else falls back to its default times.
        if (m.frequency() == DoseFrequency.OTHER || times.size() != m.frequency().dosesPerDay()
                || times.stream().distinct().count() != times.size()) {
            times = List.of();
        }
        Matcher number = NUMBER.matcher(m.dose() == null ? "" : m.dose());
        Double mg = number.find() && m.dose().toLowerCase(Locale.ROOT).contains("mg") ? Double.valueOf(number.group(1)) : null;
        return new Medicine(m.drug(), m.drug().label(), mg, m.dose(), m.frequency(), times, null);
    }

    private static PreviousInjection previousInjection(ReferralDetails.PreviousInjection p) {
        Matcher mg = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*mg").matcher(p.drug() == null ? "" : p.drug().toLowerCase(Locale.ROOT));
        return new PreviousInjection(p.siteCode(), p.laterality(), p.date(), agentFrom(p.drug()),
                mg.find() ? Double.valueOf(mg.group(1)) : null);
    }
}
