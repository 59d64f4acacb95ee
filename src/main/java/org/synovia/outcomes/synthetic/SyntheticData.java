package org.synovia.outcomes.synthetic;

import java.sql.Connection;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.diary.DiaryProperties;
import org.synovia.outcomes.Outcomes;
import org.synovia.procedure.ProcedureRecords;
import org.synovia.procedure.ReliefThresholds;

/**
 * Fills a database with realistic synthetic patients, referrals, vetting decisions, waiting-list entries,
 * rooms, operators, sessions, slots, appointments, visits, signed procedure records with their drugs, diaries
 * with their entries and alerts, and then the outcome read model: all by COPY in one transaction, so a run
 * either adds everything or nothing (ADR 0019). Names, NHS numbers (999 range) and hospital numbers
 * ("SYN…") are obviously fake. Nothing here is a person's record, so the generator writes no audit rows.
 */
@Component
public class SyntheticData {

    private static final String RECORD_COLUMNS = "appointment_id, referral_id, patient_id, operator, guidance, approach, needle,"
            + " contrast_used, needle_tip_confirmed, key_images, dap_gy_cm2, screening_seconds, dlp_mgy_cm, ctdivol_mgy,"
            + " pain_before, complications, aftercare_given, saved_at, saved_by, signed_at, signed_by";

    private static final Logger log = LoggerFactory.getLogger(SyntheticData.class);

    static final int CHUNK = 10_000;
    static final LocalTime FIRST_SLOT = LocalTime.of(8, 20);
    static final int SLOT_MINUTES = 20;
    static final int SLOTS_PER_DAY = 24;
    /** Share of slots used: the rest stay free, as real lists have gaps. */
    static final double OCCUPANCY = 0.8;
    static final String BY = "synthetic";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Outcomes outcomes;
    private final Clock clock;
    private final DiaryProperties diary;
    private final ReliefThresholds thresholds;

