package org.synovia.account;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The one provider, read from its discovery document at the first sign-in rather than at start-up, so that Synovia
 * starts (and password sign-in works) while the provider is unreachable. A failed read is tried again at the next
 * sign-in; a successful one is kept.
 */
class SsoClientRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(SsoClientRegistrations.class);

    private final SsoProperties properties;
    private final RestClient provider;
    private volatile ClientRegistration registration;

    SsoClientRegistrations(SsoProperties properties, RestClient provider) {
        this.properties = properties;
        this.provider = provider;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!SsoProperties.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = discover();
            registration = known;
        }
        return known;
    }

    private ClientRegistration discover() {
        String issuer = properties.issuerUri().replaceAll("/+$", "");
        Map<String, Object> configuration;
        try {
            configuration = provider.get().uri(issuer + "/.well-known/openid-configuration").retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Object>>() {
                    });
        }
        catch (RestClientException | IllegalArgumentException e) {
            log.warn("Single sign-on: the provider's discovery document at {} could not be read: {}", issuer, e.getMessage());
            throw new IllegalStateException("The sign-in provider could not be reached.", e);
        }
        Object announced = configuration == null ? null : configuration.get("issuer");
        if (announced == null || !issuer.equals(announced.toString().replaceAll("/+$", ""))) {
            // OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it was fetched for.
            throw new IllegalStateException("The sign-in provider at " + issuer + " announced issuer " + announced);
        }
        return ClientRegistrations.fromOidcConfiguration(configuration)
                .registrationId(SsoProperties.REGISTRATION_ID)
                .clientName(properties.providerName())
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .scope(properties.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .build();
    }
}
