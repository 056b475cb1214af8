package org.icakg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * A class-data-sharing archive of the classes {@code serve} loads, beside the jar: the JVM maps them ready-parsed
 * instead of reading and verifying some ten thousand classes at every start. The first relaunched server records
 * the archive when it exits ({@code -XX:ArchiveClassesAtExit}, into a file of its own that the launcher then moves
 * into place, so two servers never share a half-written archive); later ones start from it
 * ({@code -XX:SharedArchiveFile}). The archive's name carries the jar's size and time and the JVM's version, so a
 * rebuilt jar or another JVM records a new one, and the kind of start: a server on a TDB2 store loads some 260
 * classes (TDB2's) that one serving from memory does not, and the other way round, so each kind records and uses an
 * archive of its own (a reopen from an archive recorded in memory read those classes from the jar: some 100 ms more of
 * the main thread's processor time). Nothing is archived when the class path is not one writable jar.
 *
 * <p>The JVM checks that an archive's class path is the one it runs with, as written: an archive recorded with
 * {@code -cp target/ica-kg.jar} is refused, silently, by a server started from another folder or with the jar's full
 * path, and every start then reads and verifies its classes again. So the server is always given the jar by its
 * absolute path ({@link #jar}), whatever path the launcher was given.
 */
record ClassArchive(Path archive, Path jar) {

    /** What a server loads: {@link #STORE} when it runs on a TDB2 store, else {@link #MEMORY}. */
    static final String STORE = "store", MEMORY = "memory";

    /**
     * The archive for {@code classPath} run by the JVM {@code vmVersion} for a start of the kind {@code kind}
     * ({@link #STORE} or {@link #MEMORY}), when the class path is one jar in a writable folder.
     */
    static Optional<ClassArchive> forClassPath(String classPath, String vmVersion, String kind) {
        Path jar = Path.of(classPath);
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator) || !Files.isRegularFile(jar))
            return Optional.empty();
        Path absolute = jar.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isWritable(dir))
            return Optional.empty();
        try {
            // Built without string concatenation, which costs the launcher a bootstrap of its own (see Relaunch).
            // "absolute": archives recorded before the class path was always absolute have other names.
            String key = new StringBuilder().append(absolute).append('|').append(Files.size(jar)).append('|')
                    .append(Files.getLastModifiedTime(jar).toMillis()).append('|').append(vmVersion).append('|').append(kind)
                    .append("|absolute").toString();
            String file = jar.getFileName().toString();
            String name = new StringBuilder(file).delete(file.length() - ".jar".length(), file.length()).append('-')
                    .append(hash(key)).append(".jsa").toString();
            return Optional.of(new ClassArchive(dir.resolve(name), absolute));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** JVM options for the server {@code launcherPid} starts: use the archive, or record it. */
    List<String> jvmOptions(long launcherPid) {
        return jvmOptions(launcherPid, true);
    }

    /**
     * JVM options for the server {@code launcherPid} starts: use the archive, or record it when {@code mayRecord}
     * (not under a flight recording: the JVM switches it off while it records an archive), else none.
     */
    List<String> jvmOptions(long launcherPid, boolean mayRecord) {
        // CDS reports classes it cannot archive as warnings on standard output; the archive is an optimisation only.
        String quiet = "-Xlog:cds*=off";
        if (Files.isRegularFile(archive))
            return List.of("-XX:SharedArchiveFile=".concat(archive.toString()), quiet);
        if (!mayRecord)
            return List.of();
        return List.of("-XX:ArchiveClassesAtExit=".concat(recording(launcherPid).toString()), quiet);
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
        return archive.resolveSibling(new StringBuilder().append(archive.getFileName()).append('.').append(launcherPid)
                .append(".part").toString());
    }

    /**
     * A 64-bit FNV-1a hash of {@code s}, in hex: names the archive of one jar and JVM (a cryptographic hash would
     * load and start the JDK's security providers in the launcher, for a name).
     */
    static String hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return Long.toHexString(h);
    }
}
