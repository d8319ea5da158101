package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

/** When a kept total may be reused: only while no write has started or completed since it was counted. */
public class SearchTotalsTest {

    private final SearchTotals totals = new SearchTotals(3);
    private final AtomicInteger counted = new AtomicInteger();

    private long total(String key, long value) {
        return totals.total(key, () -> {
            counted.incrementAndGet();
            return value;
        });
    }

    @Test
    public void aTotalIsReusedUntilAWriteCompletes() {
        assertEquals(10, total("a", 10));
        assertEquals(10, total("a", 11));
        assertEquals(1, counted.get());
        totals.writeStarted();
        totals.writeEnded();
        assertEquals(11, total("a", 11));
        assertEquals(11, total("a", 12));
        assertEquals(2, counted.get());
    }

    @Test
    public void whileAWriteIsInProgressEveryTotalIsCountedAndNoneKept() {
        assertEquals(10, total("a", 10));
        totals.writeStarted();
        assertEquals(11, total("a", 11));
        assertEquals(12, total("b", 12));
        assertEquals(3, counted.get());
        totals.writeStarted();
        totals.writeEnded();
        // one of the two writes is still in progress
        assertEquals(13, total("a", 13));
        totals.writeEnded();
        assertEquals(14, total("a", 14));
        assertEquals(14, total("a", 15));
        assertEquals(5, counted.get());
    }

    @Test
    public void aCountDuringWhichAWriteRanIsNotKept() {
        assertEquals(10, totals.total("a", () -> {
            totals.writeStarted();
            totals.writeEnded();
            return 10;
        }));
        assertEquals(11, total("a", 11));
        assertEquals(1, counted.get());
        // a write that started during the count and is still in progress
        assertEquals(12, totals.total("b", () -> {
            totals.writeStarted();
            return 12;
        }));
        totals.writeEnded();
        assertEquals(13, total("b", 13));
        assertEquals(13, total("b", 14));
    }

    @Test
    public void theLeastRecentlyUsedTotalGoesFirst() {
        total("a", 1);
        total("b", 2);
        total("c", 3);
        total("a", 9);
        total("d", 4);
        assertEquals(3, totals.kept());
        assertEquals(4, counted.get());
        assertEquals(1, total("a", 9));
        assertEquals(20, total("b", 20));
        assertEquals(5, counted.get());
    }

    @Test
    public void aValuePutAfterItsStampIsKeptOnlyWhenNoWriteRanSinceTheStamp() {
        long stamp = totals.stamp();
        totals.put("a", stamp, "seen");
        assertEquals("seen", totals.peek("a"));
        assertNull(totals.peek("b"));

        long before = totals.stamp();
        totals.writeStarted();
        totals.writeEnded();
        totals.put("b", before, "stale");
        assertNull("a write completed between stamp and put", totals.peek("b"));
        assertNull("and the value kept before it is gone", totals.peek("a"));

        totals.writeStarted();
        assertEquals("a write in progress: nothing read now is kept", -1, totals.stamp());
        totals.put("c", totals.stamp(), "during");
        assertNull(totals.peek("c"));
        totals.writeEnded();
        assertNull(totals.peek("c"));

        totals.put("d", totals.stamp(), "after");
        assertEquals("after", totals.peek("d"));
        assertEquals(-1, SearchTotals.NONE.stamp());
        SearchTotals.NONE.put("d", 0, "never");
        assertNull(SearchTotals.NONE.peek("d"));
    }

    @Test
    public void noneAndAStoppedOneKeepNothing() {
        assertEquals(1, SearchTotals.NONE.total("a", () -> 1));
        assertEquals(2, SearchTotals.NONE.total("a", () -> 2));
        total("a", 1);
        long stamp = totals.stamp();
        totals.stop();
        assertEquals(0, totals.kept());
        totals.put("b", stamp, "read before the stop, put after it");
        assertEquals(0, totals.kept());
        assertEquals(5, total("a", 5));
        assertEquals(6, total("a", 6));
    }
}
