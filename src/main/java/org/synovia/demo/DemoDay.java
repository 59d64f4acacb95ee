package org.synovia.demo;

import static org.synovia.shared.YesNoUnknown.NO;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.patient.NewPatient;
import org.synovia.patient.NhsNumber;
import org.synovia.patient.Patient;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.procedure.ChecklistCheck;
import org.synovia.procedure.ChecklistStep;
import org.synovia.procedure.DrugGiven;
import org.synovia.procedure.IdentityCheck;
import org.synovia.procedure.ProcedureRecord;
import org.synovia.procedure.Visits;
import org.synovia.procedure.Checklists;
import org.synovia.procedure.Consents;
import org.synovia.procedure.ProcedureRecords;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Indication;
import org.synovia.referral.Intent;
import org.synovia.referral.PregnancyPossibility;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.referral.ReferrerSetting;
import org.synovia.referral.RequestedInjectate;
import org.synovia.referral.TreatmentKind;
import org.synovia.referral.Urgency;
import org.synovia.scheduling.Operator;
import org.synovia.scheduling.OperatorGrade;
import org.synovia.scheduling.Room;
import org.synovia.scheduling.SessionTemplate;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;
import org.synovia.vetting.Acceptance;
import org.synovia.vetting.Protocol;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.Priority;

/**
 * A procedure day for today (the date the demo starts, any day of the week), so a newcomer can try the day list at
 * once: a list in its own room from the next quarter hour, with one patient at each stage (booked, arrived, in the
 * room with the time-out done, and signed). Each step goes through the façades, as staff would take it, so every
 * check and audit line is real (ADR 0083). Made once per day: a restart on the same day finds today's list and
 * leaves it; a restart on a later day makes that day's, with that day's patients.
 */
final class DemoDay {

    private static final Logger log = LoggerFactory.getLogger(DemoDay.class);

    static final String ROOM = "Injection suite";
    static final int SLOT_MINUTES = 20;
    /** Booked, arrived, in the room, signed: one patient each, in slot order. */
    static final int PATIENTS = 4;
    private static final List<String[]> NAMES = List.of(new String[] { "Hopper", "Grace", "FEMALE" },
            new String[] { "Babbage", "Charles", "MALE" }, new String[] { "Franklin", "Rosalind", "FEMALE" },
            new String[] { "Fleming", "Alexander", "MALE" });

    private final Sessions sessions;
    private final Patients patients;
    private final Referrals referrals;
    private final Vetting vetting;
    private final BookingDesk desk;
    private final Visits visits;
    private final Checklists checklists;
    private final Consents consents;
    private final ProcedureRecords procedureRecords;
    private final Clock clock;
    private final DemoData.Acting as;

    DemoDay(Sessions sessions, Patients patients, Referrals referrals, Vetting vetting, BookingDesk desk,
            Visits visits, Checklists checklists, Consents consents, ProcedureRecords procedureRecords, Clock clock,
            DemoData.Acting as) {
        this.sessions = sessions;
        this.patients = patients;
        this.referrals = referrals;
        this.vetting = vetting;
        this.desk = desk;
        this.visits = visits;
        this.checklists = checklists;
        this.consents = consents;
        this.procedureRecords = procedureRecords;
        this.clock = clock;
        this.as = as;
    }

