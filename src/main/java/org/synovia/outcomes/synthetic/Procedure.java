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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.synovia.diary.TimePoint;
import org.synovia.referral.Intent;
import org.synovia.outcomes.synthetic.SyntheticData.Guidance;
import org.synovia.outcomes.synthetic.SyntheticData.Plan;
import org.synovia.outcomes.synthetic.SyntheticData.Site;
import org.synovia.outcomes.synthetic.SyntheticData.Tables;

/**
 * One synthetic patient's way from referral to a signed procedure and a diary, drawn from a random generator
 * seeded by the run's seed and the procedure's number. The shapes are plausible, not evidence: waits drawn
 * around the standards, relief lasting weeks to months, response shares per site as set in
 * {@link SyntheticData#SITES}, complications and red flags rare.
 */
final class Procedure {

    private static final String[] COMPLICATIONS = { "Vasovagal episode; recovered lying flat",
            "Minor bleeding at the puncture site; pressure applied", "Transient numbness of the limb; resolved before discharge",
            "Facial flushing" };
    private static final String[][] RED_FLAGS = { { "HOT_SWOLLEN_JOINT" }, { "FEVER" }, { "SPREADING_REDNESS" },
            { "UNWELL" }, { "HOT_SWOLLEN_JOINT", "FEVER" } };

    private Procedure() {
    }

