package org.synovia.testing;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Reads the appointment letters the test mail server received. */
public final class ReceivedLetters {

    private ReceivedLetters() {
    }

    /**
     * The text of the emailed letter PDF naming this appointment, if it has arrived; other tests' letters, and
     * other emails with a similar subject but no letter (a cancellation, a move), are passed over.
     */
    public static Optional<String> appointmentLetter(GreenMailExtension smtp, UUID appointmentId) throws Exception {
        for (MimeMessage email : smtp.getReceivedMessages()) {
            if (email.getSubject() == null || !email.getSubject().startsWith("Your injection appointment")
                    || !(email.getContent() instanceof MimeMultipart parts)) {
                continue;
            }
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if ("appointment-letter.pdf".equals(part.getFileName())) {
                    String text = pdfText(part.getInputStream().readAllBytes());
                    if (text.contains(appointmentId.toString())) {
                        return Optional.of(text);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A PDF's text with every run of white space as one space. */
    public static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
