package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.referral.ReferralFixtures;
import org.synovia.shared.InvalidInputException;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.Funding;
import org.synovia.waitinglist.Payer;

/**
 * The procedure day refuses sign-in and time-out while funding does not cover the injection (ADR 0072): here the
 * patient, booked as NHS-funded, turns out to be insured, and the insurer's authorisation is not yet recorded.
 */
@SynoviaIntegrationTest
class FundingAtSignInIntegrationTests {

    @Autowired org.springframework.context.ApplicationContext context;

    @Autowired Checklists checklists;
    @Autowired UserAccounts accounts;
    @Autowired Vetting vetting;
    @Autowired Funding funding;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    ProcedureFixtures fixtures;
    UserAccount radiologist;
    UserAccount nurse;
    UserAccount admin;

    @BeforeEach
    void setUp() {
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        nurse = AccountFixtures.create(accounts, Role.NURSE);
        admin = AccountFixtures.create(accounts, Role.ADMIN);
        fixtures = ProcedureFixtures.of(context);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void refusesSignInUntilTheInsurersAuthorisationIsRecorded() {
        Appointment appointment = fixtures.consentedKnee(radiologist, nurse, ReferralFixtures::kneeOnApixaban);
        AccountFixtures.signIn(admin);
        funding.setPayer(appointment.referralId(), Payer.INSURER, "Example Health");
        AccountFixtures.signIn(nurse);
        ProcedureFixtures.unremarkableObservations(checklists, appointment.id(), LocalDateTime.now(clock));

        assertThatThrownBy(() -> checklists.confirm(appointment.id(), ChecklistStep.SIGN_IN,
                fixtures.everything(appointment.id(), ChecklistStep.SIGN_IN)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Awaiting insurer authorisation")
                .hasMessageContaining("cannot be booked or injected");

        AccountFixtures.signIn(admin);
        funding.approve(appointment.referralId(), "EH-5521", LocalDate.now(clock), null);
        AccountFixtures.signIn(nurse);
        Checklist checklist = checklists.confirm(appointment.id(), ChecklistStep.SIGN_IN,
                fixtures.everything(appointment.id(), ChecklistStep.SIGN_IN));
        assertThat(checklist.next()).contains(ChecklistStep.TIME_OUT);
    }
}
