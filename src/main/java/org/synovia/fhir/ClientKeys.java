package org.synovia.fhir;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import org.synovia.shared.InvalidInputException;

/**
 * What a client's registered key set must be: public RSA keys of at least 2048 bits (RS384) or P-384 EC keys
 * (ES384), at most {@value #MAX_KEYS}; a URL over HTTPS (plain HTTP only on this machine, for a local test set-up).
 */
public final class ClientKeys {

    public static final int MAX_KEYS = 10;
    public static final int MAX_JWKS_LENGTH = 20_000;
    public static final int MAX_URL_LENGTH = 2_000;
    private static final int MIN_RSA_BITS = 2048;

    private ClientKeys() {
    }

    /** Parses an inline key set, or throws {@link InvalidInputException} on the field {@code jwks} saying why. */
    public static JWKSet checkInline(String jwks) {
        if (jwks.length() > MAX_JWKS_LENGTH) {
            throw new InvalidInputException("jwks", "A key set may be at most " + MAX_JWKS_LENGTH + " characters.");
        }
        JWKSet set;
        try {
            set = JWKSet.parse(jwks);
        }
        catch (ParseException e) {
            throw new InvalidInputException("jwks", "This is not a JSON Web Key Set ({\"keys\": [...]}).");
        }
        if (set.getKeys().isEmpty() || set.getKeys().size() > MAX_KEYS) {
            throw new InvalidInputException("jwks", "Give 1 to " + MAX_KEYS + " public keys.");
        }
        for (JWK key : set.getKeys()) {
            if (key.isPrivate()) {
                throw new InvalidInputException("jwks",
                        "The key set holds a private key: register the public keys only, and replace the exposed key.");
            }
            boolean rsa = key instanceof RSAKey r && r.size() >= MIN_RSA_BITS;
            boolean ec = key instanceof ECKey e && Curve.P_384.equals(e.getCurve());
            if (!rsa && !ec) {
                throw new InvalidInputException("jwks", "Each key must be RSA of at least " + MIN_RSA_BITS
                        + " bits (RS384) or EC on P-384 (ES384).");
            }
        }
        return set;
    }

    /** Checks a key set URL, or throws {@link InvalidInputException} on the field {@code jwksUrl} saying why. */
    public static URI checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            throw new InvalidInputException("jwksUrl", "This is not a URL.");
        }
        if (url.length() > MAX_URL_LENGTH || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new InvalidInputException("jwksUrl", "Give an https:// URL of at most " + MAX_URL_LENGTH + " characters.");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean localHttp = "http".equalsIgnoreCase(uri.getScheme()) && loopback(uri.getHost());
        if (!https && !localHttp) {
            throw new InvalidInputException("jwksUrl", "The key set must be fetched over https://.");
        }
        return uri;
    }

    /** Literal loopback names only: no name lookup while checking a form (it runs in a transaction). */
    private static boolean loopback(String host) {
        return "localhost".equalsIgnoreCase(host) || host.matches("127(\\.\\d{1,3}){3}") || "[::1]".equals(host);
    }
}
