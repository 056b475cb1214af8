/*
 * Licensed to the Apache Software Foundation (ASF) under one
 * or more contributor license agreements.  See the NOTICE file
 * distributed with this work for additional information
 * regarding copyright ownership.  The ASF licenses this file
 * to you under the Apache License, Version 2.0 (the
 * "License"); you may not use this file except in compliance
 * with the License.  You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package org.apache.jena.dboe.base.file;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Arrays;

import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.atlas.io.IO;

/**
 * Implementation of {@link BinaryDataFile} using {@link RandomAccessFile}: Apache Jena 5.6.0's class, with the fix of
 * Jena's issue 3877 (released in Jena 6, which needs Java 21). This copy, compiled into the service, is found before
 * Jena's own on the class path and in the service's jar.
 * <p>
 * TDB2 keeps its node table (every IRI and literal of the store) in a file of this class. An aborted write transaction
 * truncates the file back to its committed length, but Jena 5.6.0's {@link #truncate} did not move the place where the
 * next write goes: after a read of the file, the next write went to the old end, the file system filled the gap with
 * zero bytes, and the terms committed then could never be read again ("NodeTableTRDF/Read: Unrecognized type 0"). A
 * write the server refuses (a 422 from validation, a dry run) aborts its transaction, so any refused write that named
 * new terms, then a page, then an accepted write, broke the store. See {@code NodeFileAfterAbortTest}.
 *
 * <p>
 * The copy also keeps the last blocks read ({@value #BLOCK} bytes each, {@value #BLOCKS} of them). TDB2 decodes a
 * term with Thrift, which asks its transport for a byte or a few at a time, and Jena's class answered each of those
 * asks with a seek and a read of the file: some 15 to 40 system calls for one IRI or literal, on every term a query,
 * page or write decodes for the first time (the node table's cache holds terms once decoded). Here a read inside a
 * block already read is a copy from memory, and a term costs one read of its block at most. The file only grows
 * between truncations (TDB2 appends terms at its end; an aborted write transaction truncates it back), so a block's
 * bytes stay what they were read as: a truncation forgets every block, a write forgets the blocks it overlaps, and a
 * block read when the file ended inside it is read again when a later read asks for more than it holds. Reads of a
 * block or more go to the file directly.
 *
 * <ul>
 * <li>Reads are served from the kept blocks; writes are not buffered (see {@link BinaryDataFileWriteBuffered}).
 * <li>Thread-safe: every operation holds this object's lock (Jena's callers hold their own lock around it as well).
 * </ul>
 *
 * @see BinaryDataFileWriteBuffered
 */
public class BinaryDataFileRandomAccess implements BinaryDataFile {
    // On OpenJDK, RandomAccessFile and FileChannelImpl both
    // dive into native code.
    protected RandomAccessFile file;
    protected boolean readMode;
    protected long readPosition;
    protected long writePosition;
    private final String filename;

    /** Bytes in a kept block; blocks start at multiples of it. */
    static final int BLOCK = 8192;
    /** Blocks kept; block {@code n} of the file is kept in slot {@code n % BLOCKS}. */
    static final int BLOCKS = 64;
    /** The file offset of the block in each slot, or -1 when the slot is empty. */
    private final long[] blockStart = new long[BLOCKS];
    /** The bytes of the block in each slot that were in the file when it was read ({@code < BLOCK} near the end). */
    private final int[] blockLength = new int[BLOCKS];
    private final byte[][] blocks = new byte[BLOCKS][];

    public BinaryDataFileRandomAccess(String filename) {
        this.filename = filename;
        forgetBlocks();
    }

    @Override
    public synchronized void open() {
        if ( file != null )
            throw new RuntimeIOException("Already open");
        try {
            file = new RandomAccessFile(filename, "rw");
            writePosition = file.length();
            readPosition = 0;
            readMode = true;
            forgetBlocks();
        }
        catch (IOException e) { IO.exception(e); }
    }

    @Override
    public synchronized boolean isOpen() {
        return file != null;
    }

