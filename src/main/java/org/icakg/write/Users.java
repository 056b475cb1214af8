package org.icakg.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.icakg.kb.UnreadableInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintainers allowed to write, and the check of their passwords.
 * <p>
 * Sources: a file of {@code user:SECRET} lines ({@code #} starts a comment), and the environment variable {@value #ENV}
 * holding {@code user:SECRET} entries separated by commas. SECRET is, best first: {@code pbkdf2-sha256:…} as the
 * {@code passwd} command writes it (salted and slow, see {@link PasswordHash}); {@code sha256:} and 64 hex digits (an
 * unsalted digest); or the password itself. The last two still work and are named in a warning at start.
 * <p>
 * A PBKDF2 check costs a good fraction of a second of processor time, on purpose. So that a maintainer's every request
 * does not pay it, a password once proven right is remembered, per user, as an HMAC under a key drawn at random when the
 * server starts and never stored: the next request with the same user and password is checked against that in
 * microseconds. A wrong password is never remembered, so every guess pays the full PBKDF2 cost, as it would against the
 * file; and at most {@link #CONCURRENT_CHECKS} PBKDF2 checks run at once, so a flood of guesses holds at most that many
 * processors.
 */
public final class Users {

    /** Environment variable with {@code user:SECRET,user:SECRET}. */
    public static final String ENV = "ICA_KG_USERS";
    /** PBKDF2 checks that may run at once; more wait their turn. */
    public static final int CONCURRENT_CHECKS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.users");
    private static final Pattern HASHED = Pattern.compile("sha256:[0-9a-fA-F]{64}");
    /** Checked for unknown user names, so that they take as long as known ones. */
    private static final Credential NOBODY = new Slow(new PasswordHash(PasswordHash.DEFAULT_ITERATIONS,
            new byte[PasswordHash.SALT_BYTES], new byte[PasswordHash.HASH_BYTES]));

    /** How a password is kept. */
    private sealed interface Credential permits Slow, Digest {}

    /** PBKDF2, salted. */
    private record Slow(PasswordHash hash) implements Credential {}

    /** Unsalted SHA-256, of a {@code sha256:} line or of a password given in plain text. */
    private record Digest(byte[] sha256) implements Credential {}

    private final Map<String, Credential> credentials;
    private final List<String> warnings;
    private final Map<String, byte[]> proven = new ConcurrentHashMap<>();
    private final byte[] provenKey = new byte[32];
    private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS, true);
    private final AtomicLong slowChecks = new AtomicLong();

    private Users(Map<String, Credential> credentials, List<String> warnings) {
        this.credentials = Map.copyOf(credentials);
        this.warnings = List.copyOf(warnings);
        new SecureRandom().nextBytes(provenKey);
    }

    /** Users from a file (may be null) and from the value of {@value #ENV} (may be null or blank). */
    public static Users load(Path file, String environment) {
        Map<String, Credential> credentials = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        if (file != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UnreadableInputException("users file " + file + ": cannot read: " + e.getMessage());
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("#"))
                    put(credentials, warnings, line, "users file " + file + " line " + (i + 1));
            }
        }
        if (environment != null && !environment.isBlank()) {
            String[] entries = environment.split(",");
            for (int i = 0; i < entries.length; i++)
                put(credentials, warnings, entries[i].strip(), ENV + " entry " + (i + 1));
        }
        warnings.forEach(LOG::warn);
        return new Users(credentials, warnings);
    }

    /** True when nobody may write. */
    public boolean isEmpty() { return credentials.isEmpty(); }

    public int size() { return credentials.size(); }

    /** What the sources hold that works but should be replaced (passwords kept without salt), one sentence each. */
    public List<String> warnings() { return warnings; }

    /** PBKDF2 checks run so far: one per wrong password, one per user for the right one. */
    public long slowChecks() { return slowChecks.get(); }

    /** The user name when the password is right; how long it takes does not depend on how much of it matched. */
    public Optional<String> authenticate(String user, String password) {
        byte[] tag = tag(user, password);
        byte[] known = proven.get(user);
        if (known != null && MessageDigest.isEqual(known, tag))
            return Optional.of(user);
        Credential credential = credentials.get(user);
        boolean right = check(credential == null ? NOBODY : credential, password) && credential != null;
        if (!right)
            return Optional.empty();
        proven.put(user, tag);
        return Optional.of(user);
    }

    private boolean check(Credential credential, String password) {
        if (credential instanceof Digest d)
            return MessageDigest.isEqual(d.sha256(), sha256(password));
        checks.acquireUninterruptibly();
        try {
            slowChecks.incrementAndGet();
            return ((Slow) credential).hash().matches(password.toCharArray());
        } finally {
            checks.release();
        }
    }

    /** HMAC of user and password under this process's random key: what a proven password is remembered as. */
    private byte[] tag(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(provenKey, "HmacSHA256"));
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static void put(Map<String, Credential> credentials, List<String> warnings, String entry, String where) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1)
            throw new UnreadableInputException(where + ": expected user:password (the password is not shown)");
        String user = entry.substring(0, colon), secret = entry.substring(colon + 1);
        Optional<PasswordHash> slow;
        try {
            slow = PasswordHash.parse(secret);
        } catch (IllegalArgumentException e) {
            throw new UnreadableInputException(where + ": " + e.getMessage());
        }
        if (slow.isPresent()) {
            credentials.put(user, new Slow(slow.get()));
            return;
        }
        boolean digest = HASHED.matcher(secret).matches();
        credentials.put(user, new Digest(digest ? HexFormat.of().parseHex(secret.substring(7)) : sha256(secret)));
        warnings.add(where + ": the password of '" + user + "' is kept " + (digest ? "as an unsalted SHA-256 digest"
                : "in plain text") + "; replace it with the line `java -jar target/ica-kg.jar passwd " + user
                + "` prints (PBKDF2, salted)");
    }

    /** SHA-256 of a password (hex), as a {@code sha256:} line holds it. */
    public static String digestHex(String password) { return HexFormat.of().formatHex(sha256(password)); }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
