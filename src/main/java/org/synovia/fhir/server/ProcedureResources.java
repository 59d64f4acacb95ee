package org.synovia.fhir.server;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import org.synovia.catalogue.Catalogue;
import org.synovia.fhir.server.SignedProcedures.Signed;
import org.synovia.procedure.DrugGiven;
import org.synovia.procedure.PainScore;
import org.synovia.procedure.ProcedureRecord;
import org.synovia.referral.ReferralDetails;
import org.synovia.shared.Laterality;

/**
 * A signed procedure record as FHIR resources, each id the appointment's id with a suffix: the Procedure, one
 * MedicationAdministration per drug (its Medication contained, with batch and expiry), Observations for the pain
 * scores (LOINC 72514-3, facts CD-14) and the radiation dose (facts IR-03: DAP and screening time under X-ray,
 * DLP and CTDIvol under CT, in UCUM units), and the DiagnosticReport with the report PDF.
 */
@Component
class ProcedureResources {

    static final String PAIN_LOINC = "72514-3";
    private static final Pattern DOSE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(mg|g|micrograms|mcg|mL|ml|units)");

    /** A dose quantity recorded for IR(ME)R (facts IR-03), with its DICOM code and UCUM unit. */
    enum RadiationDose {
        DAP("dap", "113722", "Dose Area Product Total", "Gy.cm2", "Gy·cm²"),
        SCREENING_TIME("screening-time", "113730", "Total Fluoro Time", "s", "s"),
        DLP("dlp", "113813", "CT Dose Length Product Total", "mGy.cm", "mGy·cm"),
        CTDI_VOL("ctdivol", "113830", "Mean CTDIvol", "mGy", "mGy");

        final String suffix;
        final String code;
        final String display;
        final String ucum;
        final String unit;

        RadiationDose(String suffix, String code, String display, String ucum, String unit) {
            this.suffix = suffix;
            this.code = code;
            this.display = display;
            this.ucum = ucum;
            this.unit = unit;
        }

        BigDecimal value(ProcedureRecord r) {
            return switch (this) {
                case DAP -> r.dapGyCm2();
                case SCREENING_TIME -> r.screeningSeconds() == null ? null : BigDecimal.valueOf(r.screeningSeconds());
                case DLP -> r.dlpMGyCm();
                case CTDI_VOL -> r.ctdiVolMGy();
            };
        }
    }

    private final Catalogue catalogue;

