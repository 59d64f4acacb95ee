package org.synovia.outcomes.synthetic;

import static org.synovia.outcomes.synthetic.SyntheticData.BY;
import static org.synovia.outcomes.synthetic.SyntheticData.FAMILY;
import static org.synovia.outcomes.synthetic.SyntheticData.GIVEN;
import static org.synovia.outcomes.synthetic.SyntheticData.PRACTICES;
import static org.synovia.outcomes.synthetic.SyntheticData.pick;
import static org.synovia.outcomes.synthetic.SyntheticData.row;
import static org.synovia.outcomes.synthetic.SyntheticData.uuid;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.synovia.outcomes.synthetic.SyntheticData.Guidance;
import org.synovia.outcomes.synthetic.SyntheticData.Plan;
import org.synovia.outcomes.synthetic.SyntheticData.Site;
import org.synovia.outcomes.synthetic.SyntheticData.Tables;

/**
 * The work still open today beside the finished procedures, so that every list a member of staff starts from has
 * rows (ADR 0090): referrals waiting to be vetted, accepted patients on the waiting list, and patients booked into
 * today's lists in rooms of their own (24 a room, one operator each), which the day list and the appointments page
 * show. Ultrasound-guided sites only: every room here is an ultrasound room.
 */
final class OpenWork {

    enum Stage { VETTING, WAITING, TODAY }

    /** How many patients each open list holds. */
    public record Counts(int toVet, int waiting, int today) {

        public Counts {
            if (toVet < 0 || waiting < 0 || today < 0) {
                throw new IllegalArgumentException("open work cannot be negative");
            }
        }

        boolean any() {
            return toVet + waiting + today > 0;
        }

        int of(Stage stage) {
            return switch (stage) {
                case VETTING -> toVet;
                case WAITING -> waiting;
                case TODAY -> today;
            };
        }
    }

    private OpenWork() {
    }

    /** Rooms, operators and one-day templates for today's booked patients. */
    static TodayRooms todayRooms(Plan plan, int patients, StringBuilder rooms, StringBuilder operators,
            StringBuilder templates) {
        int count = (patients + SyntheticData.SLOTS_PER_DAY - 1) / SyntheticData.SLOTS_PER_DAY;
        SplittableRandom random = new SplittableRandom(plan.seed ^ 0x7e57_da75L);
        LocalDate today = LocalDate.ofInstant(plan.now, plan.zone);
        UUID[] roomIds = new UUID[count];
        UUID[] operatorIds = new UUID[count];
        UUID[] templateIds = new UUID[count];
        String tag = plan.tag.toLowerCase();
        for (int r = 0; r < count; r++) {
            roomIds[r] = uuid(random);
            operatorIds[r] = uuid(random);
            templateIds[r] = uuid(random);
            rooms.append(row(roomIds[r], "Ultrasound today " + (r + 1) + " (synthetic " + plan.tag + ")",
                    "Synthetic Hospital, imaging department", "ULTRASOUND,LANDMARK", plan.now, BY));
            operators.append(row(operatorIds[r], "synthetic." + tag + ".today" + (r + 1), "Dr " + GIVEN[(r * 3) % GIVEN.length]
                    + " " + FAMILY[(r * 5 + 1) % FAMILY.length] + " today " + (r + 1), "CONSULTANT", "ULTRASOUND,LANDMARK", null,
                    plan.now, BY));
            templates.append(row(templateIds[r], today.getDayOfWeek().getValue(), SyntheticData.FIRST_SLOT,
                    SyntheticData.FIRST_SLOT.plusMinutes(SyntheticData.SLOTS_PER_DAY * SyntheticData.SLOT_MINUTES), roomIds[r],
                    operatorIds[r], SyntheticData.SLOT_MINUTES, "false", today, today, plan.now, BY));
        }
        return new TodayRooms(today, roomIds, operatorIds, templateIds);
    }

    record TodayRooms(LocalDate day, UUID[] roomIds, UUID[] operatorIds, UUID[] templateIds) {
    }