    /** Makes today's list unless it is made already; says why when today has no room left for one. */
    void makeToday(String clerk, String radiologist, String operatorName, String nurse, String referrerName) {
        LocalDate today = LocalDate.now(clock);
        LocalTime start = nextQuarterHour(LocalTime.now(clock));
        LocalTime end = start.plusMinutes((long) SLOT_MINUTES * PATIENTS);
        if (start.isBefore(LocalTime.now(clock)) || end.isBefore(start)) {
            log.info("Demo day: too late today for a list of {} patients; it is made at the next start.", PATIENTS);
            return;
        }
        List<UUID> referralIds = as.call(clerk, () -> {
            Room room = sessions.rooms().stream().filter(r -> r.name().equals(ROOM)).findFirst().orElseGet(() ->
                    sessions.addRoom(new Room(null, ROOM, "Imaging department, ground floor, Demo Hospital",
                            Set.of(Guidance.ULTRASOUND, Guidance.LANDMARK))));
            if (sessions.templates().stream().anyMatch(t -> t.roomId().equals(room.id()) && today.equals(t.validFrom()))) {
                return null;
            }
            Operator operator = sessions.operators().stream().filter(o -> o.username().equals(radiologist)).findFirst()
                    .orElseGet(() -> sessions.addOperator(new Operator(null, radiologist, operatorName,
                            OperatorGrade.CONSULTANT, Set.of(Guidance.ULTRASOUND, Guidance.LANDMARK), Set.of())));
            sessions.addTemplate(new SessionTemplate(null, today.getDayOfWeek(), start, end, room.id(), operator.id(),
                    List.of(SLOT_MINUTES), false, today, today));
            return List.<UUID>of();
        });
        if (referralIds == null) {
            return;
        }
        List<Patient> day = new ArrayList<>();
        List<UUID> referred = new ArrayList<>();
        as.call(referrerName, () -> {
            for (int i = 0; i < PATIENTS; i++) {
                Patient patient = register(today, i);
                day.add(patient);
                referred.add(referrals.submit(UUID.randomUUID(), kneeReferral(patient)).id().value());
            }
            return null;
        });
        as.call(radiologist, () -> {
            referred.forEach(id -> vetting.accept(new ReferralId(id), kneeProtocol(), new Acceptance(null, null,
                    "Demo: accepted for today's injection list", Map.of())));
            return null;
        });
        List<Appointment> booked = as.call(clerk, () -> {
            // The room's slots today, one patient each in order: the room is the demo's own, so all are free.
            var slots = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, SLOT_MINUTES,
                    today, today, null, null)).stream().filter(s -> s.roomName().equals(ROOM)).toList();
            List<Appointment> appointments = new ArrayList<>();
            for (int i = 0; i < referred.size(); i++) {
                appointments.add(desk.addToToday(referred.get(i), slots.get(i).id()));
            }
            return appointments;
        });
        // From the first slot on: signed, in the room after the time-out, arrived, booked.
        as.call(nurse, () -> {
            for (int i = 0; i < PATIENTS - 1; i++) {
                Patient patient = day.get(i);
                visits.checkIn(booked.get(i).id(), new IdentityCheck(patient.givenName() + " " + patient.familyName(),
                        patient.dateOfBirth(), patient.nhsNumber().value(), null));
            }
            return null;
        });
        as.call(radiologist, () -> {
            for (int i = 0; i < PATIENTS - 2; i++) {
                throughTimeOut(booked.get(i).id());
            }
            sign(booked.getFirst().id(), operatorName);
            return null;
        });
        log.info("Demo day: {} patients on today's list in {} from {}.", PATIENTS, ROOM, start);
    }

    private void throughTimeOut(UUID appointmentId) {
        visits.intoRoom(appointmentId);
        consents.recordConsent(appointmentId, consents.consentDocument(appointmentId).sha256(), true);
        checklists.recordObservations(appointmentId, 36.7, 5.8, 128, 78, null, null, NO, NO, NO);
        checklists.confirm(appointmentId, ChecklistStep.SIGN_IN, everything(appointmentId, ChecklistStep.SIGN_IN));
        checklists.confirm(appointmentId, ChecklistStep.TIME_OUT, everything(appointmentId, ChecklistStep.TIME_OUT));
    }

    private void sign(UUID appointmentId, String operatorName) {
        LocalDate expiry = LocalDate.now(clock).plusMonths(18).withDayOfMonth(1);
        List<DrugGiven> drugs = checklists.timeOutDrugs(appointmentId).stream().map(d -> new DrugGiven(d.product(),
                d.resolvedDoseMg() == null ? "as drawn" : d.resolvedDoseMg().toPlainString() + " mg", d.volumeMl(),
                "DEMO" + (100 + d.agent().ordinal()), expiry, "intra-articular", "right knee")).toList();
        procedureRecords.saveRecord(appointmentId, new ProcedureRecord(operatorName, "Sister Carys Evans",
                Guidance.ULTRASOUND, "superolateral, in-plane", "21G 40 mm", null, null, null, drugs, false, true, 2, null, null, null, null,
                null, 7, "none", true, null, null, null, null));
        procedureRecords.addPainScore(appointmentId, 15, 2);
        checklists.confirm(appointmentId, ChecklistStep.SIGN_OUT, everything(appointmentId, ChecklistStep.SIGN_OUT));
        procedureRecords.sign(appointmentId);
    }

    private Set<String> everything(UUID appointmentId, ChecklistStep step) {
        return checklists.checklist(appointmentId).checks(step).stream().map(ChecklistCheck::code)
                .collect(Collectors.toSet());
    }

    /** A new patient for each day the demo runs, so each day's list has its own (a repeat steroid would be refused). */
    private Patient register(LocalDate day, int index) {
        String[] name = NAMES.get(index);
        String nhsNumber = nhsNumber(day, index);
        Registration registration = patients.register(new NewPatient(nhsNumber, null, name[0], name[1],
                LocalDate.of(1950 + 7 * index, 1 + index, 3 + index), Sex.valueOf(name[2]), null,
                name[1].toLowerCase() + "." + name[0].toLowerCase() + "@example.com", "Dr Demo GP", "Demo Surgery",
                DemoData.address(name[0])), true);
        return switch (registration) {
            case Registration.Registered r -> r.patient();
            case Registration.AlreadyRegistered r -> r.existing();
            case Registration.PossibleDuplicates r -> r.candidates().getFirst();
        };
    }

    /** A valid NHS number in the 999 range kept for tests and demonstrations, one per day and slot. */
    static String nhsNumber(LocalDate day, int index) {
        for (long seed = day.toEpochDay() * PATIENTS + index; ; seed += 100_000) {
            String prefix = "999" + String.format("%06d", Math.floorMod(seed * 7 + 1, 1_000_000));
            for (int check = 0; check <= 9; check++) {
                if (NhsNumber.isValid(prefix + check)) {
                    return prefix + check;
                }
            }
        }
    }

    private static LocalTime nextQuarterHour(LocalTime now) {
        int minutes = (now.getHour() * 60 + now.getMinute()) / 15 * 15 + 15;
        return minutes >= 24 * 60 ? LocalTime.MIN : LocalTime.of(minutes / 60, minutes % 60);
    }

    private static ReferralDetails kneeReferral(Patient patient) {
        return new ReferralDetails(patient.id().value(), "KNEE_JOINT", Laterality.RIGHT, null, Intent.THERAPEUTIC,
                Indication.OSTEOARTHRITIS, null, "Right knee osteoarthritis with effusion; physiotherapy has not helped.",
                List.of(new ReferralDetails.TreatmentTried(TreatmentKind.PHYSIOTHERAPY, 12, null)), List.of(), List.of(),
                null, true, List.of(), DiabetesType.NONE, NO, null, NO, NO, NO, PregnancyPossibility.NOT_APPLICABLE,
                new BigDecimal("74"), null, null, null, Urgency.ROUTINE,
                new ReferralDetails.Referrer("Dr Asha Patel", "Consultant rheumatologist", "Demo Hospital", "0118 496 0000",
                        "dr.patel@demo.synovia.invalid"),
                RequestedInjectate.CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC, false, ReferrerSetting.SECONDARY_CARE, null,
                ReferralDetails.ThromboticRisk.NONE, NO, NO, null, null, null, null, null, null, null, null, false, null,
                null, null);
    }

    private static Protocol kneeProtocol() {
        return new Protocol(Guidance.ULTRASOUND, "superolateral, in-plane", "Methylprednisolone acetate 40 mg/mL",
                new BigDecimal("40"), "Lidocaine 1%", new BigDecimal("4"), false, "CONSULTANT", null, SLOT_MINUTES,
                Priority.ROUTINE, true);
    }
}
