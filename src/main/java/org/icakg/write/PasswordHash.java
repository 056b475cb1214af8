package org.icakg.write;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password kept as PBKDF2-HMAC-SHA256 with a random salt, from the JDK: slow on purpose, so that a stolen users file
 * cannot be tried against a word list at the speed of a plain digest. Written in a users file as
 * {@code pbkdf2-sha256:ITERATIONS:SALT:HASH} (salt and hash in base64).
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    public static final String PREFIX = "pbkdf2-sha256:";
    /** Iterations of new hashes: OWASP's figure for PBKDF2-HMAC-SHA256 (2023). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Fewer iterations than this are refused when a users file is read. */
    public static final int MIN_ITERATIONS = 210_000;
    static final int SALT_BYTES = 16, HASH_BYTES = 32;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    public PasswordHash {
        if (iterations < MIN_ITERATIONS)
            throw new IllegalArgumentException("PBKDF2 iterations must be at least " + MIN_ITERATIONS + ", got " + iterations);
        if (salt.length < SALT_BYTES)
            throw new IllegalArgumentException("the salt must have at least " + SALT_BYTES + " bytes, got " + salt.length);
        if (hash.length != HASH_BYTES)
            throw new IllegalArgumentException("the hash must have " + HASH_BYTES + " bytes, got " + hash.length);
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes a password with a fresh random salt and {@link #DEFAULT_ITERATIONS}. */
    public static PasswordHash of(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new PasswordHash(DEFAULT_ITERATIONS, salt, derive(password, salt, DEFAULT_ITERATIONS));
    }

    /**
     * Reads {@code pbkdf2-sha256:ITERATIONS:SALT:HASH}; empty when {@code secret} does not start with {@link #PREFIX}.
     * Throws {@link IllegalArgumentException} naming what is wrong (never the secret) when it does but is malformed.
     */
    public static Optional<PasswordHash> parse(String secret) {
        if (!secret.startsWith(PREFIX))
            return Optional.empty();
        String[] parts = secret.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 3 || !parts[0].matches("\\d{1,9}"))
            throw new IllegalArgumentException("expected " + PREFIX + "ITERATIONS:SALT:HASH (as the passwd command writes it)");
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return Optional.of(new PasswordHash(Integer.parseInt(parts[0]), b64.decode(parts[1]), b64.decode(parts[2])));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed " + PREFIX + "hash: " + e.getMessage());
        }
    }

    /** True when {@code password} hashes to this; takes the same time whatever it is. */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    /** The form a users file holds after {@code user:}. */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + iterations + ':' + b64.encodeToString(salt) + ':' + b64.encodeToString(hash);
    }

    @Override
    public byte[] salt() { return salt.clone(); }

    @Override
    public byte[] hash() { return hash.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash); }

    @Override
    public String toString() { return PREFIX + iterations + ":…"; }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
