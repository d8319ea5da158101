package org.clientele.io.internal;

/**
 * The business keys seen so far in a file, as 64-bit FNV-1a hashes in an open-addressing
 * table: 16 bytes per key instead of a string each, so that a million-row import keeps its
 * duplicate check in a few MB. Two different keys share a hash with a probability of about
 * n²/2⁶⁵ (3·10⁻⁸ for a million rows); such a row would be reported as a duplicate.
 */
final class KeySet {

    private long[] table = new long[1 << 10];
    private int size;

    /** Adds the key; false when it was there already. */
    boolean add(String key) {
        long h = hash(key);
        if (h == 0) {
            h = 1; // 0 marks a free slot
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        return insert(table, h);
    }

    int size() {
        return size;
    }

    private boolean insert(long[] t, long h) {
        int mask = t.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (t[i] != 0) {
            if (t[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        t[i] = h;
        if (t == table) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (long h : old) {
            if (h != 0) {
                int mask = table.length - 1;
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = h;
            }
        }
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            h ^= c & 0xFF;
            h *= 0x100000001b3L;
            h ^= c >>> 8;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
