package org.icakg.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A write that the store's file system could not take: the disk is full, or failing. The write's transaction was
 * aborted, so nothing of it was written and the store is as it was before it.
 * <p>
 * A full disk shows in two ways: an {@link IOException} "No space left on device" from a file written with
 * {@code write} (the journal, the node table, the audit log), or an {@link InternalError} "a fault occurred in ...
 * unsafe memory access" when a page of a memory-mapped index file cannot be given disk space (the JVM's answer to
 * {@code SIGBUS}).
 */
public final class StoreWriteException extends RuntimeException {

    /** With less free space than this on the store's file system, a failed write is put down to a full disk. */
    public static final long MIN_FREE_BYTES = 8L << 20;
    static final String NO_SPACE = "No space left on device";
    static final String MAPPED_FAULT = "unsafe memory access";

    private final boolean diskFull;

    private StoreWriteException(String message, boolean diskFull, Throwable cause) {
        super(message, cause);
        this.diskFull = diskFull;
    }

    /** True when the disk is full (HTTP 507), false when it failed otherwise (503). */
    public boolean diskFull() { return diskFull; }

    /** {@code failure} as a store write failure when the store's file system caused it; empty otherwise. */
    static Optional<StoreWriteException> of(Throwable failure, Path storeDir) {
        String cause = fileSystemCause(failure);
        if (cause == null)
            return Optional.empty();
        long free = freeBytes(storeDir);
        boolean full = cause.contains(NO_SPACE) || (free >= 0 && free < MIN_FREE_BYTES);
        String space = free < 0 ? "" : " (" + free + " bytes free)";
        String message = (full ? "the store's disk is full: " : "the store could not be written: ") + cause + space
                + "; nothing was written";
        return Optional.of(new StoreWriteException(message, full, failure));
    }

    /** What the file system said, for the first cause in the chain that came from it; null if none did. */
    private static String fileSystemCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof IOException)
                return message.contains(NO_SPACE) ? NO_SPACE : message;
            if (t instanceof InternalError && message.contains(MAPPED_FAULT))
                return "a memory-mapped store file could not be given disk space";
        }
        return null;
    }

    private static long freeBytes(Path storeDir) {
        if (storeDir == null)
            return -1;
        try {
            return Files.getFileStore(storeDir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
