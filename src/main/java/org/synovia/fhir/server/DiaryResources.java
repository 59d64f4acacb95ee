package org.synovia.fhir.server;

import java.time.Instant;
import java.util.List;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;
import org.synovia.diary.RedFlag;
import org.synovia.diary.SideEffect;
import org.synovia.diary.DiaryReading;
import org.synovia.diary.EpisodeView;
import org.synovia.fhir.server.SignedProcedures.Signed;

/**
 * The patient's diary after a procedure: each entry as a QuestionnaireResponse written by the patient (id
 * {@code <appointment>-diary-<time point>}), and the summary for the referrer as a DiagnosticReport
 * ({@code <appointment>-diary}) with its reading in words and the summary PDF; partial while the diary is open.
 */
@Component
class DiaryResources {

    List<QuestionnaireResponse> entries(Signed s, EpisodeView diary) {
        return diary.entries().stream().map(e -> entry(s, e)).toList();
    }

    private static QuestionnaireResponse entry(Signed s, DiaryReading.Entry e) {
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setId(s.id() + "-diary-" + e.timePoint().toLowerCase());
        qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        qr.setSubject(new Reference("Patient/" + s.appointment().patientId()));
        qr.setSource(new Reference("Patient/" + s.appointment().patientId()));
        qr.addBasedOn(new Reference("ServiceRequest/" + s.referral().id()));
        qr.addPartOf(new Reference("Procedure/" + s.id()));
        qr.setAuthored(Fhir.date(e.recordedAt()));
        add(qr, "timePoint", "Time point", new StringType(e.timePoint()));
        add(qr, "minutesAfter", "Minutes after the injection", new IntegerType(e.minutesAfter()));
        add(qr, "painNow", "Pain now, 0 to 10", new IntegerType(e.painNow()));
        if (e.painWorstDay() != null) {
            add(qr, "painWorstDay", "Worst pain in the last day, 0 to 10", new IntegerType(e.painWorstDay()));
        }
        if (e.pgic() != null) {
            add(qr, "pgic", "Patient global impression of change, 1 to 7", new IntegerType(e.pgic()));
        }
        SideEffect.labelsOf(e.sideEffects()).forEach(label -> add(qr, "sideEffect", "Side effect", new StringType(label)));
        if (e.glucoseMmolL() != null) {
            add(qr, "glucoseMmolL", "Blood glucose, mmol/L", new DecimalType(e.glucoseMmolL()));
        }
        RedFlag.labelsOf(e.redFlags()).forEach(label -> add(qr, "redFlag", "Warning sign reported", new StringType(label)));
        return qr;
    }

    private static void add(QuestionnaireResponse qr, String linkId, String text, Type value) {
        QuestionnaireResponseItemComponent item = qr.addItem().setLinkId(linkId).setText(text);
        item.addAnswer().setValue(value);
    }

    DiagnosticReport summary(Signed s, EpisodeView diary, byte[] pdf) {
        DiagnosticReport report = new DiagnosticReport();
        report.setId(s.id() + "-diary");
        report.setStatus(diary.closedAt() == null ? DiagnosticReport.DiagnosticReportStatus.PARTIAL
                : DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.addBasedOn(new Reference("ServiceRequest/" + s.referral().id()));
        report.setCode(new CodeableConcept().setText("Pain diary after image-guided injection"));
        report.setSubject(new Reference("Patient/" + s.appointment().patientId()));
        Instant last = diary.closedAt() != null ? diary.closedAt()
                : diary.entries().stream().map(DiaryReading.Entry::recordedAt).max(Instant::compareTo).orElse(null);
        report.setEffective(last == null ? new DateTimeType(Fhir.date(diary.injectedAt()))
                : new Period().setStart(Fhir.date(diary.injectedAt())).setEnd(Fhir.date(last)));
        if (diary.summaryWrittenAt() != null) {
            report.setIssued(Fhir.date(diary.summaryWrittenAt()));
        }
        report.setConclusion(String.join(" ", diary.readingLines()));
        report.addPresentedForm().setContentType("application/pdf").setLanguage("en-GB").setTitle("Pain diary summary")
                .setData(pdf);
        return report;
    }
}
