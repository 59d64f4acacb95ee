package org.synovia.fhir.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.springframework.stereotype.Component;
import org.synovia.booking.AppointmentStatus;
import org.synovia.booking.Bookings;
import org.synovia.planning.Plans;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SessionTemplate;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.InvalidInputException;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/**
 * Appointments, slots and schedules, read through the booking and scheduling façades. A Schedule is one weekly
 * session (room and operator); its Slots are the slots materialised from it; an Appointment holds a slot.
 */
final class SchedulingProviders {

    private SchedulingProviders() {
    }

    @Component
    static class AppointmentProvider implements IResourceProvider {

        private final Bookings bookings;
        private final Referrals referrals;
        private final Plans plans;
        private final CallAudit calls;

        AppointmentProvider(Bookings bookings, Referrals referrals, Plans plans, CallAudit calls) {
            this.bookings = bookings;
            this.referrals = referrals;
            this.plans = plans;
            this.calls = calls;
        }

        @Override
        public Class<Appointment> getResourceType() {
            return Appointment.class;
        }

        @Read
        public Appointment read(@IdParam IdType id, RequestDetails call) {
            try {
                return calls.reading(call, () -> toFhir(bookings.appointment(Fhir.uuid(id))));
            }
            catch (InvalidInputException e) {
                throw new ResourceNotFoundException(id);
            }
        }

        /** By patient (every appointment of their referrals) or by date (active ones on those days), or both. */
        @Search
        public List<Appointment> search(@OptionalParam(name = Appointment.SP_PATIENT) ReferenceParam patient,
                @OptionalParam(name = Appointment.SP_DATE) DateRangeParam date, RequestDetails call) {
            if (patient == null && date == null) {
                throw new InvalidRequestException("Search appointments by patient or date.");
            }
            Instant from = Fhir.from(date);
            Instant until = Fhir.until(date);
            if (patient == null && (from == null || until == null)) {
                throw new InvalidRequestException("Give the date search both ends, e.g. date=ge2026-01-05&date=le2026-01-09.");
            }
            List<org.synovia.booking.Appointment> found = calls.reading(call, () -> {
                if (patient != null) {
                    UUID patientId = Fhir.uuid(patient.getIdPart(), "Patient");
                    // Every referral's appointments in one statement, not one per referral.
                    return bookings.forReferrals(referrals.search(patientId, null, null, null).stream()
                            .map(r -> r.id().value()).toList());
                }
                return bookings.booked(LocalDate.ofInstant(from, bookings.zone()),
                        LocalDate.ofInstant(until.minusMillis(1), bookings.zone()));
            });
            return found.stream().filter(a -> from == null || !a.start().isBefore(from))
                    .filter(a -> until == null || a.start().isBefore(until)).map(AppointmentProvider::toFhir).toList();
        }

        /**
         * A plan's proposal ({@code plan} = the run's id, as the Plan sessions page shows it), as appointments with status
         * {@code proposed}: nothing is booked; booking stays with the staff who accept (ADR 0058).
         */
        @Search
        public List<Appointment> proposed(@RequiredParam(name = "plan") StringParam plan) {
            UUID runId;
            try {
                runId = UUID.fromString(plan.getValue());
            }
            catch (IllegalArgumentException e) {
                throw new InvalidRequestException("Give plan as the id of a plan, e.g. plan=3f2b... from the Plan sessions page.");
            }
            Plans.Proposal proposal = plans.finishedProposal(runId)
                    .orElseThrow(() -> new ResourceNotFoundException("There is no finished plan " + runId + " kept now."));
            return proposal.placements().stream().map(p -> proposed(p, bookings.zone())).toList();
        }

