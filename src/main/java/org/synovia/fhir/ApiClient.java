package org.synovia.fhir;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A hospital system allowed to call the FHIR API, with the scopes it was granted and, for SMART Backend Services,
 * its public key set: inline ({@code jwks}) or at a URL ({@code jwksUrl}); both null when it uses its secret only.
 */
public record ApiClient(UUID id, String clientId, String name, List<SmartScope> scopes, boolean enabled, Instant createdAt,
        String createdBy, String jwks, String jwksUrl) {

    public ApiClient {
        scopes = List.copyOf(scopes);
    }

    public boolean allows(String resourceType, char interaction) {
        return enabled && scopes.stream().anyMatch(s -> s.allows(resourceType, interaction));
    }

    /** Whether the client may ask for tokens with a signed assertion (it has registered keys). */
    public boolean hasKeys() {
        return jwks != null || jwksUrl != null;
    }
}
