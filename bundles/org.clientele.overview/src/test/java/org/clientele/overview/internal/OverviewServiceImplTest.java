package org.clientele.overview.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.clientele.api.Client;
import org.clientele.api.NotFoundException;
import org.clientele.api.overview.Metric;
import org.clientele.api.overview.Overview;
import org.clientele.api.overview.OverviewContributor;
import org.clientele.api.overview.OverviewRequest;
import org.clientele.api.overview.OverviewSection;
import org.clientele.api.overview.OverviewSection.Status;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class OverviewServiceImplTest {
    private static final String P = "clientele.section.";
    private static final long BUDGET = 400;

    private final FakeClients clients = new FakeClients();
    private final CountDownLatch release = new CountDownLatch(1);
    private OverviewServiceImpl service;
    private Client client;

    @Before
    public void setUp() {
        client = clients.add("c1", List.of());
        service = new OverviewServiceImpl(clients, TestConfig.of(BUDGET, 5000));
    }

    @After
    public void tearDown() {
        release.countDown();
        service.deactivate();
    }

    private void register(OverviewContributor c, Map<String, Object> props) {
        assertTrue(service.contributors().add(c, props, "test.bundle 1.0.0 [9]"));
    }

    private static OverviewContributor counting(String id, long n) {
        return r -> List.of(Metric.count(id, r.text("Count", "Anzahl"), n));
    }

    /** Takes about this long, like a slow query. */
    private static OverviewContributor taking(long millis, String id) {
        return r -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return List.of(Metric.count(id, "n", 1));
        };
    }

    private OverviewContributor hanging(CountDownLatch interrupted) {
        return r -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return List.of();
        };
    }

    private static Map<String, Status> statuses(Overview o) {
        Map<String, Status> m = new java.util.LinkedHashMap<>();
        o.sections().forEach(s -> m.put(s.id(), s.status()));
        return m;
    }

    @Test
    public void sectionsInOrderWithFiguresAndTheClient() {
        register(counting("invoices", 4), Props.of(P, "invoices", "Invoices", 40, P + "titles", "de=Rechnungen"));
        register(counting("projects", 2), Props.of(P, "projects", "Projects", 10, P + "titles", "de=Projekte"));
        register(counting("tasks", 3), Props.of(P, "tasks", "Tasks", 20));
        register(r -> List.of(Metric.amount("total", "Total", new BigDecimal("1234.50"), "EUR"),
                Metric.hours("hours", "Hours", new BigDecimal("7.5"))), Props.of(P, "orders", "Orders", 20));

        Overview o = service.overview("c1", Locale.GERMANY);
        assertSame(client, o.client());
        assertEquals(LocalDate.of(2026, 3, 16), o.today());
        assertEquals(List.of("projects", "orders", "tasks", "invoices"), o.sections().stream().map(OverviewSection::id).toList());
        OverviewSection projects = o.sections().get(0);
        assertEquals("Projekte", projects.title());
        assertEquals(Status.OK, projects.status());
        assertEquals(List.of(Metric.count("projects", "Anzahl", 2)), projects.metrics());
        assertEquals(new BigDecimal("1234.50"), o.sections().get(1).metrics().get(0).value());
        assertEquals("Tasks", o.sections().get(2).title());
        assertEquals("Projects", service.overview("c1", Locale.ENGLISH).sections().get(0).title());
    }

    @Test
    public void noContributorsGiveTheClientAlone() {
        Overview o = service.overview("c1", Locale.ENGLISH);
        assertSame(client, o.client());
        assertTrue(o.sections().isEmpty());
    }

    @Test
    public void unknownClientIsNotFoundAndNoContributorIsAsked() {
        AtomicReference<OverviewRequest> asked = new AtomicReference<>();
        register(r -> {
            asked.set(r);
            return List.of();
        }, Props.of(P, "x", "X", 10));
        try {
            service.overview("nobody", Locale.ENGLISH);
            fail();
        } catch (NotFoundException e) {
            assertEquals("nobody", e.id());
        }
        assertEquals(null, asked.get());
    }

    @Test
    public void contributorsGetClientTodayAndLocale() {
        AtomicReference<OverviewRequest> asked = new AtomicReference<>();
        register(r -> {
            asked.set(r);
            return List.of();
        }, Props.of(P, "x", "X", 10));
        service.overview("c1", Locale.GERMAN);
        assertEquals(new OverviewRequest("c1", LocalDate.of(2026, 3, 16), Locale.GERMAN), asked.get());
    }

    @Test
    public void aThrowingContributorFailsOnlyItsSection() {
        register(counting("projects", 2), Props.of(P, "projects", "Projects", 10));
        register(r -> {
            throw new IllegalStateException("boom");
        }, Props.of(P, "broken", "Broken", 20));
        register(r -> java.util.Arrays.asList(Metric.count("a", "A", 1), null), Props.of(P, "nulls", "Nulls", 30));
        Overview o = service.overview("c1", Locale.ENGLISH);
        assertEquals(Map.of("projects", Status.OK, "broken", Status.FAILED, "nulls", Status.FAILED), statuses(o));
        assertTrue(o.sections().get(1).metrics().isEmpty());
        assertEquals(1, o.sections().get(0).metrics().size());
    }

    @Test
    public void aHangingContributorTimesOutWithinTheBudgetAndIsCancelled() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        register(counting("projects", 2), Props.of(P, "projects", "Projects", 10));
        register(hanging(interrupted), Props.of(P, "hang", "Hang", 20));
        register(r -> {
            throw new IllegalStateException("boom");
        }, Props.of(P, "broken", "Broken", 30));

        long start = System.nanoTime();
        Overview o = service.overview("c1", Locale.ENGLISH);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(millis + " ms", millis >= BUDGET - 5 && millis < BUDGET + 300);
        assertEquals(Map.of("projects", Status.OK, "hang", Status.TIMEOUT, "broken", Status.FAILED), statuses(o));
        assertTrue("the late call is interrupted", interrupted.await(5, TimeUnit.SECONDS));
    }

    @Test
    public void severalHangingContributorsShareOneBudget() {
        for (int i = 0; i < 3; i++) {
            register(hanging(new CountDownLatch(1)), Props.of(P, "hang-" + i, "Hang", 10 + i));
        }
        long start = System.nanoTime();
        Overview o = service.overview("c1", Locale.ENGLISH);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis + " ms", millis < BUDGET + 300);
        o.sections().forEach(s -> assertEquals(Status.TIMEOUT, s.status()));
        assertEquals(3, o.sections().size());
    }

    @Test
    public void contributorsRunInParallel() {
        service.modified(TestConfig.of(2000, 5000));
        register(taking(300, "a"), Props.of(P, "a", "A", 10));
        register(taking(300, "b"), Props.of(P, "b", "B", 20));
        long start = System.nanoTime();
        Overview o = service.overview("c1", Locale.ENGLISH);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(Map.of("a", Status.OK, "b", Status.OK), statuses(o));
        assertTrue(millis + " ms", millis >= 295 && millis < 500);
    }

    @Test
    public void aNewConfigurationTakesEffect() {
        register(taking(300, "a"), Props.of(P, "a", "A", 10));
        service.modified(TestConfig.of("2030-01-02", "UTC", 100, 5000, 1));
        Overview o = service.overview("c1", Locale.ENGLISH);
        assertEquals(LocalDate.of(2030, 1, 2), o.today());
        assertEquals(Status.TIMEOUT, o.sections().get(0).status());
        service.modified(TestConfig.of(1000, 5000));
        assertEquals(Status.OK, service.overview("c1", Locale.ENGLISH).sections().get(0).status());
    }

    @Test
    public void aShadowedSectionComesBack() {
        Map<String, Object> original = Props.of(P, "projects", "Projects", 10);
        Map<String, Object> better = Props.of(P, "projects", "Better projects", 10, "service.ranking", 10);
        register(counting("original", 1), original);
        register(counting("better", 2), better);
        assertEquals("better", service.overview("c1", Locale.ENGLISH).sections().get(0).metrics().get(0).id());
        service.contributors().remove(better);
        assertEquals("original", service.overview("c1", Locale.ENGLISH).sections().get(0).metrics().get(0).id());
    }
}
