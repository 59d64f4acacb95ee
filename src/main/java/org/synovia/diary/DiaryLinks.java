package org.synovia.diary;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.notification.NotificationProperties;
import org.synovia.notification.PatientLinkIssuer;
import org.synovia.shared.Secrets;

/**
 * A fresh diary link when staff send a diary message again or print it: every earlier link of the episode stops
 * working, so a link on a lost letter or a forwarded email cannot be used alongside the new one.
 */
@Component
class DiaryLinks implements PatientLinkIssuer {

    private final DiaryRepository repository;
    private final NotificationProperties notification;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    DiaryLinks(DiaryRepository repository, NotificationProperties notification, AuditTrail audit, java.time.Clock clock) {
        this.repository = repository;
        this.notification = notification;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean issues(String purpose) {
        return DiaryJobs.LINK_PURPOSE.equals(purpose) || "diary-reminder".equals(purpose);
    }

    @Override
    @Transactional
    public Optional<String> reissue(UUID episodeId) {
        return repository.byId(episodeId).filter(episode -> episode.openAt(clock.instant())).map(episode -> {
            String token = Secrets.newToken(32);
            repository.replaceLinks(episode.id(), Secrets.sha256(token));
            audit.record(AuditAction.UPDATE, DiaryEpisodes.RECORD_TYPE, episode.id(), episode.patientId(),
                    "diary link issued again; earlier links revoked");
            return notification.publicUrl() + "/my-diary/" + token;
        });
    }
}
