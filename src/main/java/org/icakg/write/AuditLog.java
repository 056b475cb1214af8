package org.icakg.write;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.PatchHeader;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.icakg.store.Stores;

/**
 * Who changed what, when: one RDF Patch per accepted write, with headers {@code id}, {@code user} and {@code time}.
 * <p>
 * With a store the patches are files {@code NNNNNNNN.rdfp} in the folder {@code audit/} inside the store's folder,
 * written and flushed to disk before the write commits (made and forced on a thread of their own while the write is
 * checked, then given their name) (a write whose commit then fails has its patch removed; after
 * a crash between the two, {@link #inDirectory} finds the last patch not in the store and sets it aside as
 * {@code .rdfp.not-committed}). The log is kept out of the data set on purpose: SPARQL readers are anonymous and
 * must not see maintainers' names. Without a store the log is kept in memory, like the data.
 */
public final class AuditLog {

    /** Folder of the patches, inside the store's folder. */
    public static final String FOLDER = "audit";
    static final String EXTENSION = ".rdfp";

    /** One accepted write. */
    public record Entry(String id, String user, Instant time, int added, int removed) {}

    /**
     * Makes and writes the patches ahead of their commits, so that forcing one to disk overlaps the write's
     * inference and validation. One daemon thread, made at the first write.
     */
    private static final Executor WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ica-kg-audit");
        t.setDaemon(true);
        return t;
    });

    private final Path dir;
    private final TreeMap<String, byte[]> memory = new TreeMap<>();
    private long last;

    private AuditLog(Path dir, long last) {
        this.dir = dir;
        this.last = last;
    }

    /** A log kept in memory only. */
    public static AuditLog inMemory() { return new AuditLog(null, 0); }

    /** The log in {@code storeDir/audit/}; checks that its last patch reached the store. */
    public static AuditLog inDirectory(Path storeDir, DatasetGraph store) {
        Path dir = storeDir.resolve(FOLDER);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Stores.StoreException("cannot create the audit folder " + dir + ": " + e);
        }
        AuditLog log = new AuditLog(dir, 0);
        log.last = log.ids().stream().mapToLong(Long::parseLong).max().orElse(0);
        log.setAsideIfNotCommitted(store);
        return log;
    }

    /**
     * Starts recording a write whose change is known but not yet checked: the patch is made, written to a temporary
     * file and forced to disk on a thread of its own while the write is inferred and validated. Then
     * {@link #publish} (before the commit) or {@link #discard(Pending)} (when the write is refused). Call within the
     * write's transaction: the store's single writer is what keeps the ids in order.
     */
    public synchronized Pending prepare(String user, Change change) {
        String id = String.format("%08d", last + 1);
        Instant time = Instant.now();
        last++;
        Entry entry = new Entry(id, user, time, change.added().size(), change.removed().size());
        Path tmp = dir == null ? null : temporary(dir.resolve(id + EXTENSION));
        CompletableFuture<byte[]> written = CompletableFuture.supplyAsync(() -> {
            byte[] patch = patch(id, user, time, change);
            if (tmp != null)
                writeForced(tmp, patch);
            return patch;
        }, WRITER);
        return new Pending(entry, tmp, written);
    }

    /**
     * Makes a prepared record part of the log, durably: once this returns, the patch is on disk under its own name.
     * A failure to write it (a full disk) is thrown here, before the write commits.
     */
    public void publish(Pending pending) {
        byte[] patch = pending.await();
        synchronized (this) {
            if (dir == null) {
                memory.put(pending.entry().id(), patch);
                return;
            }
            Path file = dir.resolve(pending.entry().id() + EXTENSION);
            try {
                Files.move(pending.tmp(), file, StandardCopyOption.ATOMIC_MOVE);
                try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                    d.force(true);
                }
            } catch (IOException e) {
                deleteQuietly(pending.tmp());
                throw new UncheckedIOException("cannot write audit entry " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Forgets a prepared record of a write that was refused or whose commit failed, published or not. */
    public void discard(Pending pending) {
        try {
            pending.await();
        } catch (RuntimeException e) {
            // the patch was never written: nothing of it to remove but the temporary file
        }
        deleteQuietly(pending.tmp());
        discard(pending.entry());
    }

    /** Forgets a recorded write whose commit failed; its id is given to the next write when no other came since. */
    private synchronized void discard(Entry entry) {
        memory.remove(entry.id());
        if (last == Long.parseLong(entry.id()))
            last--;
        if (dir != null) {
            try {
                Files.deleteIfExists(dir.resolve(entry.id() + EXTENSION));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A record being written ahead of its write's commit ({@link #prepare}). */
    public record Pending(Entry entry, Path tmp, CompletableFuture<byte[]> written) {
        /** The patch, once written and forced to disk; the failure to write it, unwrapped. */
        byte[] await() {
            try {
                return written.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r)
                    throw r;
                if (e.getCause() instanceof Error err)
                    throw err;
                throw e;
            }
        }
    }

    /** The most recent entries, newest first. */
    public synchronized List<Entry> recent(int limit) {
        List<Entry> out = new ArrayList<>();
        List<String> ids = ids();
        for (int i = ids.size() - 1; i >= 0 && out.size() < limit; i--) {
            String id = ids.get(i);
            patch(id).map(p -> entry(id, p)).ifPresent(out::add);
        }
        return out;
    }

    /** The RDF Patch text of one entry. */
    public synchronized Optional<byte[]> patch(String id) {
        if (!id.matches("\\d{8}"))
            return Optional.empty();
        if (dir == null)
            return Optional.ofNullable(memory.get(id));
        Path file = dir.resolve(id + EXTENSION);
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] patch(String id, String user, Instant time, Change change) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFChangesWriterText w = RDFPatchOps.textWriter(out);
        w.start();
        w.header("id", NodeFactory.createURI("urn:ica-kg:audit:" + id + ":" + UUID.randomUUID()));
        w.header("user", NodeFactory.createLiteralString(user));
        w.header("time", NodeFactory.createLiteralDT(time.toString(), XSDDatatype.XSDdateTime));
        w.txnBegin();
        Change sorted = change.sorted();
        sorted.removed().forEach(q -> w.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
        sorted.added().forEach(q -> w.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
        w.txnCommit();
        w.finish();
        w.close();
        return out.toByteArray();
    }

    private static Entry entry(String id, byte[] patch) {
        RDFPatch read = RDFPatchOps.read(new ByteArrayInputStream(patch));
        Counter counter = new Counter();
        read.apply(counter);
        PatchHeader h = read.header();
        return new Entry(id, h.get("user").getLiteralLexicalForm(), Instant.parse(h.get("time").getLiteralLexicalForm()),
                counter.added, counter.removed);
    }

    private List<String> ids() {
        if (dir == null)
            return new ArrayList<>(memory.keySet());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d{8}\\" + EXTENSION))
                    .map(n -> n.substring(0, 8)).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a crash between recording and committing, the last patch is not in the store: set it aside. */
    private void setAsideIfNotCommitted(DatasetGraph store) {
        if (last == 0)
            return;
        String id = String.format("%08d", last);
        RDFPatch patch = RDFPatchOps.read(new ByteArrayInputStream(patch(id).orElseThrow()));
        Counter check = new Counter(store);
        Txn.executeRead(store, () -> patch.apply(check));
        if (check.consistent)
            return;
        try {
            Files.move(dir.resolve(id + EXTENSION), dir.resolve(id + EXTENSION + ".not-committed"),
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        last--;
    }

    private static Path temporary(Path file) { return file.resolveSibling(file.getFileName() + ".tmp"); }

    /** Writes {@code bytes} to {@code tmp} and forces them to disk. */
    private static void writeForced(Path tmp, byte[] bytes) {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining())
                ch.write(buffer);
            ch.force(true);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write audit entry " + tmp + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null)
            return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a half-written temporary file is only in the way of this entry's id, which the next write overwrites
        }
    }

    /** Counts the changes of a patch and, given a store, checks that its additions are there and deletions not. */
    private static final class Counter extends RDFChangesBase {
        private final DatasetGraph store;
        int added, removed;
        boolean consistent = true;

        Counter() { this(null); }

        Counter(DatasetGraph store) { this.store = store; }

        @Override
        public void add(Node g, Node s, Node p, Node o) {
            added++;
            if (store != null && !store.contains(Quad.create(g, s, p, o)))
                consistent = false;
        }

        @Override
        public void delete(Node g, Node s, Node p, Node o) {
            removed++;
            if (store != null && store.contains(Quad.create(g, s, p, o)))
                consistent = false;
        }
    }
}