    static void write(Plan plan, int i, Tables t) {
        SplittableRandom r = new SplittableRandom(plan.seed * 1_000_003L + i);
        String tag = plan.tag.toLowerCase();
        // Spread procedures evenly over the slots: slot k is room k mod R, then the slot of the day, then the day.
        long k = (long) Math.floor((double) i * plan.capacity() / plan.procedures);
        int room = (int) (k % plan.rooms);
        long rest = k / plan.rooms;
        int slotOfDay = (int) (rest % SyntheticData.SLOTS_PER_DAY);
        LocalDate day = plan.days.get((int) (rest / SyntheticData.SLOTS_PER_DAY));
        int weekday = day.getDayOfWeek().getValue() - 1;
        int operator = SyntheticData.operatorOf(plan, room, weekday);
        String operatorUser = "synthetic." + tag + ".op" + (operator + 1);
        Instant start = day.atTime(SyntheticData.FIRST_SLOT.plusMinutes((long) slotOfDay * SyntheticData.SLOT_MINUTES))
                .atZone(plan.zone).toInstant();
        Instant end = start.plus(Duration.ofMinutes(SyntheticData.SLOT_MINUTES));

        Guidance guidance = roomGuidance(room);
        Site site = weighted(r, SyntheticData.SITES_BY_GUIDANCE.get(guidance));
        boolean diagnostic = r.nextDouble() < site.diagnosticShare();
        String priority = r.nextDouble() < 0.05 ? "URGENT" : r.nextDouble() < 0.16 ? "SOON" : "ROUTINE";
        String standard = priority.equals("URGENT") ? "URGENT" : diagnostic ? "DM01" : "RTT";
        int targetWeeks = switch (standard) {
            case "URGENT" -> 2;
            case "DM01" -> 6;
            default -> 18;
        };

        // Waits: vetting within days, booking after weeks (longer for routine treatment), a letter's notice before.
        int leadDays = priority.equals("URGENT") ? 2 + r.nextInt(6) : 7 + r.nextInt(28);
        int bookWait = priority.equals("URGENT") ? r.nextInt(3) : (int) Math.min(220, exponential(r, diagnostic ? 10 : 38));
        int vetDays = priority.equals("URGENT") ? r.nextInt(2) : (int) Math.min(30, exponential(r, 3));
        Instant submitted = start.minus(Duration.ofDays((long) leadDays + bookWait + vetDays)).minus(Duration.ofHours(10));
        Instant vetted = submitted.plus(Duration.ofDays(vetDays)).plus(Duration.ofMinutes(60 + r.nextInt(300)));
        Instant booked = vetted.plus(Duration.ofDays(bookWait)).plus(Duration.ofMinutes(30 + r.nextInt(200)));
        LocalDate clockStart = LocalDate.ofInstant(submitted, plan.zone);

        UUID patient = uuid(r);
        UUID referral = uuid(r);
        UUID slot = uuid(r);
        UUID appointment = uuid(r);
        boolean female = r.nextDouble() < 0.6;
        int age = 30 + (int) Math.min(60, Math.abs(r.nextGaussian() * 12 + 28));
        LocalDate born = day.minusYears(age).minusDays(r.nextInt(365));
        String diabetes = r.nextDouble() < 0.09 ? "TYPE_2" : r.nextDouble() < 0.01 ? "TYPE_1" : "NONE";
        t.patients.append(row(patient, nhsNumber(plan), "SYN" + plan.tag + String.format(java.util.Locale.ROOT, "%07d", i), pick(r, FAMILY),
                pick(r, GIVEN), born, female ? "FEMALE" : "MALE", null, null, "Dr " + pick(r, FAMILY), pick(r, PRACTICES),
                // The address comes from the index, not the random draws, so a seed gives the same data as before it.
                submitted, BY, (1 + i % 200) + " Synthetic Road", "Synthtown", "ZZ" + (1 + i % 9) + " " + (i % 10) + "SY"));

        String laterality = site.code().startsWith("FACET") && r.nextDouble() < 0.4 ? "BILATERAL"
                : r.nextBoolean() ? "LEFT" : "RIGHT";
        String level = switch (site.code()) {
            case "FACET_LUMBAR" -> pick(r, new String[] { "L3/4", "L4/5", "L5/S1" });
            case "FACET_CERVICAL" -> pick(r, new String[] { "C4/5", "C5/6", "C6/7" });
            case "FACET_THORACIC" -> "T10/11";
            default -> null;
        };
        Drug main = mainDrug(r, site, diagnostic);
        String referrer = plan.referrers[r.nextInt(plan.referrers.length)];
        t.referrals.append(row(referral, uuid(r), patient, site.code(), laterality, level, diagnostic ? "DIAGNOSTIC" : "THERAPEUTIC",
                site.indication(), (diagnostic ? "Does a block of the " : "Pain relief by injection of the ")
                        + site.name().toLowerCase() + "? (synthetic referral)",
                "true", diabetes, diabetes.equals("TYPE_1") ? "YES" : "NO", "NO", "NO", "NO",
                female && age < 55 ? "NOT_PREGNANT" : "NOT_APPLICABLE", 55 + r.nextInt(55), priority, "Synthetic referrer",
                pick(r, PRACTICES), "DONE", "procedure done; record signed by " + operatorUser, end.plus(Duration.ofMinutes(10)),
                operatorUser, submitted, referrer, diagnostic ? "LOCAL_ANAESTHETIC_ONLY"
                        : main.hyaluronan ? "HYALURONAN" : "CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC"));
        t.vettings.append(row(uuid(r), referral, "ACCEPTED", guidance.name(), diagnostic ? null : main.product,
                main.anaesthetic, String.valueOf(guidance != Guidance.ULTRASOUND), "CONSULTANT", SyntheticData.SLOT_MINUTES,
                priority, "false", "FUNDED", "synthetic." + tag + ".radiologist", vetted));
        t.waiting.append(row(referral, patient, site.code(), guidance.name(), priority, standard, clockStart, targetWeeks,
                clockStart.plusWeeks(targetWeeks), "FUNDED", "false", vetted, "synthetic." + tag + ".radiologist", "BOOKED"));
        t.slots.append(row(slot, plan.templateIds[room][weekday], plan.roomIds[room], plan.operatorIds[operator], start, end,
                "false"));
        t.appointments.append(row(appointment, referral, patient, slot, plan.roomIds[room], plan.operatorIds[operator],
                "[\"" + start + "\",\"" + end + "\")", "BOOKED", booked, "synthetic." + tag + ".clerk"));
        String nurse = "synthetic." + tag + ".nurse";
        t.visits.append(row(appointment, referral, patient, "DONE", start.minus(Duration.ofMinutes(25)), nurse,
                "name and date of birth; NHS number", start.minus(Duration.ofMinutes(2)), nurse));

        int baseline = 4 + r.nextInt(6);
        boolean xray = guidance == Guidance.FLUOROSCOPY;
        boolean ct = guidance == Guidance.CT;
        Integer painAfter = Math.max(0, (int) Math.round(baseline * (0.2 + r.nextDouble() * 0.5)));
        double c = r.nextDouble();
        String complication = c < 0.010 ? COMPLICATIONS[0] : c < 0.018 ? COMPLICATIONS[1] : c < 0.023 ? COMPLICATIONS[2]
                : c < 0.025 ? COMPLICATIONS[3] : "None";
        Instant signed = end.plus(Duration.ofMinutes(10));
        t.records.append(row(appointment, referral, patient, SyntheticData.operatorName(plan, operator), guidance.name(),
                guidance == Guidance.ULTRASOUND ? "in plane, lateral to medial" : "posterior oblique", xray || ct
                        ? "22G 90 mm spinal" : "22G 50 mm", String.valueOf(xray || ct), "true", 2 + r.nextInt(3),
                xray ? String.format(java.util.Locale.ROOT, "%.3f", 0.1 + r.nextDouble() * 1.9) : null, xray ? 5 + r.nextInt(55) : null,
                ct ? String.format(java.util.Locale.ROOT, "%.1f", 50 + r.nextDouble() * 350) : null, ct ? String.format(java.util.Locale.ROOT, "%.2f", 2 + r.nextDouble() * 13) : null,
                baseline, complication, "true", end.plus(Duration.ofMinutes(5)), operatorUser, signed, operatorUser));
        // The score in recovery, timed within the anaesthetic's window (facts DX-05), as the operator records it.
        t.painScores.append(row(uuid(r), appointment, 15, painAfter, end.plus(Duration.ofMinutes(15)), operatorUser));
        LocalDate expiry = day.plusDays(200 + r.nextInt(500));
        int position = 1;
        if (!diagnostic) {
            t.drugs.append(row(appointment, position++, main.product, main.dose, main.volume, "SYN" + (10000 + r.nextInt(90000)),
                    expiry, site.route(), site.name()));
        }
        t.drugs.append(row(appointment, position++, main.anaesthetic, main.anaestheticDose, main.anaestheticVolume,
                "SYN" + (10000 + r.nextInt(90000)), expiry, site.route(), site.name()));
        if (xray || ct) {
            t.drugs.append(row(appointment, position, "Iohexol (Omnipaque 300)", "0.5 mL", "0.50", "SYN" + (10000 + r.nextInt(90000)),
                    expiry, site.route(), site.name()));
        }

        if (r.nextDouble() < 0.85) {
            // The diary counts from the signing, as a real episode does.
            Instant injected = signed;
            diary(plan, r, t, appointment, referral, patient, site, main, diagnostic, baseline, injected, signed,
                    !diabetes.equals("NONE"), tag);
        }
    }

