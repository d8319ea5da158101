package org.clientele.persistence.internal;

import static org.clientele.persistence.internal.ClientBuilder.client;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.TransactionType;
import org.clientele.api.Client;
import org.clientele.api.NotFoundException;
import org.clientele.testing.JoiningJpaTemplate;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * {@link JpaClientHold} against a real erase on Derby: a transaction that holds a client makes
 * an erase wait until it ends, an erase in progress makes a hold wait and then fail, and
 * holders do not wait for each other. Waits are observed in Derby's lock table, not by timing.
 */
public class ClientHoldTest {

    private TestDatabase db;
    private JoiningJpaTemplate jpa;
    private JpaClientStore store;
    private JpaClientHold hold;
    private ExecutorService threads;
    private Client client;

    @Before
    public void open() {
        db = TestDatabase.inMemory();
        jpa = new JoiningJpaTemplate(db.factory());
        store = new JpaClientStore(jpa);
        hold = new JpaClientHold(jpa);
        threads = Executors.newCachedThreadPool();
        client = store.write(w -> w.insert(client("Gehalten GmbH").build()));
    }

    @After
    public void close() {
        threads.shutdownNow();
        db.close();
    }

    @Test
    public void anEraseWaitsForTheHoldersTransactionAndThenFindsItsRecords() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdUntil(release);
        Future<?> erase = threads.submit(() -> store.write(w -> {
            w.delete(client.id(), client.version());
            return null;
        }));
        awaitWaitingLocks(1);
        assertFalse("the erase waits while the client is held", erase.isDone());
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        erase.get(30, TimeUnit.SECONDS);
        assertTrue(store.find(client.id()).isEmpty());
    }

    @Test
    public void aHoldWaitsForAnEraseInProgressAndThenFindsNoClient() throws Exception {
        CountDownLatch deleted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> erase = threads.submit(() -> store.write(w -> {
            w.delete(client.id(), client.version());
            deleted.countDown();
            await(commit);
            return null;
        }));
        assertTrue(deleted.await(30, TimeUnit.SECONDS));
        Future<?> holder = threads.submit(() -> jpa.tx(TransactionType.Required, em -> hold.hold(client.id())));
        awaitWaitingLocks(1);
        assertFalse(holder.isDone());
        commit.countDown();
        erase.get(30, TimeUnit.SECONDS);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> holder.get(30, TimeUnit.SECONDS));
        assertTrue(String.valueOf(failed.getCause()), failed.getCause() instanceof NotFoundException);
    }

    @Test
    public void holdersDoNotWaitForEachOther() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = holdUntil(release);
        threads.submit(() -> jpa.tx(TransactionType.Required, em -> hold.hold(client.id()))).get(30, TimeUnit.SECONDS);
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
    }

    @Test
    public void aMissingClientAndAMissingTransactionAreRefused() {
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> jpa.tx(TransactionType.Required, em -> hold.hold("no-such-client")));
        assertTrue(missing.getMessage(), missing.getMessage().contains("no-such-client"));
        // outside a transaction the lock would end at once: refused
        assertThrows(RuntimeException.class, () -> hold.hold(client.id()));
    }

    /** Holds the client in a transaction on another thread until {@code release}; returns once it holds it. */
    private Future<?> holdUntil(CountDownLatch release) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> jpa.tx(TransactionType.Required, em -> {
            hold.hold(client.id());
            held.countDown();
            await(release);
        }));
        assertTrue(held.await(30, TimeUnit.SECONDS));
        return holder;
    }

    /** Waits (up to 30 s) until Derby's lock table shows {@code count} waiting lock requests. */
    private void awaitWaitingLocks(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (waitingLocks() < count) {
            assertTrue("no lock request waits", System.nanoTime() < deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        assertEquals(count, waitingLocks());
    }

    private long waitingLocks() {
        EntityManager em = db.factory().createEntityManager();
        try {
            return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'")
                    .getSingleResult()).longValue();
        } finally {
            em.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
