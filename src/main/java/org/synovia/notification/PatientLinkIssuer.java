package org.synovia.notification;

import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by a module that gives patients secret links (the diary), so that staff can send a message again
 * with a fresh link: only a link's hash is kept, and a sent message no longer holds its link (ADR 0054).
 */
public interface PatientLinkIssuer {

    /** True for the purposes of the messages whose links this module issues (e.g. {@code diary-link}). */
    boolean issues(String purpose);

    /**
     * A fresh link to the record the message is about, every earlier link to it revoked; empty when the record
     * no longer takes one (ended or expired).
     */
    Optional<String> reissue(UUID aboutId);
}
