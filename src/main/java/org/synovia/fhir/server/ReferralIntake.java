package org.synovia.fhir.server;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * Turns a ServiceRequest into a referral through the referral module's own submit path. The submission key is
 * derived from the request identifier, so a resent or concurrent create with the same identifier meets the
 * referral table's unique key ({@code on conflict do nothing}) and gets the first referral back: never a second.
 */
@Service
class ReferralIntake {

    /** The width of {@code fhir_request_identifier.system} and {@code .value}. */
    static final int MAX_IDENTIFIER_LENGTH = 255;

    private final Referrals referrals;
    private final ReferralForm form;
    private final RequestIdentifiers identifiers;

    ReferralIntake(Referrals referrals, ReferralForm form, RequestIdentifiers identifiers) {
        this.referrals = referrals;
        this.form = form;
        this.identifiers = identifiers;
    }

    /** The referral and whether this call created it. */
    record Outcome(Referral referral, boolean created) {
    }

    @Transactional
    Outcome create(ServiceRequest request, Identifier key) {
        return create(request, key, null);
    }

    /** As a plain create, reading the patient's resources also from the transaction {@code bundle} it came in. */
    @Transactional
    Outcome create(ServiceRequest request, Identifier key, Bundle bundle) {
        if (key != null && (length(key.getSystem()) > MAX_IDENTIFIER_LENGTH || length(key.getValue()) > MAX_IDENTIFIER_LENGTH)) {
            throw new InvalidRequestException("ServiceRequest.identifier: the system and the value may each be at most "
                    + MAX_IDENTIFIER_LENGTH + " characters long.");
        }
        if (key != null) {
            Optional<UUID> earlier = identifiers.referral(key.getSystem(), key.getValue());
            if (earlier.isPresent()) {
                return new Outcome(referrals.show(new ReferralId(earlier.get())), false);
            }
        }
        var details = form.details(request, bundle);
        UUID submissionKey = key == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("ServiceRequest.identifier " + key.getSystem() + "|" + key.getValue())
                        .getBytes(StandardCharsets.UTF_8));
        Referral referral = referrals.submit(submissionKey, details);
        boolean created = key == null || identifiers.insertOnce(key, referral.id().value());
        return new Outcome(referral, created);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