    ProcedureResources(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    Procedure procedure(Signed s) {
        ProcedureRecord r = s.record();
        ReferralDetails d = s.referral().details();
        Procedure procedure = new Procedure();
        procedure.setId(s.id());
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.addBasedOn(new Reference("ServiceRequest/" + s.referral().id()));
        procedure.setSubject(patient(s));
        String site = (d.laterality() == Laterality.NOT_APPLICABLE ? "" : d.laterality().label().toLowerCase() + " ")
                + catalogue.site(d.siteCode()).map(x -> x.name()).orElse(d.siteCode())
                + (d.spinalLevel() == null ? "" : " " + d.spinalLevel());
        procedure.setCode(new CodeableConcept().setText(r.guidance().label() + "-guided injection, " + site));
        procedure.setPerformed(new DateTimeType(Fhir.date(s.appointment().start())));
        procedure.setRecorder(new Reference().setDisplay(r.signedBy()));
        procedure.addPerformer().setActor(new Reference().setDisplay(r.operator()));
        if (r.assistant() != null && !r.assistant().isBlank()) {
            procedure.addPerformer().setActor(new Reference().setDisplay(r.assistant()))
                    .setFunction(new CodeableConcept().setText("assistant"));
        }
        CodeableConcept bodySite = procedure.addBodySite().setText(site);
        bodySite.addCoding().setSystem(Fhir.INJECTION_SITE).setCode(d.siteCode());
        catalogue.site(d.siteCode()).filter(x -> x.snomedCode() != null)
                .ifPresent(x -> bodySite.addCoding().setSystem(Fhir.SNOMED).setCode(x.snomedCode()));
        procedure.addReport(new Reference("DiagnosticReport/" + s.id()));
        procedure.addComplication().setText(r.complications());
        procedure.addNote(new Annotation().setText("Needle " + r.needle() + (r.approach() == null || r.approach().isBlank() ? ""
                : "; approach " + r.approach()) + (r.contrastUsed() ? "; contrast used" : "") + "; needle tip "
                + (r.needleTipConfirmed() ? "confirmed" : "not confirmed") + "; " + r.keyImages() + " key images"));
        return procedure;
    }

    List<MedicationAdministration> administrations(Signed s) {
        List<MedicationAdministration> list = new ArrayList<>();
        for (int i = 0; i < s.record().drugs().size(); i++) {
            DrugGiven drug = s.record().drugs().get(i);
            Medication medication = new Medication();
            medication.setId("med");
            medication.setCode(new CodeableConcept().setText(drug.product()));
            medication.getBatch().setLotNumber(drug.batch()).setExpirationDateElement(Fhir.day(drug.expiry()));
            MedicationAdministration given = new MedicationAdministration();
            given.setId(s.id() + "-drug-" + i);
            given.addContained(medication);
            given.setMedication(new Reference("#med"));
            given.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
            given.setSubject(patient(s));
            given.addPartOf(new Reference("Procedure/" + s.id()));
            given.setEffective(new DateTimeType(Fhir.date(s.appointment().start())));
            given.addPerformer().setActor(new Reference().setDisplay(s.record().operator()));
            var dosage = given.getDosage();
            dosage.setText(drug.dose() + " in " + drug.volumeMl().stripTrailingZeros().toPlainString() + " mL, " + drug.route()
                    + ", " + drug.site());
            dosage.setRoute(new CodeableConcept().setText(drug.route()));
            dosage.setSite(new CodeableConcept().setText(drug.site()));
            Matcher amount = DOSE.matcher(drug.dose().strip());
            if (amount.matches()) {
                String unit = switch (amount.group(2)) {
                    case "micrograms", "mcg" -> "ug";
                    case "ml" -> "mL";
                    case "units" -> "[iU]";
                    default -> amount.group(2);
                };
                dosage.setDose(ucum(new BigDecimal(amount.group(1)), unit, amount.group(2)));
            }
            list.add(given);
        }
        return list;
    }

    List<Observation> observations(Signed s) {
        ProcedureRecord r = s.record();
        List<Observation> list = new ArrayList<>();
        list.add(pain(s, "pain-before", r.painBefore(), s.appointment().start(), "Before the injection"));
        for (PainScore score : s.pain().scores()) {
            list.add(pain(s, "pain-after-" + score.minutesAfter(), score.score(),
                    s.appointment().start().plusSeconds(60L * score.minutesAfter()), score.minutesAfter()
                            + " minutes after the injection: " + s.pain().reliefPercent(score) + "% relief"));
        }
        for (RadiationDose dose : RadiationDose.values()) {
            BigDecimal value = dose.value(r);
            if (value != null) {
                Observation o = observation(s, dose.suffix, "procedure");
                o.getCode().setText(dose.display).addCoding().setSystem(Fhir.DICOM).setCode(dose.code).setDisplay(dose.display);
                o.setValue(ucum(value, dose.ucum, dose.unit));
                o.setEffective(new DateTimeType(Fhir.date(s.appointment().start())));
                list.add(o);
            }
        }
        return list;
    }

    DiagnosticReport report(Signed s, byte[] pdf) {
        DiagnosticReport report = new DiagnosticReport();
        report.setId(s.id());
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.addBasedOn(new Reference("ServiceRequest/" + s.referral().id()));
        report.setCode(new CodeableConcept().setText("Image-guided injection procedure report"));
        report.getCode().addCoding().setSystem(Fhir.LOINC).setCode("28570-0");
        report.setSubject(patient(s));
        report.setEffective(new DateTimeType(Fhir.date(s.appointment().start())));
        report.setIssued(Fhir.date(s.record().signedAt()));
        report.addPerformer().setDisplay(s.record().operator());
        report.addResultsInterpreter().setDisplay(s.record().signedBy());
        observations(s).forEach(o -> report.addResult(new Reference("Observation/" + o.getIdElement().getIdPart())));
        report.setConclusion(s.pain().reading() + " Complications: " + s.record().complications());
        report.addPresentedForm().setContentType("application/pdf").setLanguage("en-GB").setTitle("Procedure report")
                .setCreationElement(new DateTimeType(Fhir.date(s.record().signedAt()))).setData(pdf);
        return report;
    }

    private Observation pain(Signed s, String suffix, int score, java.time.Instant at, String note) {
        Observation o = observation(s, suffix, "survey");
        o.getCode().setText("Pain severity 0-10 verbal numeric rating").addCoding().setSystem(Fhir.LOINC).setCode(PAIN_LOINC);
        o.setValue(ucum(BigDecimal.valueOf(score), "{score}", "score"));
        o.setEffective(new DateTimeType(Fhir.date(at)));
        o.addNote().setText(note);
        return o;
    }

    private Observation observation(Signed s, String suffix, String category) {
        Observation o = new Observation();
        o.setId(s.id() + "-" + suffix);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category").setCode(category);
        o.setSubject(patient(s));
        o.addPartOf(new Reference("Procedure/" + s.id()));
        o.setIssued(Fhir.date(s.record().signedAt()));
        return o;
    }

    private static Quantity ucum(BigDecimal value, String code, String unit) {
        return new Quantity().setValue(value).setSystem(Fhir.UCUM).setCode(code).setUnit(unit);
    }

    private static Reference patient(Signed s) {
        return new Reference("Patient/" + s.appointment().patientId());
    }
}
