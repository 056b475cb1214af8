package org.icakg.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a TDB2 store's dirty pages back to disk on several threads at once, once a write's changes are all in the
 * store and before its transaction commits, so that the commit's own forces, one file after the other, find little
 * left to write.
 * <p>
 * TDB2's commit forces each index file it changed (the memory-mapped B+tree blocks, the node table), one after
 * another, and each force waits for the kernel to clean the file's dirty pages and for the disk. An {@code fsync} on
 * any descriptor of a file writes back all of its dirty pages, those dirtied through a shared mapping included, so
 * forcing the files in parallel first does that work concurrently. TDB2's commit is untouched: it still writes and
 * forces its journal and forces every file it changed, as before. So this changes only when pages reach the disk,
 * never whether an acknowledged write is durable; a failure here is logged and otherwise ignored (the commit's own
 * forces report a real fault).
 */
final class EarlyForce {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.write");

    /** Files forced at once: a force mostly waits for the disk. */
    static final int THREADS = 8;

    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, new Daemons());

    /**
     * Starts forcing the index and node files of {@code dsg}'s current data folder; the future completes when all
     * are forced (at once for a data set that is not a TDB2 store).
     */
    CompletableFuture<Void> start(DatasetGraph dsg) {
        List<Path> files = files(dsg);
        CompletableFuture<?>[] forces = new CompletableFuture<?>[files.size()];
        for (int i = 0; i < forces.length; i++) {
            Path file = files.get(i);
            forces[i] = CompletableFuture.runAsync(() -> force(file), POOL);
        }
        return CompletableFuture.allOf(forces);
    }

    /** The files {@link #start} forces: {@code .dat}, {@code .idn} (B+tree blocks) and {@code .obj} (node data). */
    static List<Path> files(DatasetGraph dsg) {
        if (!TDBInternal.isTDB2(dsg))
            return List.of();
        List<Path> files = new ArrayList<>();
        // The folder is read for every write: compacting a store moves it to a new one.
        Path folder = Paths.get(TDBInternal.getDatasetGraphTDB(dsg).getLocation().getDirectoryPath());
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, EarlyForce::filled)) {
            dir.forEach(files::add);
        } catch (IOException | RuntimeException e) {
            LOG.debug("store files not forced early: {}", e.toString());
        }
        return files;
    }

    private static boolean filled(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".dat") || name.endsWith(".idn") || name.endsWith(".obj");
    }

    private static void force(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            LOG.debug("early force of {} failed: {}", file, e.toString());
        }
    }

    private static final class Daemons implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "ica-kg-store-force-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
