package org.synovia.procedure;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.catalogue.Catalogue;
import org.synovia.catalogue.InjectionSite;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralSafety;
import org.synovia.safety.InjectedAgent;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Laterality;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.Protocol;

/**
 * Consent on the day: the text for this patient's procedure (risks for the site and drugs, benefits and
 * alternatives), the patient's agreement to exactly the text shown, or their refusal or withdrawal, which stops the
 * visit (ADR 0015, HAZ-45). Every read and write is audited.
 */
@Service
public class Consents {

    private final ProcedureDay day;
    private final VisitRepository visits;
    private final Catalogue catalogue;
    private final AcceptedProtocols protocols;
    private final AuditTrail audit;
    private final Clock clock;

    Consents(ProcedureDay day, VisitRepository visits, Catalogue catalogue, AcceptedProtocols protocols, AuditTrail audit,
            Clock clock) {
        this.day = day;
        this.visits = visits;
        this.catalogue = catalogue;
        this.protocols = protocols;
        this.audit = audit;
        this.clock = clock;
    }

    /** The consent text for this patient's procedure: risks for the site and drugs, benefits and alternatives. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public ConsentDocument consentDocument(UUID appointmentId) {
        Appointment appointment = day.appointment(appointmentId);
        Referral referral = day.referral(appointment);
        return consentDocument(referral, protocols.forReferral(referral.id()));
    }

    /** The consent text from what a page has read already; not audited here (the page's one line covers it). */
    ConsentDocument consentDocument(VisitFacts facts) {
        return consentDocument(facts.referral(), facts.accepted());
    }

    private ConsentDocument consentDocument(Referral referral, Optional<AcceptedProtocols.AcceptedProtocol> accepted) {
        InjectionSite site = catalogue.site(referral.details().siteCode()).orElseThrow();
        Protocol protocol = accepted
                .orElseThrow(() -> new InvalidInputException("agreed", "No accepted protocol: consent cannot be taken."))
                .protocol();
        boolean steroid = ProcedureDay.present(protocol.corticosteroid())
                && ReferralSafety.agentFrom(protocol.corticosteroid()) != InjectedAgent.HYALURONAN;
        boolean joint = site.structure() == InjectionSite.Structure.JOINT;
        boolean tendon = site.structure() == InjectionSite.Structure.TENDON || site.structure() == InjectionSite.Structure.TENDON_SHEATH;
        boolean superficial = !joint || site.jointSize() == InjectionSite.JointSize.SMALL;
        DiabetesType diabetes = referral.details().diabetes();
        String side = referral.details().laterality() == null ? "" : " (" + referral.details().laterality().label().toLowerCase() + ")";
        String procedure = protocol.guidance().label() + "-guided injection of the " + site.name().toLowerCase() + side
                + (steroid ? " with " + protocol.corticosteroid() : "")
                + (ProcedureDay.present(protocol.localAnaesthetic()) ? " and " + protocol.localAnaesthetic() : "")
                + furtherTargets(protocol);
        // A further target's drugs bring their own risks (HAZ-85).
        steroid = steroid || protocol.targets().stream().anyMatch(t -> t.corticosteroid() != null && t.corticosteroid().steroid());
        boolean localAnaesthetic = ProcedureDay.present(protocol.localAnaesthetic())
                || protocol.targets().stream().anyMatch(t -> t.localAnaesthetic() != null);
        return ConsentDocument.of(procedure, new ConsentDocument.Facts(joint, tendon, steroid,
                localAnaesthetic, diabetes != null && diabetes != DiabetesType.NONE,
                !referral.details().antithrombotics().isEmpty(), superficial));
    }

    /** The further targets of the session with their drugs, as the consent text names them; empty for one target. */
    private String furtherTargets(Protocol protocol) {
        return protocol.targets().stream().map(t -> "; and of the "
                + catalogue.site(t.siteCode()).map(s -> s.name().toLowerCase()).orElse(t.siteCode())
                + (t.side() == null || t.side() == Laterality.NOT_APPLICABLE ? "" : " (" + t.side().label().toLowerCase() + ")")
                + (t.spinalLevel() == null ? "" : " " + t.spinalLevel()) + " with " + t.drugsInWords())
                .collect(Collectors.joining());
    }

