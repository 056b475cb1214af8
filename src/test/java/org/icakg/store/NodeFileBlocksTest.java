package org.icakg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.apache.jena.dboe.base.file.BinaryDataFile;
import org.apache.jena.dboe.base.file.BinaryDataFileRandomAccess;
import org.apache.jena.dboe.base.file.BinaryDataFileWriteBuffered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node file keeps the blocks it read (TDB2's node table decodes a term a few bytes at a time): whatever is
 * appended, truncated, reopened or read in between, every read gives the bytes the file holds, and the end of the
 * file where the file ends. The file is driven as TDB2 drives it (behind Jena's write buffer) and compared, read by
 * read, with the same bytes kept in memory. {@code NodeFileAfterAbortTest} does the same through a TDB2 store, with
 * terms longer than a block.
 */
class NodeFileBlocksTest {

    @TempDir
    Path tmp;

    /** The bytes the file should hold. */
    private static final class Expected {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        byte[] all() { return bytes.toByteArray(); }

        void append(byte[] b) { bytes.write(b, 0, b.length); }

        void truncate(int length) {
            byte[] kept = Arrays.copyOf(all(), length);
            bytes.reset();
            bytes.write(kept, 0, length);
        }
    }

    private static BinaryDataFile open(Path file) {
        BinaryDataFile f = new BinaryDataFileWriteBuffered(new BinaryDataFileRandomAccess(file.toString()));
        f.open();
        return f;
    }

    /** Reads as Thrift does: until {@code length} bytes are there or the file ends. */
    private static byte[] readAll(BinaryDataFile f, long posn, int length) {
        byte[] out = new byte[length];
        int got = 0;
        while (got < length) {
            int r = f.read(posn + got, out, got, length - got);
            if (r <= 0)
                break;
            got += r;
        }
        return Arrays.copyOf(out, got);
    }

    private static void checkRead(BinaryDataFile f, Expected expected, long posn, int length, String what) {
        byte[] all = expected.all();
        int from = (int) Math.min(posn, all.length);
        byte[] want = Arrays.copyOfRange(all, from, (int) Math.min(all.length, posn + length));
        assertArrayEquals(want, readAll(f, posn, length), what + ": " + length + " bytes at " + posn + " of " + all.length);
    }

    @Test
    void a_read_after_a_truncation_and_a_new_append_gives_the_new_bytes() {
        Path file = tmp.resolve("nodes.dat");
        BinaryDataFile f = open(file);
        byte[] first = new byte[300];
        Arrays.fill(first, (byte) 'a');
        f.write(first, 0, first.length);
        assertEquals('a', readAll(f, 250, 1)[0]); // now its block is kept
        f.truncate(200); // an aborted write transaction
        byte[] second = new byte[100];
        Arrays.fill(second, (byte) 'b');
        assertEquals(200, f.write(second, 0, second.length));
        assertArrayEquals(second, readAll(f, 200, 100), "the bytes written after the truncation");
        byte[] third = new byte[20_000]; // across several blocks, read after the end was kept
        Arrays.fill(third, (byte) 'c');
        f.write(third, 0, third.length);
        byte[] across = readAll(f, 290, 30);
        assertEquals("bbbbbbbbbbcccccccccccccccccccc", new String(across, java.nio.charset.StandardCharsets.US_ASCII),
                "a read across the old end of the file");
        assertEquals(-1, f.read(20_300, new byte[4], 0, 4), "a read at the end of the file");
        f.close();
    }

    @Test
    void every_read_gives_the_bytes_the_file_holds_through_appends_truncations_and_reopens() throws Exception {
        Path file = tmp.resolve("nodes.dat");
        Random random = new Random(20250611);
        Expected expected = new Expected();
        BinaryDataFile f = open(file);
        for (int step = 0; step < 4_000; step++) {
            int length = expected.all().length;
            int op = random.nextInt(100);
            if (op < 30) { // a term, or a flushed buffer of terms
                byte[] b = new byte[random.nextInt(10) == 0 ? 1 + random.nextInt(40_000) : 1 + random.nextInt(120)];
                random.nextBytes(b);
                assertEquals(length, f.write(b, 0, b.length), "an append goes to the end");
                expected.append(b);
            } else if (op < 33 && length > 0) {
                int to = random.nextInt(length + 1);
                f.truncate(to);
                expected.truncate(to);
            } else if (op < 34) {
                f.sync();
            } else if (op < 35) {
                f.close();
                f = open(file);
            } else { // reads: small ones as Thrift makes them, some across blocks, some of a block or more
                long at = length == 0 ? 0 : random.nextInt(length + 16);
                int n = random.nextInt(8) == 0 ? 1 + random.nextInt(30_000) : 1 + random.nextInt(64);
                checkRead(f, expected, at, n, "step " + step);
            }
        }
        f.close();
        assertArrayEquals(expected.all(), Files.readAllBytes(file), "the file as written");
    }
}