    private record Drug(String product, String dose, String volume, String anaesthetic, String anaestheticDose,
            String anaestheticVolume, boolean hyaluronan, double durationFactor, double responseFactor) {
    }

    private static Drug mainDrug(SplittableRandom r, Site site, boolean diagnostic) {
        if (diagnostic) {
            return new Drug(null, null, null, "Levobupivacaine (Chirocaine) 0.5%", "5 mg", "1.00", false, 0, 0);
        }
        boolean small = site.route().contains("sheath") || site.code().contains("SMALL") || site.code().contains("THUMB")
                || site.code().contains("MTP") || site.code().contains("MORTON");
        String la = r.nextBoolean() ? "Lidocaine hydrochloride 1%" : "Levobupivacaine (Chirocaine) 0.25%";
        int laMl = small ? 1 : 2 + r.nextInt(3);
        String laDose = (la.startsWith("Lido") ? 10 * laMl : laMl * 5 / 2) + " mg";
        String laVolume = laMl + ".00";
        if (site.code().equals("KNEE_JOINT") && r.nextDouble() < 0.12) {
            return new Drug("Sodium hyaluronate (Durolane) 60 mg/3 mL", "60 mg", "3.00", la, laDose, laVolume, true, 1.6, 0.8);
        }
        double d = r.nextDouble();
        if (site.guidance() == Guidance.CT && d < 0.15) {
            return new Drug("Dexamethasone sodium phosphate 3.3 mg/mL", "6.6 mg", "2.00", la, laDose, laVolume, false, 0.8, 1.0);
        }
        if (d < 0.55) {
            return new Drug("Methylprednisolone acetate (Depo-Medrone) 40 mg/mL", small ? "20 mg" : "40 mg",
                    small ? "0.50" : "1.00", la, laDose, laVolume, false, 1.0, 1.0);
        }
        return new Drug("Triamcinolone acetonide (Kenalog) 40 mg/mL", small ? "20 mg" : "40 mg", small ? "0.50" : "1.00", la,
                laDose, laVolume, false, 1.25, 1.05);
    }

