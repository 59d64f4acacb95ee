package org.synovia.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.account.StaffNames;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.PdfDocuments;

/**
 * Letters for patients without email or mobile (or who asked for paper): they wait in the print queue, staff make
 * a batch (one PDF of every waiting letter, each with a fresh link or code issued now), print it and mark it
 * printed; the letters then count as sent. The batch PDF holds the fresh links and codes, so it is kept only until
 * the batch is marked printed (ADR 0078).
 */
@Service
public class PrintQueue {

    static final int MAX_BATCH = 200;

    private final JdbcClient jdbc;
    private final FreshLinks links;
    private final PdfDocuments pdf;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final Patients patients;

    PrintQueue(JdbcClient jdbc, FreshLinks links, PdfDocuments pdf, UserAccounts accounts, AuditTrail audit, Clock clock,
            Patients patients) {
        this.patients = patients;
        this.jdbc = jdbc;
        this.links = links;
        this.pdf = pdf;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The letters waiting to be printed, oldest first. */
    @Transactional
    public List<OutboundEmail> waiting() {
        List<OutboundEmail> letters = jdbc.sql("select " + EmailOutbox.COLUMNS + """
                 from outbound_email where channel = 'LETTER' and status = 'QUEUED' and print_batch_id is null
                order by created_at limit ?""").param(MAX_BATCH).query(EmailOutbox::outboundEmail).list();
        audit.recordPerPatient(AuditAction.LIST, MessageCentre.RECORD_TYPE, letters, OutboundEmail::id,
                OutboundEmail::patientId, "print queue listed");
        return letters;
    }

    /**
     * Which of these letters cannot be posted: their patient has no postal address recorded (or they have no patient).
     * They stay out of every batch until the address is added (ADR 0100).
     */
    @Transactional
    public Set<UUID> cannotBePosted(List<OutboundEmail> letters) {
        Map<PatientId, Patient> addressees = addressees(letters.stream().map(OutboundEmail::patientId).toList());
        return letters.stream().filter(l -> !postable(addressees, l.patientId())).map(OutboundEmail::id)
                .collect(Collectors.toSet());
    }

    /** The latest batches, newest first, with the names of who made and printed them. */
    @Transactional(readOnly = true)
    public List<PrintBatch> batches(int limit) {
        record Row(UUID id, Timestamp createdAt, String createdBy, int letters, Timestamp printedAt, String printedBy) {
        }
        List<Row> rows = jdbc.sql("select id, created_at, created_by, letters, printed_at, printed_by from print_batch "
                + "order by created_at desc limit ?").param(limit).query(Row.class).list();
        StaffNames names = accounts.staffNames();
        return rows.stream().map(r -> new PrintBatch(r.id(), r.createdAt().toInstant(), names.of(r.createdBy()),
                r.letters(), r.printedAt() == null ? null : r.printedAt().toInstant(),
                r.printedBy() == null ? null : names.of(r.printedBy()))).toList();
    }

    /**
     * Puts every waiting letter that can be posted (up to {@value #MAX_BATCH}) in a new batch and renders its PDF,
     * each addressed to the patient's name and address as recorded now, issuing each letter's fresh link or code now
     * (the earlier one revoked); empty when no letter waits that can be posted.
     */
    @Transactional
    public Optional<UUID> makeBatch() {
        record Waiting(UUID id, UUID patientId) {
        }
        // Every waiting letter is locked, not only the first batch's: those without an address are passed over.
        List<Waiting> waiting = jdbc.sql("""
                select id, patient_id from outbound_email
                where channel = 'LETTER' and status = 'QUEUED' and print_batch_id is null
                order by created_at for update skip locked""").query(Waiting.class).list();
        Map<PatientId, Patient> addressees = addressees(waiting.stream().map(Waiting::patientId).toList());
        List<UUID> ids = waiting.stream().filter(w -> postable(addressees, w.patientId())).limit(MAX_BATCH)
                .map(Waiting::id).toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        UUID batchId = UUID.randomUUID();
        jdbc.sql("insert into print_batch (id, created_at, created_by, letters) values (?, ?, ?, ?)")
                .params(batchId, Timestamp.from(clock.instant()), CurrentUser.username(), ids.size()).update();
        jdbc.sql("update outbound_email set print_batch_id = ? where id = any(?)").params(batchId, ids.toArray(UUID[]::new))
                .update();
        List<Letter> letters = jdbc.sql("""
                select id, recipient, subject, body, patient_id, purpose, about_id, attachment from outbound_email
                where print_batch_id = ? order by created_at""").param(batchId)
                .query((rs, n) -> new Letter(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getObject("patient_id", UUID.class),
                        rs.getString("purpose"), rs.getObject("about_id", UUID.class), rs.getBytes("attachment")))
                .list();
        List<byte[]> documents = new ArrayList<>();
        for (Letter letter : letters) {
            documents.add(render(letter, addressees.get(new PatientId(letter.patientId()))));
            if (letter.attachment() != null) {
                documents.add(letter.attachment());
            }
        }
        jdbc.sql("update print_batch set pdf = ? where id = ?").params(merge(documents), batchId).update();
        audit.recordPerPatient(AuditAction.EXPORT, MessageCentre.RECORD_TYPE, letters, Letter::id, Letter::patientId,
                "letter put in print batch " + batchId);
        return Optional.of(batchId);
    }

    /** The batch's PDF while it waits to be printed; empty once printed (the fresh links in it are not kept). */
    @Transactional
    public Optional<byte[]> pdf(UUID batchId) {
        Optional<byte[]> document = jdbc.sql("select pdf from print_batch where id = ? and pdf is not null").param(batchId)
                .query(byte[].class).optional();
        document.ifPresent(d -> audit.record(AuditAction.EXPORT, "PrintBatch", batchId, null, "print batch PDF opened"));
        return document;
    }

    /** Records who printed the batch and when; its letters count as sent, and its PDF is no longer kept. */
    @Transactional
    public void markPrinted(UUID batchId) {
        Timestamp now = Timestamp.from(clock.instant());
        int marked = jdbc.sql("update print_batch set printed_at = ?, printed_by = ?, pdf = null where id = ? and printed_at is null")
                .params(now, CurrentUser.username(), batchId).update();
        if (marked == 0) {
            throw new InvalidInputException("batchId", "This batch is already marked printed, or there is no such batch.");
        }
        jdbc.sql("update outbound_email set status = 'SENT', sent_at = ? where print_batch_id = ?").params(now, batchId)
                .update();
        audit.record(AuditAction.UPDATE, "PrintBatch", batchId, null, "print batch marked printed");
    }

    private Map<PatientId, Patient> addressees(List<UUID> patientIds) {
        return patients.findAll(patientIds.stream().filter(Objects::nonNull).map(PatientId::new).toList());
    }

    private static boolean postable(Map<PatientId, Patient> addressees, UUID patientId) {
        Patient patient = patientId == null ? null : addressees.get(new PatientId(patientId));
        return patient != null && patient.address() != null;
    }

    /**
     * One letter's page: the service's header, the patient's name and address in the envelope's window, the text with
     * a fresh link or code where it says so.
     */
    private byte[] render(Letter letter, Patient addressee) {
        String body = letter.body();
        if (body.contains(EmailOutbox.LINK)) {
            String link = links.onPaper(letter.purpose(), letter.aboutId()).orElse(
                    "(this link has ended; please telephone us)");
            body = body.replace(EmailOutbox.LINK, link);
        }
        List<String> paragraphs = Arrays.stream(body.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        return pdf.render("notification/printed-letter", Map.of("addressee", addressee.fullName(), "address",
                addressee.address(), "subject", letter.subject(), "paragraphs", paragraphs, "written", LocalDate.now(clock)));
    }

    private static byte[] merge(List<byte[]> documents) {
        try (PDDocument combined = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (byte[] document : documents) {
                try (PDDocument part = Loader.loadPDF(document)) {
                    merger.appendDocument(combined, part);
                }
            }
            combined.save(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException("The print batch could not be put together", e);
        }
    }

    private record Letter(UUID id, String recipient, String subject, String body, UUID patientId, String purpose,
            UUID aboutId, byte[] attachment) {
    }
}
