package org.synovia.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import org.synovia.shared.OwnerOnlyFiles;

/**
 * Encrypts second-factor secrets with AES-256-GCM under a key kept in an owner-only file outside the database
 * (ADR 0061). The username is bound in as associated data, so a secret copied onto another account's row does not
 * open.
 */
@Component
class SecondFactorSecrets {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecondFactorProperties properties;
    private volatile SecretKeySpec key;

    SecondFactorSecrets(SecondFactorProperties properties) {
        this.properties = properties;
    }

    /** Twenty random bytes: the 160 bits RFC 4226 recommends for HMAC-SHA1. */
    static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    byte[] encrypt(String username, byte[] secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, username, iv, secret);
        return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    }

    byte[] decrypt(String username, byte[] stored) {
        return run(Cipher.DECRYPT_MODE, username, Arrays.copyOf(stored, IV_BYTES), Arrays.copyOfRange(stored, IV_BYTES, stored.length));
    }

    private byte[] run(int mode, String username, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("The second-factor secret of '" + username + "' could not be read with the key in "
                    + properties.keyFile(), e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            byte[] bytes = Base64.getDecoder().decode(OwnerOnlyFiles.readOrCreate(properties.keyFile(), () -> {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                return Base64.getEncoder().encodeToString(fresh);
            }).trim());
            known = new SecretKeySpec(bytes, "AES");
            key = known;
        }
        return known;
    }
}
