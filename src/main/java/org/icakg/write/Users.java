package org.icakg.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.icakg.kb.UnreadableInputException;

/**
 * The maintainers allowed to write, with their passwords kept only as SHA-256 digests and checked in constant time.
 * <p>
 * Sources: a file of {@code user:password} lines ({@code #} starts a comment; a password written as
 * {@code sha256:} and 64 hex digits is taken as the digest of the real one, so the file need not hold it), and the
 * environment variable {@value #ENV} holding {@code user:password} pairs separated by commas.
 */
public final class Users {

    /** Environment variable with {@code user:password,user:password}. */
    public static final String ENV = "ICA_KG_USERS";

    private static final Pattern HASHED = Pattern.compile("sha256:[0-9a-fA-F]{64}");
    private static final byte[] NOBODY = sha256("no such user");

    private final Map<String, byte[]> digests;

    private Users(Map<String, byte[]> digests) {
        this.digests = Map.copyOf(digests);
    }

    /** Nobody: writes are off. */
    public static Users none() { return new Users(Map.of()); }

    /** Users from a file (may be null) and from the value of {@value #ENV} (may be null or blank). */
    public static Users load(Path file, String environment) {
        Map<String, byte[]> digests = new HashMap<>();
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
                    put(digests, line, "users file " + file + " line " + (i + 1));
            }
        }
        if (environment != null && !environment.isBlank()) {
            String[] pairs = environment.split(",");
            for (int i = 0; i < pairs.length; i++)
                put(digests, pairs[i].strip(), ENV + " entry " + (i + 1));
        }
        return new Users(digests);
    }

    /** True when nobody may write. */
    public boolean isEmpty() { return digests.isEmpty(); }

    public int size() { return digests.size(); }

    /** The user name when the password is right; the time taken does not depend on how much of it matched. */
    public Optional<String> authenticate(String user, String password) {
        byte[] expected = digests.getOrDefault(user, NOBODY);
        boolean match = MessageDigest.isEqual(expected, sha256(password));
        return match && digests.containsKey(user) ? Optional.of(user) : Optional.empty();
    }

    private static void put(Map<String, byte[]> digests, String entry, String where) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1)
            throw new UnreadableInputException(where + ": expected user:password (the password is not shown)");
        String secret = entry.substring(colon + 1);
        digests.put(entry.substring(0, colon),
                HASHED.matcher(secret).matches() ? HexFormat.of().parseHex(secret.substring(7)) : sha256(secret));
    }

    /** SHA-256 of a password (hex), for writing a users file without the password in it. */
    public static String digestHex(String password) { return HexFormat.of().formatHex(sha256(password)); }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
