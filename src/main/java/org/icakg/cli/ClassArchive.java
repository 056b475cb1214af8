package org.icakg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A class-data-sharing archive of the classes {@code serve} loads, beside the jar: the JVM maps them ready-parsed
 * instead of reading and verifying some ten thousand classes at every start. The first relaunched server records
 * the archive when it exits ({@code -XX:ArchiveClassesAtExit}, into a file of its own that the launcher then moves
 * into place, so two servers never share a half-written archive); later ones start from it
 * ({@code -XX:SharedArchiveFile}). The archive's name carries the jar's size and time and the JVM's version, so a
 * rebuilt jar or another JVM records a new one. Nothing is archived when the class path is not one writable jar.
 */
record ClassArchive(Path archive) {

    /** The archive for {@code classPath} run by the JVM {@code vmVersion}, when the class path is one jar in a writable folder. */
    static Optional<ClassArchive> forClassPath(String classPath, String vmVersion) {
        Path jar = Path.of(classPath);
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator) || !Files.isRegularFile(jar))
            return Optional.empty();
        Path dir = jar.toAbsolutePath().getParent();
        if (dir == null || !Files.isWritable(dir))
            return Optional.empty();
        try {
            String key = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
                    + "|" + vmVersion;
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-" + hash(key) + ".jsa";
            return Optional.of(new ClassArchive(dir.resolve(name)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** JVM options for the server {@code launcherPid} starts: use the archive, or record it. */
    List<String> jvmOptions(long launcherPid) {
        // CDS reports classes it cannot archive as warnings on standard output; the archive is an optimisation only.
        String quiet = "-Xlog:cds*=off";
        if (Files.isRegularFile(archive))
            return List.of("-XX:SharedArchiveFile=" + archive, quiet);
        return List.of("-XX:ArchiveClassesAtExit=" + recording(launcherPid), quiet);
    }

    /** After the server ended: the archive it recorded, if complete, becomes the one later servers use. */
    void keep(long launcherPid) {
        Path recorded = recording(launcherPid);
        try {
            if (Files.isRegularFile(recorded) && Files.size(recorded) > 0 && !Files.exists(archive))
                Files.move(recorded, archive, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(recorded);
        } catch (IOException e) {
            // Another server put its archive in place first, or the folder changed: the next start records again.
        }
    }

    private Path recording(long launcherPid) {
        return archive.resolveSibling(archive.getFileName() + "." + launcherPid + ".part");
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