    @Override
    public synchronized int read(long posn, byte[] b, int start, int length) {
        checkOpen();
        switchToReadMode();
        if ( length >= BLOCK )
            return readFile(posn, b, start, length);
        int copied = 0;
        while ( copied < length ) {
            long at = posn + copied;
            int slot = slot(at);
            int offset = (int)(at - blockStart[slot]);
            if ( blockStart[slot] != at - at % BLOCK || offset >= blockLength[slot] ) {
                readBlock(slot, at - at % BLOCK);
                offset = (int)(at - blockStart[slot]);
                if ( offset >= blockLength[slot] )
                    break; // the end of the file
            }
            int n = Math.min(length - copied, blockLength[slot] - offset);
            System.arraycopy(blocks[slot], offset, b, start + copied, n);
            copied += n;
        }
        readPosition = posn + copied;
        return copied == 0 && length > 0 ? -1 : copied;
    }

    /** Reads {@code length} bytes at {@code posn} from the file itself. */
    private int readFile(long posn, byte[] b, int start, int length) {
        seek(posn);
        try {
            int x = file.read(b, start, length);
            readPosition += x;
            return x;
        }
        catch (IOException ex) { IO.exception(ex); return -1; }
    }

    /** Reads the block at {@code start} into {@code slot}: as many of its bytes as the file has. */
    private void readBlock(int slot, long start) {
        if ( blocks[slot] == null )
            blocks[slot] = new byte[BLOCK];
        blockStart[slot] = -1; // until the read below has succeeded
        seek(start);
        int got = 0;
        try {
            while ( got < BLOCK ) {
                int r = file.read(blocks[slot], got, BLOCK - got);
                if ( r < 0 )
                    break;
                got += r;
            }
        }
        catch (IOException ex) { IO.exception(ex); }
        blockStart[slot] = start;
        blockLength[slot] = got;
    }

    private static int slot(long posn) {
        return (int)((posn / BLOCK) % BLOCKS);
    }

    private void forgetBlocks() {
        Arrays.fill(blockStart, -1);
        Arrays.fill(blockLength, 0);
    }

    /** Forgets the kept blocks that overlap bytes {@code from} (inclusive) to {@code to} (exclusive). */
    private void forgetBlocks(long from, long to) {
        for ( int slot = 0; slot < BLOCKS; slot++ ) {
            long s = blockStart[slot];
            if ( s >= 0 && s < to && s + BLOCK > from )
                blockStart[slot] = -1;
        }
    }

    @Override
    public synchronized long write(byte[] b, int start, int length) {
        checkOpen();
        switchToWriteMode();
        long x = writePosition;
        forgetBlocks(x, x + length);
        try {
            file.write(b, start, length);
            writePosition += length;
        }
        catch (IOException ex) { IO.exception(ex); }
        return x;
    }

    // Move the RandomAccess file pointer.
    private void seek(long posn) {
        try { file.seek(posn); }
        catch (IOException ex) { IO.exception(ex); }
    }

    @Override
    public synchronized void truncate(long length) {
        checkOpen();
        switchToWriteMode();
        forgetBlocks();
        try { file.setLength(length); }
        catch (IOException ex) { IO.exception(ex); }
        // The fix: the next write goes to the new end of the file, whatever is read in between.
        writePosition = length;
        seek(writePosition);
    }

    @Override
    public synchronized void sync() {
        checkOpen();
        flush$();
    }

    protected void flush$() {
        try { file.getFD().sync(); }
        catch (IOException ex) { IO.exception(ex); }
    }

    @Override
    public synchronized void close() {
        if ( ! isOpen() )
            return;
        forgetBlocks();
        try { file.close(); }
        catch (IOException ex) { IO.exception(ex); }
        file = null;
    }

    @Override
    public synchronized long length() {
        try { return file.length();}
        catch (IOException ex) { IO.exception(ex); return -1 ;}
    }

    protected void switchToReadMode() {
        if ( ! readMode )
            readMode = true;
    }

    protected void switchToWriteMode() {
        if ( readMode ) {
            readMode = false;
            seek(writePosition);
        }
    }

    protected void checkOpen() {
        if ( ! isOpen() )
            throw new RuntimeIOException("Not open");
    }
}