    private static void diary(Plan plan, SplittableRandom r, Tables t, UUID appointment, UUID referral, UUID patient,
            Site site, Drug drug, boolean diagnostic, int baseline, Instant injected, Instant started, boolean diabetic,
            String tag) {
        UUID episode = uuid(r);
        int threshold = plan.diary.thresholdPercent(site.code(), plan.thresholds);
        List<TimePoint> points = plan.diary.timePoints(diagnostic ? Intent.DIAGNOSTIC : Intent.THERAPEUTIC);
        int window = plan.diary.anaestheticWindowMinutes();
        // As the diary sets them: the link lasts until the last time point and then a while longer.
        Instant expires = injected.plus(Duration.ofMinutes(points.getLast().minutesAfter())).plus(plan.diary.linkValidAfterLastPoint());
        byte[] token = new byte[32];
        for (int b = 0; b < token.length; b += 8) {
            long v = r.nextLong();
            for (int j = 0; j < 8; j++) {
                token[b + j] = (byte) (v >>> (8 * j));
            }
        }
        t.episodes.append(row(episode, appointment, referral, patient, diagnostic ? "DIAGNOSTIC" : "THERAPEUTIC", injected,
                baseline, threshold, token, expires, started, expires.isBefore(plan.now) ? expires : null, String.valueOf(diabetic)));
        // The referrer's summary of a past episode counts as written, so that the diary job does not send it now.
        Instant summaryDue = injected.plus(plan.diary.summaryAfter(diagnostic ? Intent.DIAGNOSTIC : Intent.THERAPEUTIC));
        if (!summaryDue.isAfter(plan.now)) {
            t.summaries.append(row(episode, "Synthetic episode: no summary was written or sent.", summaryDue, null));
        }

        double adherence = r.nextDouble() < 0.1 ? 0 : 0.5 + r.nextDouble() * 0.5;
        boolean responder = r.nextDouble() < (diagnostic ? 0.5 : site.responderShare() * drug.responseFactor);
        double relief = responder ? 0.4 + r.nextDouble() * 0.5 : r.nextDouble() * 0.25;
        if (diagnostic && responder && threshold > 50) {
            relief = 0.8 + r.nextDouble() * 0.2;
        }
        double reliefDays = Math.exp(Math.log(site.medianReliefDays() * Math.max(drug.durationFactor, 0.1)) + 0.6 * r.nextGaussian());
        boolean flare = !diagnostic && r.nextDouble() < 0.08;
        int flagAt = r.nextDouble() < 0.006 ? 7 + r.nextInt(4) : -1;
        List<String> flagged = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            TimePoint point = points.get(p);
            Instant due = injected.plus(Duration.ofMinutes(point.minutesAfter()));
            boolean hourly = point.minutesAfter() < 24 * 60;
            Instant recorded = due.plus(Duration.ofMinutes(hourly ? r.nextInt(20) : r.nextInt(600)));
            if (recorded.isAfter(plan.now)) {
                break;
            }
            boolean flagHere = diagnostic ? p == flagAt : p == flagAt - 7;
            if (!flagHere && r.nextDouble() > adherence * (1 - 0.02 * p)) {
                continue;
            }
            double days = point.minutesAfter() / 1440.0;
            double pain;
            if (diagnostic) {
                pain = point.minutesAfter() <= window ? baseline * (1 - relief) : baseline - r.nextInt(2);
            }
            else if (flare && days < 1.5) {
                pain = baseline + 1;
            }
            else if (days < 1.5) {
                pain = baseline * (1 - relief * 0.5);
            }
            else if (responder && days <= reliefDays) {
                pain = baseline * (1 - relief);
            }
            else if (responder) {
                pain = baseline - r.nextInt(2);
            }
            else {
                pain = baseline * (1 - relief);
            }
            if (r.nextDouble() < 0.25) {
                pain += r.nextBoolean() ? 1 : -1;
            }
            int painNow = (int) Math.max(0, Math.min(10, Math.round(pain)));
            Integer worst = hourly ? null : Math.min(10, painNow + r.nextInt(3));
            Integer pgic = days < 14 ? null : responder && days <= reliefDays ? 1 + r.nextInt(3) : 3 + r.nextInt(3);
            List<String> effects = new ArrayList<>();
            if (flare && days < 1.5) {
                effects.add("FLARE");
            }
            if (!diagnostic && days <= 3 && r.nextDouble() < 0.03) {
                effects.add("FLUSHING");
            }
            if (days <= 3 && r.nextDouble() < 0.01) {
                effects.add("BRUISING");
            }
            if (days >= 28 && r.nextDouble() < 0.003) {
                effects.add("SKIN_CHANGE");
            }
            String glucose = diabetic && days >= 1 && days <= 7 ? String.format(java.util.Locale.ROOT, "%.1f", 6 + r.nextDouble() * 9) : null;
            String flags = flagHere ? String.join(",", RED_FLAGS[r.nextInt(RED_FLAGS.length)]) : "";
            UUID entry = uuid(r);
            t.entries.append(row(entry, episode, point.code(), point.minutesAfter(), recorded, painNow, worst, pgic,
                    String.join(",", effects), glucose, flags));
            t.entryCount++;
            if (flagHere) {
                Instant acknowledged = recorded.plus(Duration.ofMinutes(30 + r.nextInt(150)));
                boolean open = acknowledged.isAfter(plan.now);
                flagged.add(row(uuid(r), episode, entry, flags, recorded, open ? null : acknowledged,
                        open ? null : "synthetic." + tag + ".nurse",
                        open ? null : "Phoned the patient; same-day review arranged (synthetic)"));
            }
        }
        flagged.forEach(t.alerts::append);
    }

    private static Guidance roomGuidance(int room) {
        return SyntheticData.ROOM_GUIDANCE[room % SyntheticData.ROOM_GUIDANCE.length];
    }

    private static Site weighted(SplittableRandom r, List<Site> sites) {
        double total = 0;
        for (Site s : sites) {
            total += s.weight();
        }
        double x = r.nextDouble() * total;
        for (Site s : sites) {
            x -= s.weight();
            if (x < 0) {
                return s;
            }
        }
        return sites.getLast();
    }

    private static double exponential(SplittableRandom r, double mean) {
        return -mean * Math.log(1 - r.nextDouble());
    }

    /**
     * The next NHS number of the 999 (test) range with a valid modulus-11 check digit; null once the range's
     * roughly 909,000 valid numbers are used up (or none are wanted), when the hospital number alone identifies
     * the patient.
     */
    static String nhsNumber(Plan plan) {
        while (plan.nhsNumbers && plan.nextNhs <= 999_999_999L) {
            long nine = plan.nextNhs++;
            String digits = Long.toString(nine);
            int sum = 0;
            for (int d = 0; d < 9; d++) {
                sum += (digits.charAt(d) - '0') * (10 - d);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits + check;
            }
        }
        return null;
    }
}
