package org.synovia.fhir;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hospital system allowed to call the FHIR API, with the scopes it was granted. */
public record ApiClient(UUID id, String clientId, String name, List<SmartScope> scopes, boolean enabled, Instant createdAt,
        String createdBy) {

    public ApiClient {
        scopes = List.copyOf(scopes);
    }

    public boolean allows(String resourceType, char interaction) {
        return enabled && scopes.stream().anyMatch(s -> s.allows(resourceType, interaction));
    }
}
