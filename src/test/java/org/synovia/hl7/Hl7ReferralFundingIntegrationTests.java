package org.synovia.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.BookingInvitations;
import org.synovia.referral.ReferralId;
import org.synovia.safety.Finding;
import org.synovia.shared.InvalidInputException;
import org.synovia.vetting.Acceptance;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.FundingState;
import org.synovia.waitinglist.FundingStatus;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;

/**
 * A referral made by an HL7 order gets its funding state as a form-made one does: vetting's policy, then the gate
 * (ADR 0072). Hyaluronan for knee osteoarthritis is not funded under NICE NG226, so it waits for an IFR decision.
 */
@SynoviaIntegrationTest
class Hl7ReferralFundingIntegrationTests {

    private static TestOrderSystem client;

    @Autowired MllpListener listener;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired BookingInvitations invitations;
    @BeforeAll
    static void startClient() {
        client = new TestOrderSystem();
    }

    @AfterAll
    static void stopClient() throws IOException {
        client.close();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void waitsForTheFundingDecisionLikeAFormMadeReferral() throws Exception {
        var sample = new Hl7InboundIntegrationTests.Sample();
        String text = sample.text("orm-o01-knee-on-apixaban.hl7", "T" + System.nanoTime())
                .replace("||CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC||", "||HYALURONAN||");
        Message ack = client.send(listener.port(), text);
        assertThat(new Terser(ack).get("MSA-1")).isEqualTo("AA");
        ReferralId id = new ReferralId(TestOrderSystem.referralOf(jdbc, sample.nhs).orElseThrow());

        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.RADIOLOGIST));
        var protocol = BookingFixtures.ultrasoundKnee();
        Map<String, String> reasons = vetting.recheck(id, protocol).needingJustification().stream()
                .collect(Collectors.toMap(Finding::ruleId, f -> "Justified for the test", (a, b) -> a));
        vetting.accept(id, protocol, new Acceptance(null, null, null, reasons));

        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.BOOKING));
        WaitingListEntry entry = waitingList.entry(id.value()).orElseThrow();
        assertThat(entry.fundingStatus()).isEqualTo(FundingStatus.INDIVIDUAL_FUNDING_REQUEST);
        assertThat(entry.funding().state()).isEqualTo(FundingState.AWAITING_APPROVAL);
        assertThatThrownBy(() -> invitations.invite(id.value())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Awaiting funding approval");
    }
}