    /**
     * Records the patient's agreement to exactly the text shown: {@code shownSha256} is the hash of the text
     * the page showed, and a text changed since (another protocol, a new version) is refused.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public ConsentDocument.Given recordConsent(UUID appointmentId, String shownSha256, boolean agreed) {
        Appointment appointment = day.appointment(appointmentId);
        if (!agreed) {
            throw new InvalidInputException("agreed", "Tick only when the patient agrees; if they do not, do not go on.");
        }
        day.lockCheckedIn(appointmentId, "agreed", "Check the patient in before taking consent.").refuseWhenStopped("agreed");
        ConsentDocument document = consentDocument(appointmentId);
        document.checkShown(shownSha256, "agreed");
        if (!visits.consent(appointmentId, appointment.patientId(), document, clock.instant(), CurrentUser.username())) {
            throw new InvalidInputException("agreed", "Consent is already recorded.");
        }
        audit.record(AuditAction.CREATE, "Consent", appointmentId, appointment.patientId(), document.version() + " " + document.sha256());
        return visits.consent(appointmentId).orElseThrow();
    }

    /**
     * Records that the patient refused the procedure (before consent) or withdrew consent given earlier (before
     * the procedure is done): why, who, when, with the exact text they were shown. The procedure stops: the
     * visit shows it on the day list, and no checklist step, record or signing goes on (ADR 0015, HAZ-45).
     *
     * @param shownSha256 the hash of the consent text the page showed, when consent had not been given
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public ConsentDocument.Refusal refuseConsent(UUID appointmentId, String shownSha256, String reason) {
        Appointment appointment = day.appointment(appointmentId);
        String why = ProcedureDay.text("reason", reason, "Record the patient's reason, in their words, or that they gave none.");
        VisitStatus status = day.lockCheckedIn(appointmentId, "reason", "Check the patient in first.");
        status.refuseWhenStopped("reason");
        if (status == VisitStatus.DONE) {
            throw new InvalidInputException("reason", "The procedure is done; consent can no longer be withdrawn. Add an addendum instead.");
        }
        var given = visits.consent(appointmentId);
        ConsentDocument.Refusal refusal;
        if (given.isPresent()) {
            refusal = new ConsentDocument.Refusal(ConsentDocument.Refusal.Kind.WITHDRAWN, why, given.get().version(),
                    given.get().text(), given.get().sha256(), clock.instant(), CurrentUser.username());
        }
        else {
            ConsentDocument document = consentDocument(appointmentId);
            document.checkShown(shownSha256, "reason");
            refusal = new ConsentDocument.Refusal(ConsentDocument.Refusal.Kind.REFUSED, why, document.version(),
                    document.text(), document.sha256(), clock.instant(), CurrentUser.username());
        }
        if (!visits.refuseConsent(appointmentId, appointment.patientId(), refusal)) {
            throw new InvalidInputException("reason", "The procedure is already stopped.");
        }
        visits.stop(appointmentId, refusal.stops());
        audit.record(AuditAction.CREATE, "ConsentRefusal", appointmentId, appointment.patientId(),
                refusal.kind().label() + ": " + why);
        return visits.consentRefusal(appointmentId).orElseThrow();
    }

    /** The patient's refusal or withdrawal of consent, if any. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public Optional<ConsentDocument.Refusal> consentRefusal(UUID appointmentId) {
        return day.readAudited(appointmentId, "ConsentRefusal", visits::consentRefusal);
    }

    /** The consent the patient gave, if any. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public Optional<ConsentDocument.Given> consent(UUID appointmentId) {
        return day.readAudited(appointmentId, "Consent", visits::consent);
    }
}
