package org.clientele.overview.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.clientele.api.FieldError;
import org.clientele.api.NotFoundException;
import org.clientele.api.ValidationException;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.ClientTab;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabInfo;
import org.clientele.api.tab.TabRequest;
import org.clientele.api.tab.TabView;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class TabServiceImplTest {
    private static final String P = "clientele.tab.";
    private static final long BUDGET = 400;

    private final FakeClients clients = new FakeClients();
    private TabServiceImpl service;
    private final CountDownLatch release = new CountDownLatch(1);

    @Before
    public void setUp() {
        clients.add("c1", List.of());
        service = new TabServiceImpl(clients, TestConfig.of(2000, BUDGET));
    }

    @After
    public void tearDown() {
        release.countDown();
        service.deactivate();
    }

    private void register(ClientTab tab, Map<String, Object> props) {
        assertTrue(service.tracked().add(tab, props, "test.bundle 1.0.0 [9]"));
    }

    private static ClientTab text(String text) {
        return r -> TabContent.of(new Block.Text(null, text));
    }

    private static String onlyText(TabView v) {
        assertEquals(v.toString(), 1, v.blocks().size());
        return ((Block.Text) v.blocks().get(0)).text();
    }

    @Test
    public void tabsAreListedInOrderWithTitlesInTheReadersLanguage() {
        register(text("h"), Props.of(P, "history", "Activity", 70, P + "titles", new String[] {"de=Aktivität"}));
        register(text("o"), Props.of(P, "overview", "Overview", 10, P + "titles", new String[] {"de=Übersicht"}));
        register(text("c"), Props.of(P, "contact", "Contact details", 20, P + "titles", new String[] {"de=Kontaktdaten"}));
        register(text("n"), Props.of(P, "notes", "Notes", 20));
        assertEquals(List.of(new TabInfo("overview", "Overview", 10), new TabInfo("contact", "Contact details", 20),
                new TabInfo("notes", "Notes", 20), new TabInfo("history", "Activity", 70)),
                service.tabs("c1", Locale.ENGLISH));
        assertEquals(List.of("Übersicht", "Kontaktdaten", "Notes", "Aktivität"),
                service.tabs("c1", Locale.GERMANY).stream().map(TabInfo::title).toList());
    }

    @Test
    public void unknownClientIsNotFound() {
        register(text("o"), Props.of(P, "overview", "Overview", 10));
        try {
            service.tabs("nobody", Locale.ENGLISH);
            fail();
        } catch (NotFoundException e) {
            assertEquals("client", e.kind());
        }
        try {
            service.tab("nobody", "overview", 50, 0, Locale.ENGLISH);
            fail();
        } catch (NotFoundException e) {
            assertEquals("client", e.kind());
        }
    }

    @Test
    public void unknownTabIsNotFound() {
        try {
            service.tab("c1", "nope", 50, 0, Locale.ENGLISH);
            fail();
        } catch (NotFoundException e) {
            assertEquals("tab", e.kind());
            assertEquals("nope", e.id());
        }
    }

    @Test
    public void tabGetsTheRequestWithPinnedTodayAndPaging() {
        AtomicReference<TabRequest> seen = new AtomicReference<>();
        register(r -> {
            seen.set(r);
            return TabContent.of(new Block.Text("t", "hello"));
        }, Props.of(P, "x", "X", 10, P + "titles", "de=Iks"));
        TabView v = service.tab("c1", "x", 25, 50, Locale.GERMAN);
        assertEquals("x", v.id());
        assertEquals("Iks", v.title());
        assertEquals("hello", onlyText(v));
        assertEquals(new TabRequest("c1", 25, 50, LocalDate.of(2026, 3, 16), Locale.GERMAN), seen.get());
    }

    @Test
    public void pagingIsValidatedWithOneErrorPerParameter() {
        register(text("x"), Props.of(P, "x", "X", 10));
        assertPaging(0, 0, "limit");
        assertPaging(501, 0, "limit");
        assertPaging(50, -1, "offset");
        assertPaging(-3, -1, "limit", "offset");
        service.tab("c1", "x", 1, 0, Locale.ENGLISH);
        service.tab("c1", "x", 500, 100000, Locale.ENGLISH);
    }

    private void assertPaging(int limit, int offset, String... fields) {
        try {
            service.tab("c1", "x", limit, offset, Locale.ENGLISH);
            fail("limit " + limit + ", offset " + offset);
        } catch (ValidationException e) {
            assertEquals(List.of(fields), e.errors().stream().map(FieldError::field).toList());
            e.errors().forEach(err -> assertEquals("OUT_OF_RANGE", err.code()));
        }
    }

    @Test
    public void aThrowingTabShowsATextBlock() {
        register(r -> {
            throw new IllegalStateException("database on fire");
        }, Props.of(P, "broken", "Broken", 10, P + "titles", "de=Kaputt"));
        TabView v = service.tab("c1", "broken", 50, 0, Locale.ENGLISH);
        assertEquals("Broken", v.title());
        assertTrue(onlyText(v), onlyText(v).contains("could not be shown"));
        assertTrue(onlyText(service.tab("c1", "broken", 50, 0, Locale.GERMAN)).contains("kann gerade nicht angezeigt"));
    }

    @Test
    public void aHangingTabIsCancelledAfterItsBudget() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        register(r -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return TabContent.of();
        }, Props.of(P, "slow", "Slow", 10));
        long start = System.nanoTime();
        TabView v = service.tab("c1", "slow", 50, 0, Locale.ENGLISH);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis + " ms", millis >= BUDGET - 5 && millis < BUDGET + 300);
        assertTrue(onlyText(v), onlyText(v).contains("did not answer in time"));
        assertTrue("the late call is interrupted", interrupted.await(5, TimeUnit.SECONDS));
        assertTrue(onlyText(service.tab("c1", "slow", 50, 0, Locale.GERMAN)).contains("nicht rechtzeitig"));
    }

    @Test
    public void aShadowedTabComesBackWhenTheWinnerLeaves() {
        Map<String, Object> builtIn = Props.of(P, "contact", "Contact details", 20);
        Map<String, Object> override = Props.of(P, "contact", "Better contact", 20, "service.ranking", 100);
        register(text("built-in"), builtIn);
        register(text("override"), override);
        assertEquals("override", onlyText(service.tab("c1", "contact", 50, 0, Locale.ENGLISH)));
        assertEquals(List.of(new TabInfo("contact", "Better contact", 20)), service.tabs("c1", Locale.ENGLISH));
        service.tracked().remove(override);
        assertEquals("built-in", onlyText(service.tab("c1", "contact", 50, 0, Locale.ENGLISH)));
        assertEquals(List.of(new TabInfo("contact", "Contact details", 20)), service.tabs("c1", Locale.ENGLISH));
    }

    @Test
    public void aNewConfigurationTakesEffect() {
        AtomicReference<LocalDate> today = new AtomicReference<>();
        register(r -> {
            today.set(r.today());
            return TabContent.of();
        }, Props.of(P, "x", "X", 10));
        service.tab("c1", "x", 50, 0, Locale.ENGLISH);
        assertEquals(LocalDate.of(2026, 3, 16), today.get());
        service.modified(TestConfig.of("2030-01-02", "UTC", 100, 100, 2));
        service.tab("c1", "x", 50, 0, Locale.ENGLISH);
        assertEquals(LocalDate.of(2030, 1, 2), today.get());
    }

    @Test
    public void nullContentIsAnEmptyTab() {
        register(r -> null, Props.of(P, "x", "X", 10));
        assertTrue(service.tab("c1", "x", 50, 0, Locale.ENGLISH).blocks().isEmpty());
    }
}
