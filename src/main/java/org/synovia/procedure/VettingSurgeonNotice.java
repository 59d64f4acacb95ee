package org.synovia.procedure;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.synovia.catalogue.Catalogue;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.safety.PatientFacts;
import org.synovia.vetting.JointReplacementTooCloseFound;

/**
 * Tells the surgeon named on the referral when vetting accepts an injection too close to their planned replacement of
 * the same joint (ADR 0044, HAZ-90), through the outbox after vetting commits. The notice is once per referral: its
 * row, keyed by the referral, is claimed first in the listener's transaction, so a run again after a crash, by a
 * second instance or on the procedure day sends nothing more (the same claim-first way as the notification listeners,
 * ADR 0027).
 */
@Component
class VettingSurgeonNotice {

    private final DaySafetyChecks daySafety;
    private final Referrals referrals;
    private final Patients patients;
    private final Catalogue catalogue;

    VettingSurgeonNotice(DaySafetyChecks daySafety, Referrals referrals, Patients patients, Catalogue catalogue) {
        this.daySafety = daySafety;
        this.referrals = referrals;
        this.patients = patients;
        this.catalogue = catalogue;
    }

    @ApplicationModuleListener
    void on(JointReplacementTooCloseFound event) {
        Referral referral = referrals.show(new ReferralId(event.referralId()));
        var details = referral.details();
        var patient = patients.find(new PatientId(event.patientId())).orElseThrow();
        String site = catalogue.site(details.siteCode()).map(s -> s.name()).orElse(details.siteCode());
        String procedure = site + (details.laterality() == null ? "" : " (" + details.laterality().label().toLowerCase() + ")");
        var replacement = new PatientFacts.PlannedJointReplacement(event.plannedReplacement(), details.siteCode(),
                details.laterality(), details.plannedReplacementSurgeonName(), details.plannedReplacementSurgeonEmail());
        daySafety.tellSurgeon(referral, null, patient, procedure, "VETTING", event.finding(), event.sources(),
                event.earliestInjection(), replacement, event.foundBy());
    }
}