    /** Patient {@code i} of a stage: a referral, and from the waiting list on its acceptance, from today its booking. */
    static void write(Plan plan, Stage stage, int i, TodayRooms today, Tables t) {
        SplittableRandom r = new SplittableRandom(plan.seed * 7_000_003L + stage.ordinal() * 1_000_000L + i);
        String tag = plan.tag.toLowerCase();
        List<Site> sites = SyntheticData.SITES_BY_GUIDANCE.get(Guidance.ULTRASOUND);
        Site site = sites.get(r.nextInt(sites.size()));
        String priority = r.nextDouble() < 0.05 ? "URGENT" : r.nextDouble() < 0.16 ? "SOON" : "ROUTINE";
        String standard = priority.equals("URGENT") ? "URGENT" : "RTT";
        int targetWeeks = priority.equals("URGENT") ? 2 : 18;
        Instant submitted = plan.now.minus(Duration.ofDays(stage == Stage.VETTING ? 1 + r.nextInt(10) : 20 + r.nextInt(60)))
                .minus(Duration.ofMinutes(r.nextInt(600)));
        Instant vetted = submitted.plus(Duration.ofDays(1 + r.nextInt(5)));
        LocalDate clockStart = LocalDate.ofInstant(submitted, plan.zone);

        UUID patient = uuid(r);
        UUID referral = uuid(r);
        boolean female = r.nextDouble() < 0.6;
        int age = 30 + r.nextInt(55);
        t.patients.append(row(patient, Procedure.nhsNumber(plan), "SYN" + plan.tag + stage.name().charAt(0)
                + String.format(java.util.Locale.ROOT, "%06d", i), pick(r, FAMILY), pick(r, GIVEN),
                LocalDate.ofInstant(plan.now, plan.zone).minusYears(age).minusDays(r.nextInt(365)), female ? "FEMALE" : "MALE",
                null, null, "Dr " + pick(r, FAMILY), pick(r, PRACTICES), submitted, BY, (1 + i % 200) + " Synthetic Road",
                "Synthtown", "ZZ" + (1 + i % 9) + " " + (i % 10) + "SY"));
        String status = switch (stage) {
            case VETTING -> "SUBMITTED";
            case WAITING -> "WAITING";
            case TODAY -> "BOOKED";
        };
        String referrer = plan.referrers[r.nextInt(plan.referrers.length)];
        t.referrals.append(row(referral, uuid(r), patient, site.code(), r.nextBoolean() ? "LEFT" : "RIGHT", null, "THERAPEUTIC",
                site.indication(), "Pain relief by injection of the " + site.name().toLowerCase() + "? (synthetic referral)",
                "true", "NONE", "NO", "NO", "NO", "NO", female && age < 55 ? "NOT_PREGNANT" : "NOT_APPLICABLE", 55 + r.nextInt(55),
                priority, "Synthetic referrer", pick(r, PRACTICES), status, null,
                stage == Stage.VETTING ? submitted : vetted, stage == Stage.VETTING ? referrer : "synthetic." + tag + ".radiologist",
                submitted, referrer, "CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC"));
        if (stage == Stage.VETTING) {
            return;
        }
        t.vettings.append(row(uuid(r), referral, "ACCEPTED", Guidance.ULTRASOUND.name(),
                "Methylprednisolone acetate (Depo-Medrone) 40 mg/mL", "Lidocaine hydrochloride 1%", "false", "CONSULTANT",
                SyntheticData.SLOT_MINUTES, priority, "false", "FUNDED", "synthetic." + tag + ".radiologist", vetted));
        t.waiting.append(row(referral, patient, site.code(), Guidance.ULTRASOUND.name(), priority, standard, clockStart,
                targetWeeks, clockStart.plusWeeks(targetWeeks), "FUNDED", "false", vetted, "synthetic." + tag + ".radiologist",
                stage == Stage.WAITING ? "WAITING" : "BOOKED"));
        if (stage == Stage.WAITING) {
            return;
        }
        int room = i / SyntheticData.SLOTS_PER_DAY;
        Instant start = today.day().atTime(SyntheticData.FIRST_SLOT.plusMinutes(
                (long) (i % SyntheticData.SLOTS_PER_DAY) * SyntheticData.SLOT_MINUTES)).atZone(plan.zone).toInstant();
        Instant end = start.plus(Duration.ofMinutes(SyntheticData.SLOT_MINUTES));
        UUID slot = uuid(r);
        t.slots.append(row(slot, today.templateIds()[room], today.roomIds()[room], today.operatorIds()[room], start, end, "false"));
        t.appointments.append(row(uuid(r), referral, patient, slot, today.roomIds()[room], today.operatorIds()[room],
                "[\"" + start + "\",\"" + end + "\")", "BOOKED", vetted.plus(Duration.ofDays(2)), "synthetic." + tag + ".clerk"));
    }
}
