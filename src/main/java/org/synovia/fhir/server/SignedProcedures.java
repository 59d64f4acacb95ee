package org.synovia.fhir.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.synovia.booking.Appointment;
import org.synovia.booking.Bookings;
import org.synovia.diary.DiaryEpisodes;
import org.synovia.diary.EpisodeView;
import org.synovia.procedure.PainResponse;
import org.synovia.procedure.ProcedureRecord;
import org.synovia.procedure.ProcedureRecords;
import org.synovia.procedure.ProcedureReports;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.shared.InvalidInputException;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/**
 * Signed procedure records with their appointment and referral, found through the façades. Only signed records
 * are published: a draft may still change, a signed record never does (ADR 0021).
 */
@Component
class SignedProcedures {
    private final ProcedureRecords procedureRecords;
    private final ProcedureReports procedureReports;
    private final Bookings bookings;
    private final Referrals referrals;
    private final DiaryEpisodes diaryEpisodes;

    SignedProcedures(ProcedureRecords procedureRecords, ProcedureReports procedureReports, Bookings bookings,
            Referrals referrals, DiaryEpisodes diaryEpisodes) {
        this.procedureRecords = procedureRecords;
        this.procedureReports = procedureReports;
        this.bookings = bookings;
        this.referrals = referrals;
        this.diaryEpisodes = diaryEpisodes;
    }

    /** One signed procedure, keyed by the appointment it was done in. */
    record Signed(Appointment appointment, Referral referral, ProcedureRecord record, PainResponse pain) {

        String id() {
            return appointment.id().toString();
        }
    }

    /** The signed procedure the id (an appointment id, maybe with a suffix) names; 404 when there is none. */
    Signed get(String appointmentId, String type) {
        return find(Fhir.uuid(appointmentId, type)).orElseThrow(() -> new ResourceNotFoundException(type + "/" + appointmentId
                + " is not known."));
    }

    Optional<Signed> find(UUID appointmentId) {
        Appointment appointment;
        try {
            appointment = bookings.appointment(appointmentId);
        }
        catch (InvalidInputException e) {
            return Optional.empty();
        }
        return procedureRecords.record(appointmentId).filter(ProcedureRecord::signed)
                .map(r -> new Signed(appointment, referrals.show(new ReferralId(appointment.referralId())), r,
                        pain(appointmentId)));
    }

    List<Signed> ofPatient(UUID patientId) {
        List<Signed> signed = new ArrayList<>();
        for (Referral referral : referrals.search(patientId, null, null, null)) {
            for (Appointment appointment : bookings.forReferral(referral.id().value())) {
                procedureRecords.record(appointment.id()).filter(ProcedureRecord::signed)
                        .ifPresent(r -> signed.add(new Signed(appointment, referral, r, pain(appointment.id()))));
            }
        }
        return signed;
    }

    /** The latest report as sent: the amended one once an addendum was made. */
    byte[] reportPdf(UUID appointmentId) {
        return procedureReports.reportPdf(appointmentId, null);
    }

    private PainResponse pain(UUID appointmentId) {
        return procedureRecords.painResponse(appointmentId).orElseThrow();
    }

    /** The patient's diary after this procedure, once it has started. */
    Optional<EpisodeView> diary(UUID appointmentId) {
        return diaryEpisodes.episode(appointmentId);
    }

    byte[] diarySummaryPdf(UUID appointmentId) {
        return diaryEpisodes.summaryPdf(appointmentId);
    }
}
