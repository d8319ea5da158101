package org.clientele.persistence.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Exact totals of list queries ({@code COUNT}s over an index: a broad search term such as
 * {@code gmbh}, or the unfiltered list), the tokens of a search term's range and the
 * countries of a broad token's rows, kept until the next write of a client commits.
 * Such a count reads every matching index row, some 20 ms for 49,000 rows of 100,000 clients;
 * the page it belongs to costs a few milliseconds.
 *
 * <p>Exact, not approximate: a total is reused only while no client write has completed since
 * it was counted and none is in progress. Every write transaction of the store calls
 * {@link #writeStarted()} before its first statement and {@link #writeEnded()} after it
 * completed (committed or rolled back, from the transaction's synchronization); a count is
 * kept only when no write was in progress when it started and none started or ended while it
 * ran. During an import (writes all the time) every search counts afresh.
 *
 * <p>Sound only while every write of the client and token tables goes through the store of
 * this JVM: the store is the only writer (embedded Derby, one Karaf).
 */
final class SearchTotals {

    /** Keeps nothing: where the store cannot see when transactions complete. */
    static final SearchTotals NONE = new SearchTotals(0);

    /** Values kept at most; the least recently used goes first. */
    static final int DEFAULT_SIZE = 256;

    private final int size;
    private volatile boolean stopped;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger writing = new AtomicInteger();
    private final Map<String, Kept> totals;

    private record Kept(long generation, Object value) {
    }

    SearchTotals(int size) {
        this.size = size;
        this.totals = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > SearchTotals.this.size;
            }
        };
    }

    /**
     * The total of query {@code key} (its statement and bound values): the one counted before
     * when no write has started or completed since, else {@code count}'s answer.
     */
    long total(String key, LongSupplier count) {
        return kept(key, count::getAsLong);
    }

    /**
     * Another answer that only a client write can change (a term's tokens, a token's countries), on
     * the same terms as {@link #total}; {@code read} must answer an immutable value, never null.
     */
    <T> T kept(String key, Supplier<T> read) {
        T known = peek(key);
        if (known != null) {
            return known;
        }
        long stamp = stamp();
        T value = read.get();
        put(key, stamp, value);
        return value;
    }

    /** The value kept for {@code key} while no client write has started or completed since; else null. */
    @SuppressWarnings("unchecked")
    <T> T peek(String key) {
        if (size == 0 || stopped) {
            return null;
        }
        long now = generation.get();
        if (writing.get() != 0) {
            return null;
        }
        Kept kept;
        synchronized (totals) {
            kept = totals.get(key);
        }
        return kept != null && kept.generation() == now ? (T) kept.value() : null;
    }

    /**
     * Taken before reading a value that {@link #put} may keep: the generation, or -1 when a
     * write is in progress (nothing read now is kept).
     */
    long stamp() {
        if (size == 0 || stopped) {
            return -1;
        }
        long before = generation.get();
        return writing.get() == 0 ? before : -1;
    }

    /**
     * Keeps {@code value} (immutable, not null) for {@code key} when it was read after
     * {@link #stamp} answered {@code stamp} and no write has started or completed since.
     */
    void put(String key, long stamp, Object value) {
        // writeEnded() counts the generation up before it counts `writing` down: when no write
        // is in progress now and the generation is the one read before, none ran meanwhile
        if (stamp >= 0 && writing.get() == 0 && generation.get() == stamp) {
            synchronized (totals) {
                if (!stopped) {
                    totals.put(key, new Kept(stamp, value));
                }
            }
        }
    }

    /** A write transaction is about to change clients; call {@link #writeEnded()} once it completed. */
    void writeStarted() {
        writing.incrementAndGet();
    }

    /** A write transaction has completed (committed or rolled back). */
    void writeEnded() {
        generation.incrementAndGet();
        writing.decrementAndGet();
    }

    /** Keeps no totals from now on: writes can no longer be followed. */
    void stop() {
        stopped = true;
        synchronized (totals) {
            totals.clear();
        }
    }

    /** Totals kept now (tests). */
    int kept() {
        synchronized (totals) {
            return totals.size();
        }
    }
}
