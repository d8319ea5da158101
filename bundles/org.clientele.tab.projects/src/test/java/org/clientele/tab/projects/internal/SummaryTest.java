package org.clientele.tab.projects.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.persistence.EntityManager;

import org.clientele.api.ClientException;
import org.clientele.lib.summary.Summary.Key;
import org.clientele.lib.summary.Summary.Totals;
import org.clientele.lib.summary.Summary;
import org.clientele.tab.projects.internal.Drafts.ProjectDraft;
import org.clientele.tab.projects.internal.Drafts.ProjectStatus;
import org.clientele.tab.projects.internal.Drafts.TaskDraft;
import org.clientele.tab.projects.internal.Drafts.TaskStatus;
import org.clientele.tab.projects.internal.Drafts.TimeEntryDraft;
import org.clientele.tab.projects.internal.Views.ProjectView;
import org.clientele.tab.projects.internal.Views.TaskView;
import org.clientele.tab.projects.internal.Views.TimeEntryView;
import org.clientele.tab.projects.internal.entity.TaskEntity;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The summary rows against the straightforward computation (aggregates over the records):
 * after random writes, after concurrent writes, after a back-fill; and the overview figures
 * read from them against the figures by aggregates, at several "todays".
 */
public class SummaryTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    static final List<String> CLIENTS = List.of("c0", "c1", "c2", "c3");

    private TestDatabase db;
    private Projects projects;
    private final AtomicLong clock = new AtomicLong(1_780_000_000_000L);
    private final List<String> held = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Before
    public void open() {
        db = new TestDatabase();
        projects = new Projects(db.template(), held::add, clock::incrementAndGet);
        // a deadlock (none is expected) or a lock wait fails fast instead of after a minute
        db.template().tx(em -> {
            em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '5')")
                    .executeUpdate();
            em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '20')")
                    .executeUpdate();
        });
    }

    @After
    public void close() {
        db.close();
    }

    /** The summary equals the recomputation, and every figure read from it the figure by aggregates. */
    private void assertConsistent(Iterable<String> clients) {
        Map<Key, Totals> stored = projects.storedSummary();
        assertEquals(projects.recomputedSummary(), stored);
        for (String c : clients) {
            assertEquals(c, projects.projectTotalsFromRecords(c), projects.projectTotals(c));
            // the tab's totals come from the summary too
            long projectCount = db.template().txExpr(em -> em.createQuery(
                    "SELECT COUNT(p) FROM PrjProject p WHERE p.clientId = :c", Long.class).setParameter("c", c)
                    .getSingleResult());
            long openTasks = db.template().txExpr(em -> em.createQuery(
                    "SELECT COUNT(t) FROM PrjTask t WHERE t.clientId = :c AND t.status = 'OPEN'", Long.class)
                    .setParameter("c", c).getSingleResult());
            assertEquals(projectCount, projects.projects(c, 5, 0).total());
            assertEquals(openTasks, projects.openTasks(c, 5, 0).total());
            // pages that start on the due date the summary finds: the same rows as skipping offset rows
            for (int offset : new int[] {0, 1, 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37}) {
                for (int limit : new int[] {1, 10}) {
                    assertEquals(c + " open tasks " + offset + "/" + limit, projects.openTasksFromRecords(c, limit, offset),
                            projects.openTasks(c, limit, offset));
                }
            }
            for (long offset : new long[] {openTasks - 3, openTasks - 1, openTasks}) {
                if (offset >= 0) {
                    assertEquals(projects.openTasksFromRecords(c, 5, (int) offset), projects.openTasks(c, 5, (int) offset));
                }
            }
            for (int d = -12; d <= 12; d += 3) {
                LocalDate today = TODAY.plusDays(d);
                assertEquals(c + " " + today, projects.taskBucketsFromRecords(c, today), projects.taskBuckets(c, today));
            }
        }
    }

    private static LocalDate due(Random r) {
        return r.nextInt(6) == 0 ? null : TODAY.plusDays(r.nextInt(25) - 12);
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    /** One random write; records created are added to the lists. Refusals (404, 412) are fine. */
    private void randomWrite(Random r, List<String> clients, List<ProjectView> ps, List<TimeEntryView[]> entries,
            List<TaskView> tasks) {
        String client = pick(r, clients);
        ProjectStatus[] pst = ProjectStatus.values();
        TaskStatus[] tst = TaskStatus.values();
        try {
            switch (r.nextInt(12)) {
                case 0, 1 -> ps.add(projects.createProject(client,
                        new ProjectDraft("P" + r.nextInt(1000), pst[r.nextInt(pst.length)])));
                case 2 -> {
                    if (!ps.isEmpty()) {
                        ProjectView p = pick(r, ps);
                        projects.updateProject(p.id(), Projects.ANY_VERSION,
                                new ProjectDraft(p.name(), pst[r.nextInt(pst.length)]));
                    }
                }
                case 3 -> {
                    if (!ps.isEmpty()) {
                        projects.deleteProject(ps.remove(r.nextInt(ps.size())).id(), Projects.ANY_VERSION);
                    }
                }
                case 4, 5 -> {
                    if (!ps.isEmpty()) {
                        ProjectView p = pick(r, ps);
                        TimeEntryView e = projects.addTimeEntry(p.id(), new TimeEntryDraft(TODAY.minusDays(r.nextInt(9)),
                                BigDecimal.valueOf(1 + r.nextInt(40), 2).multiply(BigDecimal.valueOf(25)), null), "u");
                        entries.add(new TimeEntryView[] {e});
                    }
                }
                case 6 -> {
                    if (!entries.isEmpty()) {
                        TimeEntryView e = entries.remove(r.nextInt(entries.size()))[0];
                        projects.deleteTimeEntry(e.projectId(), e.id(), Projects.ANY_VERSION);
                    }
                }
                case 7, 8 -> tasks.add(projects.createTask(client,
                        new TaskDraft("T", due(r), tst[r.nextInt(tst.length)], null)));
                case 9, 10 -> {
                    if (!tasks.isEmpty()) {
                        TaskView t = pick(r, tasks);
                        projects.updateTask(t.id(), Projects.ANY_VERSION, new TaskDraft(t.title(),
                                due(r),
                                tst[r.nextInt(tst.length)], null));
                    }
                }
                default -> {
                    if (!tasks.isEmpty()) {
                        projects.deleteTask(tasks.remove(r.nextInt(tasks.size())).id(), Projects.ANY_VERSION);
                    }
                }
            }
        } catch (ClientException refused) {
            // a record deleted by another write (404) or changed by another thread (412)
        }
    }

    @Test
    public void randomWritesKeepTheSummaryEqualToTheAggregates() {
        Random r = new Random(20261127);
        List<ProjectView> ps = new ArrayList<>();
        List<TimeEntryView[]> entries = new ArrayList<>();
        List<TaskView> tasks = new ArrayList<>();
        ProjectsDemoData demo = new ProjectsDemoData(projects);
        for (int round = 0; round < 8; round++) {
            for (int i = 0; i < 60; i++) {
                randomWrite(r, CLIENTS, ps, entries, tasks);
            }
            if (round == 3) {
                demo.populate("c2", r, TODAY, "demo");
            }
            if (round == 5) {
                projects.eraseClient("c1");
                ps.removeIf(p -> p.clientId().equals("c1"));
                tasks.removeIf(t -> t.clientId().equals("c1"));
            }
            assertConsistent(CLIENTS);
        }
        // the test is only worth something when the summary holds something
        assertTrue(projects.storedSummary().size() > 20);
        long overdue = 0;
        long due = 0;
        long upcoming = 0;
        for (String c : CLIENTS) {
            Projects.TaskBuckets b = projects.taskBuckets(c, TODAY);
            overdue += b.overdue();
            due += b.due();
            upcoming += b.upcoming();
        }
        assertNotEquals(0, overdue);
        assertNotEquals(0, due);
        assertNotEquals(0, upcoming);
        assertNotEquals(BigDecimal.ZERO.setScale(2), projects.projectTotals("c0").hours());
    }

    @Test
    public void concurrentWritesKeepTheSummaryEqualToTheAggregates() throws Exception {
        int threads = 6;
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 3; round++) {
                // new clients each round: every thread races for their first buckets
                List<String> clients = List.of("r" + round + "a", "r" + round + "b");
                List<ProjectView> ps = Collections.synchronizedList(new ArrayList<>());
                for (String c : clients) {
                    ps.add(projects.createProject(c, new ProjectDraft("shared", ProjectStatus.ACTIVE)));
                }
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Random r = new Random(round * 100 + t);
                    futures.add(pool.submit(() -> {
                        List<TimeEntryView[]> entries = new ArrayList<>();
                        List<TaskView> tasks = new ArrayList<>();
                        for (int i = 0; i < 40; i++) {
                            // the projects of all threads; a project created here is shared at once
                            List<ProjectView> view = new ArrayList<>(ps);
                            int before = view.size();
                            randomWrite(r, clients, view, entries, tasks);
                            if (view.size() > before) {
                                ps.add(view.get(view.size() - 1));
                            }
                            done.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(5, TimeUnit.MINUTES);
                }
                assertConsistent(clients);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3 * threads * 40, done.get());
    }

    /**
     * The race the INSERT of a new bucket is built for, made certain: another transaction has
     * inserted the bucket's row and not committed yet; a write into the same bucket waits for
     * it, fails on the duplicate key once it commits, and updates that row instead.
     */
    @Test
    public void aBucketCreatedMeanwhileByAnotherTransactionIsUpdated() throws Exception {
        EntityManager other = db.factory().createEntityManager();
        try {
            other.getTransaction().begin();
            TaskEntity first = new TaskEntity("race", null, "first", TODAY, TaskStatus.OPEN.name(), 1);
            other.persist(first);
            other.flush();
            Projects.count(Projects.summary(), first, 1).apply(other);

            CompletableFuture<TaskView> second = CompletableFuture.supplyAsync(() -> projects.createTask("race",
                    new TaskDraft("second", TODAY, TaskStatus.OPEN, null)));
            awaitLockWait(second);
            other.getTransaction().commit();
            second.get(1, TimeUnit.MINUTES);
        } finally {
            if (other.getTransaction().isActive()) {
                other.getTransaction().rollback();
            }
            other.close();
        }
        assertEquals(new Totals(2, Totals.ZERO.amount()), projects.storedSummary().get(
                new Key("race", Projects.KIND_TASK, TaskStatus.OPEN.name(), Summary.NO_CURRENCY, TODAY.toEpochDay())));
        assertConsistent(List.of("race"));
    }

    /** Waits until some transaction waits for a lock (the write in {@code writer}), or fails. */
    private void awaitLockWait(CompletableFuture<?> writer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (writer.isDone()) {
                fail("the write did not wait for the other transaction's row: " + writer);
            }
            long waiting = db.template().txExpr(org.apache.aries.jpa.template.TransactionType.Supports,
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
        List<ProjectView> ps = new ArrayList<>();
        List<TimeEntryView[]> entries = new ArrayList<>();
        List<TaskView> tasks = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            randomWrite(r, CLIENTS, ps, entries, tasks);
        }
        Map<Key, Totals> expected = projects.recomputedSummary();
        assertTrue(expected.size() > 10);
        // a database from before the summary: records, no summary rows, no marker
        db.template().tx(em -> em.createQuery("DELETE FROM PrjSummary s").executeUpdate());
        assertEquals(Map.of(), projects.storedSummary());

        Projects activated = new Projects(db.template(), held::add, clock::incrementAndGet);
        assertEquals(expected, activated.storedSummary());
        assertConsistent(CLIENTS);
        // idempotent: the marker is there, nothing is done twice
        assertFalse(activated.backfill());
        assertEquals(expected, activated.storedSummary());
        // and writes go on from there
        randomWrite(r, CLIENTS, ps, entries, tasks);
        assertConsistent(CLIENTS);
    }
}