        static Appointment proposed(Plans.ProposedBooking p, java.time.ZoneId zone) {
            Appointment appointment = new Appointment();
            appointment.setId(UUID.nameUUIDFromBytes((p.referralId() + "/" + p.slotId()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
            appointment.setStatus(Appointment.AppointmentStatus.PROPOSED);
            appointment.setDescription("Image-guided injection (proposed by the session planner: " + p.reason() + ")");
            appointment.setStart(Fhir.date(p.start().atZone(zone).toInstant()));
            appointment.addSlot(new Reference("Slot/" + p.slotId()));
            appointment.addBasedOn(new Reference("ServiceRequest/" + p.referralId()));
            appointment.setPriority(switch (p.priority()) {
                case URGENT -> 1;
                case SOON -> 3;
                case ROUTINE -> 5;
            });
            appointment.addParticipant().setActor(new Reference("Patient/" + p.patientId()))
                    .setStatus(Appointment.ParticipationStatus.NEEDSACTION);
            return appointment;
        }

        static Appointment toFhir(org.synovia.booking.Appointment a) {
            Appointment appointment = new Appointment();
            appointment.setId(a.id().toString());
            appointment.setStatus(switch (a.status()) {
                case BOOKED -> Appointment.AppointmentStatus.BOOKED;
                case CANCELLED, RESCHEDULED -> Appointment.AppointmentStatus.CANCELLED;
                case DID_NOT_ATTEND -> Appointment.AppointmentStatus.NOSHOW;
            });
            if (a.status() != AppointmentStatus.BOOKED && a.endReason() != null) {
                appointment.getCancelationReason().setText(a.status() == AppointmentStatus.RESCHEDULED
                        ? "Moved to another slot: " + a.endReason() : a.endReason());
            }
            appointment.setDescription("Image-guided injection");
            appointment.setStart(Fhir.date(a.start()));
            appointment.setEnd(Fhir.date(a.end()));
            appointment.setMinutesDuration((int) a.minutes());
            appointment.addSlot(new Reference("Slot/" + a.slotId()));
            if (a.linkedSlotId() != null) {
                appointment.addSlot(new Reference("Slot/" + a.linkedSlotId()));
            }
            appointment.setCreated(Fhir.date(a.bookedAt()));
            appointment.addBasedOn(new Reference("ServiceRequest/" + a.referralId()));
            if (a.medicationPlan() != null && !a.medicationPlan().isBlank()) {
                appointment.setPatientInstruction(a.medicationPlan());
            }
            appointment.addParticipant().setActor(new Reference("Patient/" + a.patientId()))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
            return appointment;
        }
    }

    @Component
    static class SlotProvider implements IResourceProvider {

        private final Sessions sessions;
        private final Bookings bookings;
        private final FhirProperties properties;

        SlotProvider(Sessions sessions, Bookings bookings, FhirProperties properties) {
            this.sessions = sessions;
            this.bookings = bookings;
            this.properties = properties;
        }

        @Override
        public Class<Slot> getResourceType() {
            return Slot.class;
        }

        @Read
        public Slot read(@IdParam IdType id) {
            var slot = sessions.slot(Fhir.uuid(id)).orElseThrow(() -> new ResourceNotFoundException(id));
            return toFhir(slot, held(slot.start(), slot.end()));
        }

        /** The slots of one schedule, from today for {@code synovia.fhir.slot-search-days} unless {@code start} says otherwise. */
        @Search
        public List<Slot> search(@RequiredParam(name = Slot.SP_SCHEDULE) ReferenceParam schedule,
                @OptionalParam(name = Slot.SP_START) DateRangeParam start) {
            Instant from = Fhir.from(start);
            Instant until = Fhir.until(start);
            if (from == null) {
                from = sessions.today().atStartOfDay(sessions.zone()).toInstant();
            }
            if (until == null) {
                until = from.plus(java.time.Duration.ofDays(properties.slotSearchDays()));
            }
            var slots = sessions.slotsOf(Fhir.uuid(schedule.getIdPart(), "Schedule"), from, until);
            Set<UUID> held = held(from, until);
            return slots.stream().map(s -> toFhir(s, held)).toList();
        }

        /** The slots active appointments hold in the range. */
        private Set<UUID> held(Instant from, Instant until) {
            return bookings.booked(LocalDate.ofInstant(from, bookings.zone()), LocalDate.ofInstant(until, bookings.zone()))
                    .stream().flatMap(a -> java.util.stream.Stream.of(a.slotId(), a.linkedSlotId()))
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        }

        static Slot toFhir(org.synovia.scheduling.Slot s, Set<UUID> held) {
            Slot slot = new Slot();
            slot.setId(s.id().toString());
            slot.setSchedule(new Reference("Schedule/" + s.templateId()));
            slot.setStatus(s.withdrawnReason() != null ? Slot.SlotStatus.BUSYUNAVAILABLE
                    : held.contains(s.id()) ? Slot.SlotStatus.BUSY : Slot.SlotStatus.FREE);
            slot.setStart(Fhir.date(s.start()));
            slot.setEnd(Fhir.date(s.end()));
            slot.setComment(s.roomName() + ", " + s.operatorName() + (s.oneStop() ? "; one-stop clinic" : "")
                    + (s.withdrawnReason() == null ? "" : "; withdrawn: " + s.withdrawnReason()));
            return slot;
        }
    }

    @Component
    static class ScheduleProvider implements IResourceProvider {

        private final Sessions sessions;

        ScheduleProvider(Sessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<Schedule> getResourceType() {
            return Schedule.class;
        }

        @Read
        public Schedule read(@IdParam IdType id) {
            UUID wanted = Fhir.uuid(id);
            return sessions.templates().stream().filter(t -> t.id().equals(wanted)).findFirst().map(this::toFhir)
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        /** Every weekly session, running or ended. */
        @Search
        public List<Schedule> search() {
            return sessions.templates().stream().map(this::toFhir).toList();
        }

        private Schedule toFhir(SessionTemplate t) {
            var room = sessions.rooms().stream().filter(r -> r.id().equals(t.roomId())).findFirst();
            var operator = sessions.operators().stream().filter(o -> o.id().equals(t.operatorId())).findFirst();
            Schedule schedule = new Schedule();
            schedule.setId(t.id().toString());
            schedule.setActive(t.validTo() == null || !t.validTo().isBefore(sessions.today()));
            schedule.addActor().setDisplay(room.map(r -> r.name() + ", " + r.location()).orElse("Room " + t.roomId()));
            schedule.addActor().setDisplay(operator.map(o -> o.displayName()).orElse("Operator " + t.operatorId()));
            schedule.setPlanningHorizon(new Period().setStartElement(Fhir.day(t.validFrom())).setEndElement(Fhir.day(t.validTo())));
            schedule.setComment("Every " + t.weekday().getDisplayName(TextStyle.FULL, Locale.UK) + " " + t.start() + "–"
                    + t.end() + (t.oneStop() ? ", one-stop clinic" : ""));
            return schedule;
        }
    }
}
