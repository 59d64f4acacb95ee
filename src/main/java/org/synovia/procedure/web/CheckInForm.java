package org.synovia.procedure.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.synovia.procedure.IdentityCheck;

/** What the nurse types from the patient's own answers at check-in. */
public class CheckInForm {

    private String fullName;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dateOfBirth;
    private String nhsNumber;
    private String hospitalNumber;
    private String appointmentId;

    IdentityCheck toCheck() {
        return new IdentityCheck(fullName, dateOfBirth, nhsNumber, hospitalNumber);
    }

    public String getHospitalNumber() {
        return hospitalNumber;
    }

    public void setHospitalNumber(String hospitalNumber) {
        this.hospitalNumber = hospitalNumber;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }

    public String getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(String nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    /** Only so that a problem with the appointment itself shows beside the form. */
    public String getAppointmentId() {
        return appointmentId;
    }

    public void setAppointmentId(String appointmentId) {
        this.appointmentId = appointmentId;
    }
}
