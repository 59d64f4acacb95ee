package org.synovia.fhir;

/** A new client's id and secret; the secret is shown this once and only its hash is kept. */
public record IssuedCredentials(ApiClient client, String secret) {
}
