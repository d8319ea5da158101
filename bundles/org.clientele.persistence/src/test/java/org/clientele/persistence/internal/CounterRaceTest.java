package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/** The first values of a new counter, asked for by several transactions at once. */
public class CounterRaceTest {

    @Test
    public void concurrentFirstCallersAllGetDistinctValues() throws Exception {
        int callers = 8;
        try (TestDatabase db = TestDatabase.inMemory()) {
            JpaClientStore store = new JpaClientStore(db.template());
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Long>> values = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    Callable<Long> next = () -> {
                        start.await();
                        return store.write(w -> w.nextValue("race"));
                    };
                    values.add(pool.submit(next));
                }
                start.countDown();
                Set<Long> got = new TreeSet<>();
                for (Future<Long> v : values) {
                    got.add(v.get(60, TimeUnit.SECONDS));
                }
                assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), got);
                assertEquals(9L, (long) store.write(w -> w.nextValue("race")));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
