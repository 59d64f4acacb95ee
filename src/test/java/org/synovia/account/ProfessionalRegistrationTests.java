package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.shared.InvalidInputException;

class ProfessionalRegistrationTests {

    @ParameterizedTest
    @CsvSource({ "GMC, 1234567, GMC 1234567", "GMC, ' 123 4567 ', GMC 1234567", "HCPC, ra12345, HCPC RA12345",
            "HCPC, RA123456, HCPC RA123456", "NMC, 12a3456e, NMC 12A3456E" })
    void acceptsANumberOfTheRegistersShapeAndPrintsItWithTheRegister(ProfessionalRegister register, String typed,
            String printed) {
        assertThat(new ProfessionalRegistration(register, typed).printed()).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({ "GMC, 123456", "GMC, 12345678", "GMC, A123456", "HCPC, R12345", "HCPC, RA1234", "NMC, 1234567E",
            "NMC, 12A3456" })
    void refusesANumberNotOfTheRegistersShapeSayingWhatItShouldBe(ProfessionalRegister register, String typed) {
        assertThatThrownBy(() -> new ProfessionalRegistration(register, typed)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("A " + register.abbreviation() + " number is " + register.numberShape());
    }

    @Test
    void refusesAMissingNumberOrRegister() {
        assertThatThrownBy(() -> new ProfessionalRegistration(ProfessionalRegister.GMC, " "))
                .hasMessageContaining("Enter the GMC number.");
        assertThatThrownBy(() -> new ProfessionalRegistration(null, "1234567"))
                .hasMessageContaining("Choose the register");
    }

    @Test
    void namesASignatoryByFullNameGradeAndRegistration() {
        var signed = new UserAccount("dr.okafor", "Dr Ngozi Okafor", null, null, Set.of(Role.RADIOLOGIST),
                StaffGrade.CONSULTANT, true, Instant.EPOCH,
                new ProfessionalRegistration(ProfessionalRegister.GMC, "1234567"));
        var unregistered = new UserAccount("nurse.evans", "Sister Carys Evans", null, null, Set.of(Role.NURSE), null,
                true, Instant.EPOCH);

        assertThat(signed.signatory()).isEqualTo("Dr Ngozi Okafor, Consultant, GMC 1234567");
        assertThat(unregistered.signatory()).isEqualTo("Sister Carys Evans");
    }
}
