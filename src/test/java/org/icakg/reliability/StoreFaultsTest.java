package org.icakg.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.icakg.kb.KnowledgeBase;
import org.icakg.support.Fixtures;
import org.icakg.support.ServerProcess;
import org.icakg.store.Stores;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that cannot be written is refused at start with a clear message and status 2, and is left as it was. */
class StoreFaultsTest {

    @TempDir
    Path dir;

    @Test
    void a_read_only_store_is_refused_with_a_clear_message_and_left_as_it_was() throws Exception {
        Path store = dir.resolve("store");
        DatasetGraph before = filledStore(store);
        ServerProcess server;
        if (!isRoot()) {
            setWritable(store, false);
            server = ServerProcess.run(dir.resolve("server.log"), serve(store));
        } else {
            // chmod does not stop root: mount the folder read-only in a user namespace of its own instead.
            Assumptions.assumeTrue(canUnshare(), "skipped: running as root, where chmod does not stop writes, and "
                    + "user namespaces (unshare -rm) are not available to mount the store read-only");
            server = ServerProcess.run(dir.resolve("server.log"), List.of("unshare", "-rm", "sh", "-c",
                    "mount --bind -o ro \"$0\" \"$0\" && exec \"$@\"", store.toString()), serve(store));
        }
        try {
            assertEquals(2, server.exitStatus(60), server.log());
            assertTrue(server.log().contains("error: store directory " + store + " is not writable"), server.log());
            ServerProcessTest.assertNoStackTrace(server.log());
        } finally {
            setWritable(store, true);
        }
        assertTrue(IsoMatcher.isomorphic(before, copyOf(store)), "the store is as it was");
    }

    @Test
    void a_file_where_the_store_folder_should_be_is_refused_with_a_clear_message() throws IOException {
        Path store = Files.writeString(dir.resolve("store"), "not a folder");
        ServerProcess server = ServerProcess.run(dir.resolve("server.log"), serve(store));
        assertEquals(2, server.exitStatus(60), server.log());
        assertTrue(server.log().contains("error: cannot create store directory " + store), server.log());
        ServerProcessTest.assertNoStackTrace(server.log());
        assertEquals("not a folder", Files.readString(store));
    }

    static String[] serve(Path store) {
        return new String[] {"serve", "--port", "0", "--store", store.toString(), "--data", Fixtures.TINY.toString()};
    }

    /** Loads the write-path fixture into a TDB2 store, closes it, and returns a copy of its quads. */
    static DatasetGraph filledStore(Path store) {
        KnowledgeBase kb = Fixtures.tdb2(store);
        DatasetGraph copy = Fixtures.copy(kb.dataset());
        Stores.close(kb.dataset());
        return copy;
    }

    static DatasetGraph copyOf(Path store) {
        DatasetGraph dsg = Stores.tdb2(store);
        try {
            return Fixtures.copy(dsg);
        } finally {
            Stores.close(dsg);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static boolean canUnshare() throws InterruptedException {
        try {
            return new ProcessBuilder("unshare", "-rm", "true").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static void setWritable(Path store, boolean writable) throws IOException {
        try (var files = Files.walk(store)) {
            for (Path p : files.toList())
                p.toFile().setWritable(writable, false);
        }
    }
}
