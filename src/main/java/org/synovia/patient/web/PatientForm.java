package org.synovia.patient.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.synovia.patient.NewPatient;
import org.synovia.shared.Sex;

/** The registration form as typed, the postal address with it; {@link NewPatient} validates it. */
public class PatientForm extends AddressForm {

    private String nhsNumber;
    private String hospitalNumber;
    private String familyName;
    private String givenName;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dateOfBirth;
    private Sex sex;
    private String mobile;
    private String email;
    private String gpName;
    private String gpPractice;
    private boolean confirmedNotDuplicate;

    NewPatient toNewPatient() {
        return new NewPatient(nhsNumber, hospitalNumber, familyName, givenName, dateOfBirth, sex, mobile, email, gpName,
                gpPractice, toAddress().orElse(null));
    }

    public String getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(String nhsNumber) { this.nhsNumber = nhsNumber; }
    public String getHospitalNumber() { return hospitalNumber; }
    public void setHospitalNumber(String hospitalNumber) { this.hospitalNumber = hospitalNumber; }
    public String getFamilyName() { return familyName; }
    public void setFamilyName(String familyName) { this.familyName = familyName; }
    public String getGivenName() { return givenName; }
    public void setGivenName(String givenName) { this.givenName = givenName; }
    public LocalDate getDateOfBirth() { return dateOfBirth; }
    public void setDateOfBirth(LocalDate dateOfBirth) { this.dateOfBirth = dateOfBirth; }
    public Sex getSex() { return sex; }
    public void setSex(Sex sex) { this.sex = sex; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getGpName() { return gpName; }
    public void setGpName(String gpName) { this.gpName = gpName; }
    public String getGpPractice() { return gpPractice; }
    public void setGpPractice(String gpPractice) { this.gpPractice = gpPractice; }
    public boolean isConfirmedNotDuplicate() { return confirmedNotDuplicate; }
    public void setConfirmedNotDuplicate(boolean confirmedNotDuplicate) { this.confirmedNotDuplicate = confirmedNotDuplicate; }
}
