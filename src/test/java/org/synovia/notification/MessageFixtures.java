package org.synovia.notification;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.SlotFinder;
import org.synovia.patient.NewPatient;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Guidance;
import org.synovia.testing.RecordCopies;
import org.synovia.vetting.Vetting;

/**
 * Patients booked or waiting for a cervical facet injection on apixaban (a letter with a blood-thinner instruction),
 * reached by whatever contact details the test gives them, and the messages stored for them.
 */
public record MessageFixtures(UserAccounts accounts, Patients patients, Referrals referrals, Vetting vetting,
        Sessions sessions, SlotFinder slotFinder, BookingDesk desk, JdbcClient jdbc) {

    public static NewPatient withoutEmailOrMobile() {
        return RecordCopies.with(RecordCopies.with(PatientFixtures.adult(), "email", null), "mobile", null);
    }

    /** Points the application at this fake SMS gateway (for a {@code @DynamicPropertySource}). */
    public static void textThrough(FakeTextProviders.Gateway gateway, DynamicPropertyRegistry registry) {
        registry.add("synovia.notification.sms.provider", () -> "http-gateway");
        registry.add("synovia.notification.sms.gateway.url", gateway::url);
        registry.add("synovia.notification.sms.gateway.auth-value", () -> FakeTextProviders.Gateway.KEY);
    }

    /** The patient referred, vetted and waiting, with a CT clinic every day from {@code clinicAt}; the referral's id. */
    public UUID waiting(UserAccount clerk, NewPatient patient, LocalTime clinicAt) {
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.CT, day, clinicAt, clinicAt.plusMinutes(45), List.of(45));
        }
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist, patient,
                BookingFixtures::cervicalFacetOnApixaban, BookingFixtures.ctCervicalFacet());
        AccountFixtures.signIn(clerk);
        return referralId;
    }

    /** The patient booked by the clerk into the first slot offered; the clerk is left signed in. */
    public Appointment book(UserAccount clerk, NewPatient patient, LocalTime clinicAt) {
        UUID referralId = waiting(clerk, patient, clinicAt);
        return desk.book(referralId, slotFinder.search(referralId, 1).offers().getFirst().slot().id());
    }

    /** The first message about this record on this channel, once the event's listener has stored it. */
    public UUID awaitMessage(UUID aboutId, Channel channel) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select id from outbound_email where about_id = ? and channel = ? order by created_at limit 1")
                .params(aboutId, channel.name()).query(UUID.class).optional(), Optional::isPresent).orElseThrow();
    }
}