    SyntheticData(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, Outcomes outcomes, Clock clock,
            DiaryProperties diary, ProcedureRecords procedureRecords) {
        this.diary = diary;
        this.thresholds = procedureRecords.reliefThresholds();
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** What one run made, with its timings. */
    public record Result(String tag, int procedures, int rooms, long diaryEntries, Duration generation, Duration projection) {
    }

    /** Creates {@code procedures} signed procedures spread over the last {@code years} years, ending yesterday. */
    public Result generate(int procedures, long seed, int years) {
        return generate(procedures, seed, years, true);
    }

    /**
     * As above; without {@code nhsNumbers} the patients have hospital numbers only, for a database where others
     * draw test NHS numbers at random (the integration tests' fixtures).
     */
    public Result generate(int procedures, long seed, int years, boolean nhsNumbers) {
        return generate(procedures, seed, years, nhsNumbers, 0);
    }

    /**
     * As above, and {@code openPerList} patients in each list still open today: waiting to be vetted, on the waiting
     * list, and booked into today's lists (ADR 0090).
     */
    public Result generate(int procedures, long seed, int years, boolean nhsNumbers, int openPerList) {
        return generate(procedures, seed, years, nhsNumbers, new OpenWork.Counts(openPerList, openPerList, openPerList));
    }

    /** As above, with a count of its own for each open list (a clinic waits thousands but books a few hundred a day). */
    Result generate(int procedures, long seed, int years, boolean nhsNumbers, OpenWork.Counts open) {
        if (procedures < 1 || years < 1) {
            throw new IllegalArgumentException("procedures and years must be at least 1, open work not negative");
        }
        return transactions.execute(status -> {
            long started = System.nanoTime();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Plan plan = plan(procedures, seed, years);
            plan.nhsNumbers = nhsNumbers;
            log.info("Synthetic data {}: {} procedures in {} rooms over {} weekdays", plan.tag, procedures, plan.rooms,
                    plan.days.size());
            writeCapacity(connection, plan);
            // Drugs of a signed record are refused by a trigger (records are final), and the application's role may
            // not switch triggers off (ADR 0048): each chunk's records are written unsigned, then their drugs, then
            // the signatures, kept meanwhile in this table.
            jdbc.sql("create temporary table synthetic_record on commit drop as select " + RECORD_COLUMNS
                    + " from procedure_record with no data").update();
            long entries = 0;
            for (int from = 0; from < procedures; from += CHUNK) {
                entries += writeChunk(connection, plan, from, Math.min(procedures, from + CHUNK));
                if ((from / CHUNK) % 10 == 9) {
                    log.info("Synthetic data {}: {} procedures written", plan.tag, from + CHUNK);
                }
            }
            long generated = System.nanoTime();
            for (String table : List.of("patient", "referral", "vetting_decision", "waiting_list_entry", "slot", "appointment",
                    "procedure_visit", "procedure_record", "procedure_pain_score", "procedure_drug", "diary_episode", "diary_entry")) {
                jdbc.sql("analyze " + table).update();
            }
            outcomes.rebuild();
            long done = System.nanoTime();
            Result result = new Result(plan.tag, procedures, plan.rooms, entries, Duration.ofNanos(generated - started),
                    Duration.ofNanos(done - generated));
            log.info("Synthetic data {}: {} procedures, {} diary entries written in {} s; outcome facts rebuilt in {} s",
                    plan.tag, procedures, entries, result.generation().toSeconds(), result.projection().toSeconds());
            if (open.any()) {
                writeOpenWork(connection, plan, open);
                log.info("Synthetic data {}: {} referrals to vet, {} on the waiting list and {} booked today", plan.tag,
                        open.toVet(), open.waiting(), open.today());
            }
            return result;
        });
    }

    /** Rooms, operators and weekdays sized so that the procedures fill about 80% of the slots. */
    static final class Plan {
        final String tag;
        final long seed;
        final int procedures;
        final int rooms;
        final List<LocalDate> days;
        final ZoneId zone;
        final Instant now;
        final UUID[] roomIds;
        final UUID[] operatorIds;
        final String[] operatorNames;
        final UUID[][] templateIds;
        final String[] referrers;
        /** The diary's own settings: time points, anaesthetic window and thresholds, as real episodes get them. */
        DiaryProperties diary;
        ReliefThresholds thresholds;
        boolean nhsNumbers = true;
        long nextNhs;

        Plan(String tag, long seed, int procedures, int rooms, List<LocalDate> days, ZoneId zone, Instant now) {
            this.tag = tag;
            this.seed = seed;
            this.procedures = procedures;
            this.rooms = rooms;
            this.days = days;
            this.zone = zone;
            this.now = now;
            this.roomIds = new UUID[rooms];
            this.operatorIds = new UUID[rooms];
            this.operatorNames = new String[rooms];
            this.templateIds = new UUID[rooms][5];
            this.referrers = new String[Math.min(60, 6 + procedures / 500)];
        }

        long capacity() {
            return (long) rooms * days.size() * SLOTS_PER_DAY;
        }
    }

    private Plan plan(int procedures, long seed, int years) {
        LocalDate today = LocalDate.now(clock);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = today.minusYears(years); d.isBefore(today); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        int rooms = (int) Math.max(3, Math.ceil(procedures / (OCCUPANCY * days.size() * SLOTS_PER_DAY)));
        // Each run on one database gets its own tag and seed, so that runs never collide on names or ids.
        Long runs = jdbc.sql("select count(*) from user_account where username like 'synthetic.%.referrer1'")
                .query(Long.class).single();
        String tag = "R" + (runs + 1);
        seed += runs * 1_000_000_007L;
        Plan plan = new Plan(tag, seed, procedures, rooms, days, clock.getZone(), clock.instant());
        Long highest = jdbc.sql("select max(substr(nhs_number, 1, 9)::bigint) from patient where nhs_number like '999%'")
                .query(Long.class).optional().orElse(null);
        plan.diary = diary;
        plan.thresholds = thresholds;
        plan.nextNhs = highest == null ? 999_000_000L : highest + 1;
        return plan;
    }

    static final Guidance[] ROOM_GUIDANCE = { Guidance.ULTRASOUND, Guidance.FLUOROSCOPY, Guidance.CT,
            Guidance.ULTRASOUND, Guidance.ULTRASOUND, Guidance.FLUOROSCOPY, Guidance.ULTRASOUND, Guidance.CT,
            Guidance.ULTRASOUND, Guidance.FLUOROSCOPY };

    enum Guidance { ULTRASOUND, FLUOROSCOPY, CT }

    private void writeCapacity(Connection connection, Plan plan) {
        SplittableRandom random = new SplittableRandom(plan.seed);
        Instant created = plan.now;
        StringBuilder accounts = new StringBuilder();
        for (int i = 0; i < plan.referrers.length; i++) {
            plan.referrers[i] = "synthetic." + plan.tag.toLowerCase() + ".referrer" + (i + 1);
            // Disabled, and '!' is no encoder's hash: nobody can sign in as a synthetic referrer.
            accounts.append(row(plan.referrers[i], "Dr " + pick(random, GIVEN) + " " + pick(random, FAMILY) + " (synthetic)",
                    null, pick(random, PRACTICES), "!", "false", created, BY));
        }
        PostgresCopy.copy(connection, "copy user_account (username, display_name, email, organisation, password_hash,"
                + " enabled, created_at, created_by) from stdin", accounts);
        StringBuilder roles = new StringBuilder();
        for (String referrer : plan.referrers) {
            roles.append(row(referrer, "REFERRER"));
        }
        PostgresCopy.copy(connection, "copy user_role (username, role) from stdin", roles);

        StringBuilder rooms = new StringBuilder();
        StringBuilder operators = new StringBuilder();
        StringBuilder templates = new StringBuilder();
        for (int r = 0; r < plan.rooms; r++) {
            plan.roomIds[r] = uuid(random);
            plan.operatorIds[r] = uuid(random);
            Guidance g = ROOM_GUIDANCE[r % ROOM_GUIDANCE.length];
            String roomName = (g == Guidance.CT ? "CT " : g == Guidance.FLUOROSCOPY ? "Fluoroscopy " : "Ultrasound ")
                    + (r + 1) + " (synthetic " + plan.tag + ")";
            rooms.append(row(plan.roomIds[r], roomName, "Synthetic Hospital " + (r / 4 + 1) + ", imaging department",
                    g == Guidance.ULTRASOUND ? "ULTRASOUND,LANDMARK" : g.name(), created, BY));
            plan.operatorNames[r] = "Dr " + GIVEN[(r * 7) % GIVEN.length] + " " + FAMILY[(r * 11 + 3) % FAMILY.length] + " "
                    + (r + 1);
            operators.append(row(plan.operatorIds[r], "synthetic." + plan.tag.toLowerCase() + ".op" + (r + 1),
                    plan.operatorNames[r], r % 5 == 4 ? "SPECIALTY_REGISTRAR" : "CONSULTANT", "ULTRASOUND,LANDMARK,FLUOROSCOPY,CT",
                    null, created, BY));
        }
        for (int r = 0; r < plan.rooms; r++) {
            for (int w = 0; w < 5; w++) {
                plan.templateIds[r][w] = uuid(random);
                // One operator per room and weekday, a different room each weekday: never in two rooms at once.
                templates.append(row(plan.templateIds[r][w], w + 1, FIRST_SLOT, FIRST_SLOT.plusMinutes(SLOTS_PER_DAY * SLOT_MINUTES),
                        plan.roomIds[r], plan.operatorIds[operatorOf(plan, r, w)], SLOT_MINUTES, "false",
                        plan.days.getFirst(), plan.days.getLast(), created, BY));
            }
        }
        copyCapacity(connection, rooms, operators, templates);
    }

    /** Open work of today beside the finished procedures, in one more chunk (ADR 0090). */
    private void writeOpenWork(Connection connection, Plan plan, OpenWork.Counts open) {
        StringBuilder rooms = new StringBuilder();
        StringBuilder operators = new StringBuilder();
        StringBuilder templates = new StringBuilder();
        OpenWork.TodayRooms today = OpenWork.todayRooms(plan, open.today(), rooms, operators, templates);
        copyCapacity(connection, rooms, operators, templates);
        Tables t = new Tables();
        for (OpenWork.Stage stage : OpenWork.Stage.values()) {
            for (int i = 0; i < open.of(stage); i++) {
                OpenWork.write(plan, stage, i, today, t);
            }
        }
        copyReferralsToAppointments(connection, t);
        for (String table : List.of("patient", "referral", "vetting_decision", "waiting_list_entry", "slot", "appointment")) {
            jdbc.sql("analyze " + table).update();
        }
    }

    static String operatorName(Plan plan, int operator) {
        return plan.operatorNames[operator];
    }

    static int operatorOf(Plan plan, int room, int weekdayIndex) {
        return (room + weekdayIndex) % plan.rooms;
    }

    /** One procedure's whole story, written in dependency order chunk by chunk. */
    private long writeChunk(Connection connection, Plan plan, int from, int to) {
        Tables t = new Tables();
        for (int i = from; i < to; i++) {
            Procedure.write(plan, i, t);
        }
        copyReferralsToAppointments(connection, t);
        PostgresCopy.copy(connection, "copy procedure_visit (appointment_id, referral_id, patient_id, status, arrived_at,"
                + " arrived_by, identified_by, in_room_at, in_room_by) from stdin", t.visits);
        PostgresCopy.copy(connection, "copy synthetic_record (" + RECORD_COLUMNS + ") from stdin", t.records);
        jdbc.sql("insert into procedure_record (" + RECORD_COLUMNS + ") select "
                + RECORD_COLUMNS.replace("signed_at, signed_by", "null, null") + " from synthetic_record").update();
        PostgresCopy.copy(connection, "copy procedure_pain_score (id, appointment_id, minutes_after, score, recorded_at,"
                + " recorded_by) from stdin", t.painScores);
        PostgresCopy.copy(connection, "copy procedure_drug (appointment_id, position, product, dose, volume_ml, batch,"
                + " expiry, route, site) from stdin", t.drugs);
        jdbc.sql("update procedure_record r set signed_at = s.signed_at, signed_by = s.signed_by from synthetic_record s"
                + " where r.appointment_id = s.appointment_id").update();
        jdbc.sql("delete from synthetic_record").update();
        PostgresCopy.copy(connection, "copy diary_episode (id, appointment_id, referral_id, patient_id, intent, injected_at,"
                + " baseline_pain, relief_threshold_percent, token_hash, expires_at, started_at, closed_at, diabetic)"
                + " from stdin", t.episodes);
        PostgresCopy.copy(connection, "copy diary_entry (id, episode_id, time_point, minutes_after, recorded_at, pain_now,"
                + " pain_worst_day, pgic, side_effects, glucose_mmol_l, red_flags) from stdin", t.entries);
        PostgresCopy.copy(connection, "copy diary_alert (id, episode_id, entry_id, red_flags, raised_at, acknowledged_at,"
                + " acknowledged_by, action_taken) from stdin", t.alerts);
        PostgresCopy.copy(connection, "copy diary_summary (episode_id, summary_text, written_at, sent_to) from stdin", t.summaries);
        return t.entryCount;
    }

    /** Rooms, operators and their weekly templates. */
    private static void copyCapacity(Connection connection, StringBuilder rooms, StringBuilder operators,
            StringBuilder templates) {
        PostgresCopy.copy(connection, "copy room (id, name, location, guidance, created_at, created_by) from stdin", rooms);
        PostgresCopy.copy(connection, "copy operator (id, username, display_name, grade, guidance, site_codes, created_at,"
                + " created_by) from stdin", operators);
        PostgresCopy.copy(connection, "copy session_template (id, weekday, start_time, end_time, room_id, operator_id,"
                + " slot_pattern, one_stop, valid_from, valid_to, created_at, created_by) from stdin", templates);
    }

    /** Patients, referrals, acceptances, waiting-list entries, slots and appointments of one chunk, in that order. */
    private static void copyReferralsToAppointments(Connection connection, Tables t) {
        PostgresCopy.copy(connection, "copy patient (id, nhs_number, hospital_number, family_name, given_name, date_of_birth,"
                + " sex, mobile, email, gp_name, gp_practice, created_at, created_by, address_line_1, address_town,"
                + " address_postcode) from stdin", t.patients);
        PostgresCopy.copy(connection, "copy referral (id, submission_key, patient_id, site_code, laterality, spinal_level,"
                + " intent, indication, clinical_question, no_known_allergies, diabetes, diabetes_on_insulin,"
                + " prosthetic_joint_at_site, infection_at_site, systemic_infection, pregnancy, weight_kg, urgency,"
                + " referrer_name, referrer_organisation, status, status_reason, status_changed_at, status_changed_by,"
                + " submitted_at, submitted_by, requested_injectate) from stdin", t.referrals);
        PostgresCopy.copy(connection, "copy vetting_decision (id, referral_id, outcome, guidance, corticosteroid,"
                + " local_anaesthetic, contrast, operator_grade, slot_minutes, priority, one_stop_eligible, funding_status,"
                + " decided_by, decided_at) from stdin", t.vettings);
        PostgresCopy.copy(connection, "copy waiting_list_entry (referral_id, patient_id, site_code, guidance, priority,"
                + " standard, clock_start, target_weeks, breach_date, funding_status, one_stop_eligible, added_at, added_by,"
                + " status) from stdin", t.waiting);
        PostgresCopy.copy(connection, "copy slot (id, template_id, room_id, operator_id, starts_at, ends_at, one_stop)"
                + " from stdin", t.slots);
        PostgresCopy.copy(connection, "copy appointment (id, referral_id, patient_id, slot_id, room_id, operator_id, during,"
                + " status, booked_at, booked_by) from stdin", t.appointments);
    }

    /** The COPY text of one chunk, table by table. */
    static final class Tables {
        final StringBuilder patients = new StringBuilder();
        final StringBuilder referrals = new StringBuilder();
        final StringBuilder vettings = new StringBuilder();
        final StringBuilder waiting = new StringBuilder();
        final StringBuilder slots = new StringBuilder();
        final StringBuilder appointments = new StringBuilder();
        final StringBuilder visits = new StringBuilder();
        final StringBuilder records = new StringBuilder();
        final StringBuilder drugs = new StringBuilder();
        final StringBuilder painScores = new StringBuilder();
        final StringBuilder episodes = new StringBuilder();
        final StringBuilder entries = new StringBuilder();
        final StringBuilder alerts = new StringBuilder();
        final StringBuilder summaries = new StringBuilder();
        long entryCount;
    }

    /** A site the generator uses, with how often it is injected under its usual guidance and how it tends to do. */
    record Site(String code, String name, Guidance guidance, double weight, String indication, double diagnosticShare,
            double responderShare, double medianReliefDays, String route) {
    }

    static final List<Site> SITES = List.of(
            new Site("FACET_LUMBAR", "Lumbar facet joint", Guidance.CT, 5, "OSTEOARTHRITIS", 0.5, 0.5, 84, "intra-articular"),
            new Site("FACET_CERVICAL", "Cervical facet joint", Guidance.CT, 1, "OSTEOARTHRITIS", 0.5, 0.45, 70, "intra-articular"),
            new Site("FACET_THORACIC", "Thoracic facet joint", Guidance.CT, 0.5, "OSTEOARTHRITIS", 0.4, 0.45, 70, "intra-articular"),
            new Site("SACROILIAC", "Sacroiliac joint", Guidance.CT, 3, "INFLAMMATORY_ARTHRITIS", 0.4, 0.55, 90, "intra-articular"),
            new Site("HIP_JOINT", "Hip joint", Guidance.FLUOROSCOPY, 5, "OSTEOARTHRITIS", 0.1, 0.6, 80, "intra-articular"),
            new Site("WRIST_JOINT", "Wrist joint", Guidance.FLUOROSCOPY, 1, "INFLAMMATORY_ARTHRITIS", 0.05, 0.65, 90, "intra-articular"),
            new Site("HAND_SMALL_JOINT", "Hand small joint (MCP or IP)", Guidance.FLUOROSCOPY, 1, "OSTEOARTHRITIS", 0.0, 0.6, 100, "intra-articular"),
            new Site("THUMB_BASE", "Thumb base (first carpometacarpal) joint", Guidance.FLUOROSCOPY, 2, "OSTEOARTHRITIS", 0.0, 0.6, 75, "intra-articular"),
            new Site("ANKLE_JOINT", "Ankle (tibiotalar) joint", Guidance.FLUOROSCOPY, 1.5, "OSTEOARTHRITIS", 0.1, 0.6, 80, "intra-articular"),
            new Site("SUBTALAR_JOINT", "Subtalar joint", Guidance.FLUOROSCOPY, 1, "OSTEOARTHRITIS", 0.2, 0.55, 75, "intra-articular"),
            new Site("FOOT_SMALL_JOINT", "Midfoot or toe joint", Guidance.FLUOROSCOPY, 1, "OSTEOARTHRITIS", 0.1, 0.55, 70, "intra-articular"),
            new Site("SUBACROMIAL_BURSA", "Shoulder subacromial bursa", Guidance.ULTRASOUND, 6, "BURSITIS", 0.0, 0.65, 56, "intrabursal"),
            new Site("KNEE_JOINT", "Knee joint", Guidance.ULTRASOUND, 5, "OSTEOARTHRITIS", 0.0, 0.6, 60, "intra-articular"),
            new Site("TROCHANTERIC_BURSA", "Greater trochanteric bursa", Guidance.ULTRASOUND, 3, "BURSITIS", 0.0, 0.6, 50, "intrabursal"),
            new Site("GLENOHUMERAL_JOINT", "Shoulder (glenohumeral) joint", Guidance.ULTRASOUND, 2, "OSTEOARTHRITIS", 0.0, 0.6, 60, "intra-articular"),
            new Site("GLUTEAL_TENDON", "Gluteal tendons (peritendinous)", Guidance.ULTRASOUND, 1, "TENDINOPATHY", 0.0, 0.5, 45, "peritendinous"),
            new Site("PSOAS_TENDON", "Iliopsoas tendon and bursa", Guidance.ULTRASOUND, 0.5, "TENDINOPATHY", 0.2, 0.5, 45, "peritendinous"),
            new Site("WRIST_TENDON_SHEATH", "Wrist tendon sheath (e.g. de Quervain)", Guidance.ULTRASOUND, 1, "TENDINOPATHY", 0.0, 0.7, 100, "tendon sheath"),
            new Site("FLEXOR_TENDON_SHEATH", "Finger flexor tendon sheath (trigger finger)", Guidance.ULTRASOUND, 1.5, "TENDINOPATHY", 0.0, 0.7, 110, "tendon sheath"),
            new Site("PES_ANSERINE_BURSA", "Knee pes anserine bursa", Guidance.ULTRASOUND, 0.5, "BURSITIS", 0.0, 0.6, 50, "intrabursal"),
            new Site("ANKLE_TENDON_SHEATH", "Ankle tendon sheath (peroneal, tibialis posterior)", Guidance.ULTRASOUND, 0.5, "TENDINOPATHY", 0.0, 0.55, 50, "tendon sheath"),
            new Site("PLANTAR_FASCIA", "Plantar fascia", Guidance.ULTRASOUND, 1.5, "TENDINOPATHY", 0.0, 0.6, 50, "perifascial"),
            new Site("MORTON_NEUROMA", "Intermetatarsal (Morton's) neuroma", Guidance.ULTRASOUND, 1, "OTHER", 0.0, 0.55, 70, "perineural"),
            new Site("ACROMIOCLAVICULAR", "Acromioclavicular joint", Guidance.ULTRASOUND, 1, "OSTEOARTHRITIS", 0.1, 0.6, 60, "intra-articular"),
            new Site("ELBOW_JOINT", "Elbow joint", Guidance.ULTRASOUND, 0.5, "INFLAMMATORY_ARTHRITIS", 0.0, 0.6, 60, "intra-articular"),
            new Site("FIRST_MTP_JOINT", "Big toe (first metatarsophalangeal) joint", Guidance.ULTRASOUND, 0.5, "OSTEOARTHRITIS", 0.0, 0.6, 70, "intra-articular"));

    static final Map<Guidance, List<Site>> SITES_BY_GUIDANCE = Map.of(
            Guidance.ULTRASOUND, SITES.stream().filter(s -> s.guidance() == Guidance.ULTRASOUND).toList(),
            Guidance.FLUOROSCOPY, SITES.stream().filter(s -> s.guidance() == Guidance.FLUOROSCOPY).toList(),
            Guidance.CT, SITES.stream().filter(s -> s.guidance() == Guidance.CT).toList());

    static final String[] FAMILY = { "Testpatient", "Synthetic", "Example", "Sample", "Fictional", "Madeup", "Dummy",
            "Placeholder", "Specimen", "Mockford", "Fakenham", "Notreal", "Imaginary", "Pretend", "Invented", "Nominal" };
    static final String[] GIVEN = { "Alex", "Sam", "Jo", "Chris", "Pat", "Robin", "Morgan", "Jamie", "Taylor", "Casey",
            "Jordan", "Riley", "Avery", "Quinn", "Rowan", "Sasha", "Kim", "Lee", "Drew", "Eden" };
    static final String[] PRACTICES = { "Synthetic Medical Centre", "Example Street Surgery", "Sample Health Centre",
            "Fictional Lane Practice", "Test Valley Group Practice", "Synthetic MSK Service", "Example Orthopaedics" };

    static UUID uuid(SplittableRandom random) {
        // A version-4 UUID from the seeded generator, so that one seed gives one data set.
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** One COPY text row: tab-separated, {@code \N} for null, backslashes and control characters escaped. */
    static String row(Object... values) {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                line.append("\\N");
            }
            else if (v instanceof byte[] bytes) {
                line.append("\\\\x").append(HexFormat.of().formatHex(bytes));
            }
            else {
                String text = v.toString();
                for (int c = 0; c < text.length(); c++) {
                    char ch = text.charAt(c);
                    switch (ch) {
                        case '\\' -> line.append("\\\\");
                        case '\t' -> line.append("\\t");
                        case '\n' -> line.append("\\n");
                        case '\r' -> line.append("\\r");
                        default -> line.append(ch);
                    }
                }
            }
        }
        return line.append('\n').toString();
    }
}
