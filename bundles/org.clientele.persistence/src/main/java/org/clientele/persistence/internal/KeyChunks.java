package org.clientele.persistence.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Statements over lists of keys ({@code pk IN :keys}): the list is split into chunks of at
 * most {@value #SIZE}, each padded to a power of two by repeating its last key, so that
 * only a handful of SQL texts reach the database's statement cache.
 */
final class KeyChunks {

    static final int SIZE = 512;

    private KeyChunks() {
    }

    /** Runs {@code statement} for each chunk of {@code keys}. */
    static void forEach(List<Long> keys, Consumer<List<Long>> statement) {
        chunks(keys).forEach(statement);
    }

    /** {@code keys} in chunks of at most {@value #SIZE}, each padded. */
    static List<List<Long>> chunks(List<Long> keys) {
        List<List<Long>> chunks = new ArrayList<>(keys.size() / SIZE + 1);
        for (int from = 0; from < keys.size(); from += SIZE) {
            chunks.add(padded(keys.subList(from, Math.min(keys.size(), from + SIZE))));
        }
        return chunks;
    }

    /** Runs {@code query} for each chunk of {@code keys}; all results, chunk after chunk. */
    static <T> List<T> query(List<Long> keys, Function<List<Long>, List<T>> query) {
        List<T> results = new ArrayList<>();
        forEach(keys, chunk -> results.addAll(query.apply(chunk)));
        return results;
    }

    /** {@code keys} with the last one repeated up to the next power of two. */
    private static List<Long> padded(List<Long> keys) {
        if (keys.size() <= 1) {
            return keys;
        }
        int size = Integer.highestOneBit(keys.size() - 1) << 1;
        if (size == keys.size()) {
            return keys;
        }
        List<Long> padded = new ArrayList<>(size);
        padded.addAll(keys);
        padded.addAll(Collections.nCopies(size - keys.size(), keys.get(keys.size() - 1)));
        return padded;
    }
}
