package org.clientele.tab.sales.internal;

import static org.clientele.tab.sales.internal.SalesFixture.TODAY;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.TransactionType;
import org.clientele.api.ClientException;
import org.clientele.lib.summary.Summary.Key;
import org.clientele.lib.summary.Summary.Totals;
import org.clientele.lib.summary.Summary;
import org.clientele.tab.sales.internal.Records.Invoice;
import org.clientele.tab.sales.internal.Records.InvoiceDraft;
import org.clientele.tab.sales.internal.Records.Order;
import org.clientele.tab.sales.internal.Records.OrderDraft;
import org.clientele.tab.sales.internal.entity.OrderEntity;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The summary rows against the straightforward computation (aggregates over the records):
 * after random writes, after concurrent writes, after a back-fill; and the overview figures
 * read from them against the figures by aggregates, at several "todays".
 */
public class SummaryTest {
    static final List<String> CLIENTS = List.of("c0", "c1", "c2", "c3");
    static final List<String> CURRENCIES = List.of("EUR", "CHF", "USD");

    private final SalesFixture f = new SalesFixture();
    private final SalesStore store = f.store;
    private final AtomicInteger numbers = new AtomicInteger();

    @Before
    public void open() {
        store.backfill();
        f.db.template().tx(em -> {
            em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '5')")
                    .executeUpdate();
            em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '20')")
                    .executeUpdate();
        });
    }

    @After
    public void close() {
        f.close();
    }

    private void assertConsistent(Iterable<String> clients) {
        assertEquals(store.recomputedSummary(), store.storedSummary());
        for (String c : clients) {
            assertEquals(c, store.orderFiguresFromRecords(c), store.orderFigures(c));
            // the pages' totals come from the summary too
            assertEquals(count("SalesOrder", c, ""), store.orders(c, 5, 0).total());
            assertEquals(count("SalesInvoice", c, ""), store.invoices(c, null, 5, 0).total());
            for (InvoiceKind kind : InvoiceKind.values()) {
                assertEquals(count("SalesInvoice", c, " AND r.kind = org.clientele.tab.sales.internal.InvoiceKind."
                        + kind.name()), store.invoices(c, kind, 5, 0).total());
            }
            // pages that start on the day the summary finds: the same rows as skipping offset rows
            long orders = store.orders(c, 1, 0).total();
            long invoices = store.invoices(c, null, 1, 0).total();
            for (int offset : new int[] {0, 1, 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37}) {
                for (int limit : new int[] {1, 10}) {
                    assertEquals(c + " orders " + offset + "/" + limit, store.ordersFromRecords(c, limit, offset),
                            store.orders(c, limit, offset));
                    assertEquals(store.invoicesFromRecords(c, null, limit, offset), store.invoices(c, null, limit, offset));
                    for (InvoiceKind kind : InvoiceKind.values()) {
                        assertEquals(store.invoicesFromRecords(c, kind, limit, offset),
                                store.invoices(c, kind, limit, offset));
                    }
                }
            }
            for (long offset : new long[] {orders - 1, orders, invoices - 1, invoices}) {
                if (offset >= 0) {
                    assertEquals(store.ordersFromRecords(c, 2, (int) offset), store.orders(c, 2, (int) offset));
                    assertEquals(store.invoicesFromRecords(c, null, 2, (int) offset),
                            store.invoices(c, null, 2, (int) offset));
                }
            }
            for (int d = -12; d <= 12; d += 3) {
                LocalDate today = TODAY.plusDays(d);
                assertEquals(c + " " + today, store.invoiceFiguresFromRecords(c, today), store.invoiceFigures(c, today));
            }
        }
    }

    private long count(String entity, String client, String where) {
        return f.db.template().txExpr(em -> em.createQuery("SELECT COUNT(r) FROM " + entity
                + " r WHERE r.clientId = :c" + where, Long.class).setParameter("c", client).getSingleResult());
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private static BigDecimal amount(Random r) {
        return BigDecimal.valueOf(r.nextInt(100_000), 2);
    }

    private OrderDraft order(Random r) {
        OrderStatus[] s = OrderStatus.values();
        return new OrderDraft("SO-" + numbers.incrementAndGet(), TODAY.minusDays(r.nextInt(30)), amount(r),
                pick(r, CURRENCIES), s[r.nextInt(s.length)]);
    }

    private InvoiceDraft invoice(Random r) {
        InvoiceStatus[] s = InvoiceStatus.values();
        LocalDate due = TODAY.plusDays(r.nextInt(25) - 12);
        return new InvoiceDraft(r.nextInt(4) == 0 ? InvoiceKind.PURCHASE : InvoiceKind.SALES,
                "RE-" + numbers.incrementAndGet(), due.minusDays(30), due, amount(r), pick(r, CURRENCIES),
                s[r.nextInt(s.length)]);
    }

    private void randomWrite(Random r, List<String> clients, List<Order> orders, List<Invoice> invoices) {
        try {
            switch (r.nextInt(8)) {
                case 0, 1 -> orders.add(store.createOrder(pick(r, clients), order(r)));
                case 2 -> {
                    if (!orders.isEmpty()) {
                        store.updateOrder(pick(r, orders).id(), SalesStore.ANY_VERSION, order(r));
                    }
                }
                case 3 -> {
                    if (!orders.isEmpty()) {
                        store.deleteOrder(orders.remove(r.nextInt(orders.size())).id(), SalesStore.ANY_VERSION);
                    }
                }
                case 4, 5 -> invoices.add(store.createInvoice(pick(r, clients), invoice(r)));
                case 6 -> {
                    if (!invoices.isEmpty()) {
                        store.updateInvoice(pick(r, invoices).id(), SalesStore.ANY_VERSION, invoice(r));
                    }
                }
                default -> {
                    if (!invoices.isEmpty()) {
                        store.deleteInvoice(invoices.remove(r.nextInt(invoices.size())).id(), SalesStore.ANY_VERSION);
                    }
                }
            }
        } catch (ClientException refused) {
            // a record deleted by another thread (404)
        }
    }

    @Test
    public void randomWritesKeepTheSummaryEqualToTheAggregates() {
        Random r = new Random(20261127);
        List<Order> orders = new ArrayList<>();
        List<Invoice> invoices = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            for (int i = 0; i < 60; i++) {
                randomWrite(r, CLIENTS, orders, invoices);
            }
            if (round == 3) {
                new SalesDemoData(store).populate("c2", r, TODAY, "demo");
            }
            if (round == 5) {
                store.erase("c1");
                orders.removeIf(o -> o.clientId().equals("c1"));
                invoices.removeIf(i -> i.clientId().equals("c1"));
            }
            assertConsistent(CLIENTS);
        }
        assertTrue(store.storedSummary().size() > 40);
        long approved = 0;
        long pending = 0;
        long overdue = 0;
        for (String c : CLIENTS) {
            var figures = store.invoiceFigures(c, TODAY);
            approved += figures.approved();
            pending += figures.pending();
            overdue += figures.overdue();
        }
        assertTrue(approved > 0 && pending > 0 && overdue > 0);
        assertTrue(store.orderFigures("c0").totals().size() > 1);
    }

    @Test
    public void concurrentWritesKeepTheSummaryEqualToTheAggregates() throws Exception {
        int threads = 6;
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 3; round++) {
                List<String> clients = List.of("r" + round + "a", "r" + round + "b");
                List<Order> orders = Collections.synchronizedList(new ArrayList<>());
                List<Invoice> invoices = Collections.synchronizedList(new ArrayList<>());
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Random r = new Random(round * 100 + t);
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            // everybody's records (the shared lists); new ones are shared at once
                            List<Order> os = new ArrayList<>(orders);
                            List<Invoice> is = new ArrayList<>(invoices);
                            int o = os.size();
                            int n = is.size();
                            randomWrite(r, clients, os, is);
                            if (os.size() > o) {
                                orders.add(os.get(os.size() - 1));
                            }
                            if (is.size() > n) {
                                invoices.add(is.get(is.size() - 1));
                            }
                            done.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> fu : futures) {
                    fu.get(5, TimeUnit.MINUTES);
                }
                assertConsistent(clients);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3 * threads * 40, done.get());
    }

    /**
     * Another transaction has inserted a bucket's row and not committed yet; a write into
     * the same bucket waits for it, fails on the duplicate key once it commits, and updates
     * that row instead.
     */
    @Test
    public void aBucketCreatedMeanwhileByAnotherTransactionIsUpdated() throws Exception {
        EntityManager other = f.db.factory().createEntityManager();
        try {
            other.getTransaction().begin();
            OrderEntity first = new OrderEntity("first-order", "race", java.time.Instant.parse("2026-03-16T10:00:00Z"));
            first.set("SO-first", TODAY, new BigDecimal("10.00"), "EUR", OrderStatus.OPEN);
            other.persist(first);
            other.flush();
            SalesStore.count(SalesStore.summary(), first, 1).apply(other);

            CompletableFuture<Order> second = CompletableFuture.supplyAsync(() -> store.createOrder("race",
                    new OrderDraft("SO-second", TODAY, new BigDecimal("2.50"), "EUR", OrderStatus.OPEN)));
            awaitLockWait(second);
            other.getTransaction().commit();
            second.get(1, TimeUnit.MINUTES);
        } finally {
            if (other.getTransaction().isActive()) {
                other.getTransaction().rollback();
            }
            other.close();
        }
        assertEquals(new Totals(2, new BigDecimal("12.50")), store.storedSummary().get(
                new Key("race", SalesStore.KIND_ORDER, OrderStatus.OPEN.name(), "EUR", Summary.ANY_DAY)));
        assertConsistent(List.of("race"));
    }

    private void awaitLockWait(CompletableFuture<?> writer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (writer.isDone()) {
                fail("the write did not wait for the other transaction's row: " + writer);
            }
            long waiting = f.db.template().txExpr(TransactionType.Supports,
                    em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE"
                            + " WHERE STATE = 'WAIT'").getSingleResult()).longValue());
            if (waiting > 0) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        fail("the write never waited for the other transaction");
    }

    @Test
    public void backfillRebuildsTheSummaryOnceFromTheRecords() {
        Random r = new Random(7);
        List<Order> orders = new ArrayList<>();
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            randomWrite(r, CLIENTS, orders, invoices);
        }
        Map<Key, Totals> expected = store.recomputedSummary();
        assertTrue(expected.size() > 20);
        f.db.template().tx(em -> em.createQuery("DELETE FROM SalesSummary s").executeUpdate());
        assertEquals(Map.of(), store.storedSummary());

        assertTrue(store.backfill());
        assertEquals(expected, store.storedSummary());
        assertConsistent(CLIENTS);
        assertFalse(store.backfill());
        assertEquals(expected, store.storedSummary());
        randomWrite(r, CLIENTS, orders, invoices);
        assertConsistent(CLIENTS);
    }
}
