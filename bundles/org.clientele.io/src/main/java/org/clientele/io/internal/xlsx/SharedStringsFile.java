package org.clientele.io.internal.xlsx;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A workbook's shared strings, kept on disk instead of on the heap: one file with the
 * strings' characters (UTF-16), one with each string's start offset, both memory-mapped for
 * reading. An Excel file of a million client rows has millions of distinct shared strings;
 * POI's {@code ReadOnlySharedStringsTable} would hold them all on the heap.
 *
 * <p>Written once ({@link #add}), then {@link #seal()}ed and read ({@link #get}). Not thread-safe.
 */
final class SharedStringsFile implements AutoCloseable {

    private static final int SEGMENT_SHIFT = 30;
    private static final long SEGMENT_SIZE = 1L << SEGMENT_SHIFT;
    private static final long SEGMENT_MASK = SEGMENT_SIZE - 1;

    private final Path chars;
    private final Path offsets;
    private OutputStream charsOut;
    private final byte[] buffer = new byte[1 << 16];
    private int buffered;
    private DataOutputStream offsetsOut;
    private long charCount;
    private int count;
    private MappedByteBuffer[] charSegments;
    private MappedByteBuffer[] offsetSegments;

    SharedStringsFile(Path dir) throws IOException {
        chars = Files.createTempFile(dir, "clientele-sst-", ".chars");
        offsets = Files.createTempFile(dir, "clientele-sst-", ".offsets");
        charsOut = Files.newOutputStream(chars, StandardOpenOption.TRUNCATE_EXISTING);
        offsetsOut = open(offsets);
        offsetsOut.writeLong(0);
    }

    private static DataOutputStream open(Path p) throws IOException {
        OutputStream out = Files.newOutputStream(p, StandardOpenOption.TRUNCATE_EXISTING);
        return new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
    }

    void add(CharSequence s) throws IOException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (buffered == buffer.length) {
                charsOut.write(buffer, 0, buffered);
                buffered = 0;
            }
            char c = s.charAt(i);
            buffer[buffered++] = (byte) (c >>> 8);
            buffer[buffered++] = (byte) c;
        }
        charCount += n;
        offsetsOut.writeLong(charCount);
        count++;
    }

    int size() {
        return count;
    }

    long totalChars() {
        return charCount;
    }

    void seal() throws IOException {
        charsOut.write(buffer, 0, buffered);
        charsOut.close();
        offsetsOut.close();
        charsOut = null;
        offsetsOut = null;
        charSegments = map(chars);
        offsetSegments = map(offsets);
    }

    private static MappedByteBuffer[] map(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long size = ch.size();
            int n = (int) ((size + SEGMENT_SIZE - 1) >>> SEGMENT_SHIFT);
            MappedByteBuffer[] segments = new MappedByteBuffer[n];
            for (int i = 0; i < n; i++) {
                long start = (long) i << SEGMENT_SHIFT;
                segments[i] = ch.map(FileChannel.MapMode.READ_ONLY, start, Math.min(SEGMENT_SIZE, size - start));
            }
            return segments;
        }
    }

    /** The string at {@code index}, or null when there is no such string. */
    String get(int index) {
        if (index < 0 || index >= count) {
            return null;
        }
        long from = offset(index);
        long to = offset(index + 1);
        int n = (int) (to - from);
        char[] out = new char[n];
        long pos = from * 2;
        for (int i = 0; i < n; i++, pos += 2) {
            // segments are 2^30 bytes, chars start at even positions: a char never straddles two
            out[i] = charSegments[(int) (pos >>> SEGMENT_SHIFT)].getChar((int) (pos & SEGMENT_MASK));
        }
        return new String(out);
    }

    private long offset(int index) {
        long pos = (long) index * 8;
        return offsetSegments[(int) (pos >>> SEGMENT_SHIFT)].getLong((int) (pos & SEGMENT_MASK));
    }

    @Override
    public void close() throws IOException {
        try {
            if (charsOut != null) {
                charsOut.close();
            }
            if (offsetsOut != null) {
                offsetsOut.close();
            }
        } finally {
            // the mappings go with the garbage collector; on Linux the files can be deleted now
            charSegments = null;
            offsetSegments = null;
            Files.deleteIfExists(chars);
            Files.deleteIfExists(offsets);
        }
    }
}
