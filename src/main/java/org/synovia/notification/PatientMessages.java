package org.synovia.notification;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;

/**
 * Sends a message to a patient by the channel that reaches them ({@link ChannelChoice}): email, a text message, or
 * a letter in the print queue. Every channel is stored in the caller's transaction and goes after it commits.
 */
@Service
public class PatientMessages {

    private static final Logger log = LoggerFactory.getLogger(PatientMessages.class);

    private final Patients patients;
    private final ContactPreferences preferences;
    private final EmailOutbox outbox;
    private final TextChannel texts;

    PatientMessages(Patients patients, ContactPreferences preferences, EmailOutbox outbox, TextChannel texts) {
        this.patients = patients;
        this.preferences = preferences;
        this.outbox = outbox;
        this.texts = texts;
    }

    /** What was stored: the channel and the message's id; empty when the patient opted out of this message. */
    public record Sent(Channel channel, UUID messageId) {
    }

    @Transactional
    public Optional<Sent> send(PatientMessage message) {
        Patient patient = patients.find(new PatientId(message.patientId())).orElseThrow();
        Optional<Channel> channel = ChannelChoice.choose(preferences.of(message.patientId()), present(patient.email()),
                present(patient.mobile()), texts.configured(), message.mustInform());
        if (channel.isEmpty()) {
            log.info("Message {} not sent to patient {}: they opted out", message.purpose(), message.patientId());
            return Optional.empty();
        }
        UUID id = switch (channel.get()) {
            case EMAIL -> outbox.queue(new EmailOutbox.Stored(Channel.EMAIL, patient.email(), message.subject(),
                    message.emailBody(), message.link(), message.patientId(), message.purpose(), message.attachment(),
                    message.aboutId(), null));
            case SMS -> {
                UUID text = outbox.queue(new EmailOutbox.Stored(Channel.SMS, patient.mobile(), message.subject(),
                        message.text(), message.link(), message.patientId(), message.purpose(), null, message.aboutId(), null));
                // A text cannot carry the letter: the instructions in it (a blood thinner to stop) go on paper (HAZ-111).
                if (message.paperWithText() || message.attachment() != null) {
                    printed(patient, message);
                }
                yield text;
            }
            case LETTER -> printed(patient, message);
        };
        return Optional.of(new Sent(channel.get(), id));
    }

    private UUID printed(Patient patient, PatientMessage message) {
        return outbox.queue(new EmailOutbox.Stored(Channel.LETTER, patient.fullName(), message.subject(),
                message.letterBody(), null, message.patientId(), message.purpose(), message.attachment(), message.aboutId(),
                null));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
