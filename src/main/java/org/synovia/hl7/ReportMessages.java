package org.synovia.hl7;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.synovia.patient.Patient;
import org.synovia.procedure.ProcedureReport;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.util.Terser;

/**
 * Builds the {@code ORU^R01} that carries a signed procedure report: PID from the patient record, ORC/OBR
 * naming the order (our appointment as filler number, the sender's placer number when the referral came by
 * HL7), and one TX OBX per section of the report, final (F). Table in docs/integration/hl7v2.md.
 */
final class ReportMessages {

    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final DateTimeFormatter HL7_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** Makes messages with our parser settings (control ids from the clock, not a counter file). */
    private static final ca.uhn.hl7v2.HapiContext MESSAGES = MllpListener.context();

    private ReportMessages() {
    }

    /** What the message says, gathered from the procedure, patient and referral modules. */
    record Content(String controlId, Instant now, ZoneId zone, Patient patient, ProcedureReport report,
            java.util.UUID appointmentId, String siteCode, String placerOrderNumber) {
    }

    static String oru(Content c, Hl7Properties properties) {
        try {
            ORU_R01 message = MESSAGES.newMessage(ORU_R01.class);
            message.initQuickstart("ORU", "R01", "P");
            Terser t = new Terser(message);
            String now = HL7_TIME.format(c.now().atZone(c.zone()));
            t.set("MSH-3-1", properties.application());
            t.set("MSH-4-1", properties.facility());
            t.set("MSH-5-1", properties.outbound().receivingApplication());
            t.set("MSH-6-1", properties.outbound().receivingFacility());
            t.set("MSH-7", now);
            t.set("MSH-10", c.controlId());
            t.set("MSH-12", "2.5.1");
            t.set("MSH-18", "UNICODE UTF-8");

            String pid = "/PATIENT_RESULT/PATIENT/PID";
            int rep = 0;
            if (c.patient().nhsNumber() != null) {
                t.set(pid + "-3(" + rep + ")-1", c.patient().nhsNumber().value());
                t.set(pid + "-3(" + rep + ")-4-1", "NHS");
                t.set(pid + "-3(" + rep + ")-5", OrderMapping.NHS_NUMBER_TYPE);
                rep++;
            }
            if (c.patient().hospitalNumber() != null) {
                t.set(pid + "-3(" + rep + ")-1", c.patient().hospitalNumber());
                t.set(pid + "-3(" + rep + ")-5", OrderMapping.HOSPITAL_NUMBER_TYPE);
            }
            t.set(pid + "-5-1", c.patient().familyName());
            t.set(pid + "-5-2", c.patient().givenName());
            t.set(pid + "-7", HL7_DATE.format(c.patient().dateOfBirth()));
            t.set(pid + "-8", switch (c.patient().sex()) {
                case FEMALE -> "F";
                case MALE -> "M";
                case INDETERMINATE -> "A";
                case NOT_KNOWN -> "U";
            });

            String order = "/PATIENT_RESULT/ORDER_OBSERVATION";
            t.set(order + "/ORC-1", "RE");
            if (c.placerOrderNumber() != null) {
                t.set(order + "/ORC-2", c.placerOrderNumber());
                t.set(order + "/OBR-2", c.placerOrderNumber());
            }
            t.set(order + "/ORC-3-1", c.appointmentId().toString());
            t.set(order + "/ORC-3-2", properties.application());
            t.set(order + "/OBR-1", "1");
            t.set(order + "/OBR-3-1", c.appointmentId().toString());
            t.set(order + "/OBR-3-2", properties.application());
            t.set(order + "/OBR-4-1", c.siteCode());
            t.set(order + "/OBR-4-2", c.report().procedure());
            t.set(order + "/OBR-4-3", OrderMapping.LOCAL_CODES);
            t.set(order + "/OBR-7", HL7_DATE.format(c.report().performedOn()));
            t.set(order + "/OBR-22", now);
            t.set(order + "/OBR-25", "F");
            t.set(order + "/OBR-32-1-2", c.report().operator());

            int i = 0;
            for (Map.Entry<String, String> section : sections(c.report())) {
                String obx = order + "/OBSERVATION(" + i + ")/OBX";
                t.set(obx + "-1", String.valueOf(i + 1));
                t.set(obx + "-2", "TX");
                t.set(obx + "-3-1", section.getKey());
                t.set(obx + "-3-2", label(section.getKey()));
                t.set(obx + "-3-3", OrderMapping.LOCAL_CODES);
                t.set(obx + "-5", section.getValue());
                t.set(obx + "-11", "F");
                t.set(obx + "-14", HL7_DATE.format(c.report().performedOn()));
                i++;
            }
            return message.encode();
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("The report message cannot be built", e);
        }
    }

    /** The report's sections in reading order; one OBX each, one per drug. */
    static List<Map.Entry<String, String>> sections(ProcedureReport report) {
        List<Map.Entry<String, String>> sections = new ArrayList<>();
        sections.add(Map.entry("PROCEDURE", report.procedure()));
        sections.add(Map.entry("OPERATOR", report.operator()));
        sections.add(Map.entry("TECHNIQUE", report.technique()));
        report.drugs().forEach(drug -> sections.add(Map.entry("DRUG", drug)));
        sections.add(Map.entry("RADIATION", report.dose()));
        report.painScores().forEach(score -> sections.add(Map.entry("PAIN", score)));
        sections.add(Map.entry("RESPONSE", report.response()));
        sections.add(Map.entry("COMPLICATIONS", report.complications() == null ? "none recorded" : report.complications()));
        sections.add(Map.entry("PLAN", report.plan()));
        return sections;
    }

    private static String label(String code) {
        return switch (code) {
            case "PROCEDURE" -> "Procedure";
            case "OPERATOR" -> "Operator";
            case "TECHNIQUE" -> "Technique";
            case "DRUG" -> "Drug given";
            case "RADIATION" -> "Radiation dose";
            case "RESPONSE" -> "Immediate response";
            case "COMPLICATIONS" -> "Complications";
            default -> "Plan";
        };
    }

}
