package org.synovia.notification;

import java.util.Optional;

/**
 * Which channel a message to a patient goes by (ADR 0075, ADR 0076): the patient's preferred channel if it can
 * reach them, else email, else a text message, else a printed letter, so that a patient without email or mobile
 * is still told. A patient who opted out gets only what the clinic must tell them, and that on paper.
 */
final class ChannelChoice {

    private ChannelChoice() {
    }

    /**
     * @param hasEmail the patient has an email address
     * @param hasMobile the patient has a mobile number
     * @param textsConfigured an SMS provider is configured
     * @param mustInform the clinic must tell the patient (an appointment letter, a cancellation)
     * @return the channel, or empty when the message is not sent (opted out, and not something the clinic must say)
     */
    static Optional<Channel> choose(ContactPreference preference, boolean hasEmail, boolean hasMobile,
            boolean textsConfigured, boolean mustInform) {
        if (preference.optedOut()) {
            return mustInform ? Optional.of(Channel.LETTER) : Optional.empty();
        }
        boolean canText = hasMobile && textsConfigured;
        if (preference.preferred() != null && reaches(preference.preferred(), hasEmail, canText)) {
            return Optional.of(preference.preferred());
        }
        if (hasEmail) {
            return Optional.of(Channel.EMAIL);
        }
        return Optional.of(canText ? Channel.SMS : Channel.LETTER);
    }

    private static boolean reaches(Channel channel, boolean hasEmail, boolean canText) {
        return switch (channel) {
            case EMAIL -> hasEmail;
            case SMS -> canText;
            case LETTER -> true;
        };
    }
}
