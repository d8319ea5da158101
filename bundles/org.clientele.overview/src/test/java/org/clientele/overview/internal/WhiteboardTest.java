package org.clientele.overview.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;

public class WhiteboardTest {
    private static final String P = "clientele.tab.";

    private final Whiteboard<String> board = new Whiteboard<>(P, "tab");

    private static List<String> ids(List<Listing<String>> listings) {
        return listings.stream().map(Listing::id).toList();
    }

    @Test
    public void sortsByOrderThenId() {
        board.add("c", Props.of(P, "c", "C", 20), "b1");
        board.add("b", Props.of(P, "b", "B", 20), "b1");
        board.add("a", Props.of(P, "a", "A", 30), "b1");
        board.add("z", Props.of(P, "z", "Z", 5), "b1");
        board.add("d", Props.of(P, "d", "D", null), "b1"); // no order: 1000, last
        assertEquals(List.of("z", "b", "c", "a", "d"), ids(board.current()));
    }

    @Test
    public void titleFollowsTheLocaleLanguage() {
        board.add("p", Props.of(P, "projects", "Projects", 30, P + "titles", new String[] {"de=Projekte", "fr=Projets"}), "b1");
        board.add("s", Props.of(P, "single", "Single", 40, P + "titles", "de = Einzeln"), "b1");
        Listing<String> p = board.find("projects").orElseThrow();
        assertEquals("Projekte", p.title(Locale.GERMANY));
        assertEquals("Projekte", p.title(Locale.GERMAN));
        assertEquals("Projets", p.title(Locale.FRANCE));
        assertEquals("Projects", p.title(Locale.ENGLISH));
        assertEquals("Projects", p.title(Locale.ITALIAN));
        assertEquals("Projects", p.title(null));
        assertEquals("Einzeln", board.find("single").orElseThrow().title(Locale.GERMAN));
    }

    @Test
    public void orderAsStringOrLongIsAccepted() {
        assertTrue(board.add("s", Props.of(P, "s", "S", "15"), "b1"));
        assertTrue(board.add("l", Props.of(P, "l", "L", 25L), "b1"));
        assertEquals(List.of(15, 25), board.current().stream().map(Listing::order).toList());
    }

    @Test
    public void malformedServicesAreIgnored() {
        assertFalse(board.add("no id", Props.of(P, null, "T", 10), "b1"));
        assertFalse(board.add("upper", Props.of(P, "Projects", "T", 10), "b1"));
        assertFalse(board.add("space", Props.of(P, "my tab", "T", 10), "b1"));
        assertFalse(board.add("empty id", Props.of(P, "", "T", 10), "b1"));
        assertFalse(board.add("id not text", Props.of(P, null, "T", 10, P + "id", 7), "b1"));
        assertFalse(board.add("no title", Props.of(P, "a", null, 10), "b1"));
        assertFalse(board.add("blank title", Props.of(P, "b", "  ", 10), "b1"));
        assertFalse(board.add("bad order", Props.of(P, "c", "C", "ten"), "b1"));
        assertFalse(board.add("fraction order", Props.of(P, "d", "D", 1.5), "b1"));
        assertFalse(board.add("huge order", Props.of(P, "e", "E", Long.MAX_VALUE), "b1"));
        assertTrue(board.add("good", Props.of(P, "good-1", "Good", 10), "b1"));
        assertEquals(List.of("good-1"), ids(board.current()));
    }

    @Test
    public void aMalformedServiceIsLoggedOnceAtWarnNamingTheBundle() {
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            board.add("bad", Props.of(P, "Bad Id", "", "x"), "com.example.badtab 1.0.0 [77]");
        } finally {
            System.setErr(err);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("WARN")).toList();
        assertEquals(lines.toString(), 1, lines.size());
        assertTrue(lines.get(0), lines.get(0).contains("com.example.badtab 1.0.0 [77]"));
        assertTrue(lines.get(0), lines.get(0).contains("clientele.tab.id 'Bad Id'"));
        assertTrue(lines.get(0), lines.get(0).contains("title"));
        assertTrue(lines.get(0), lines.get(0).contains("order"));
    }

    @Test
    public void highestRankingWinsAndTheShadowedOneComesBack() {
        Map<String, Object> builtIn = Props.of(P, "contact", "Contact details", 20);
        Map<String, Object> better = Props.of(P, "contact", "Better contact", 20, "service.ranking", 100);
        Map<String, Object> worse = Props.of(P, "contact", "Worse contact", 20, "service.ranking", -5);
        board.add("built-in", builtIn, "b1");
        board.add("better", better, "b2");
        board.add("worse", worse, "b3");
        assertSame("better", board.find("contact").orElseThrow().service());
        assertEquals(1, board.current().size());
        assertSame("better", board.current().get(0).service());

        board.remove(better);
        assertSame("built-in", board.find("contact").orElseThrow().service());
        assertEquals("Contact details", board.current().get(0).title());

        board.remove(builtIn);
        assertSame("worse", board.find("contact").orElseThrow().service());
        board.remove(worse);
        assertTrue(board.find("contact").isEmpty());
        assertTrue(board.current().isEmpty());
    }

    @Test
    public void equalRankingsGoToTheLowestServiceId() {
        Map<String, Object> first = Props.of(P, "x", "First", 10);
        Map<String, Object> second = Props.of(P, "x", "Second", 10);
        board.add("second", second, "b1");
        board.add("first", first, "b1");
        assertSame("first", board.find("x").orElseThrow().service());
        board.remove(first);
        assertSame("second", board.find("x").orElseThrow().service());
    }

    @Test
    public void nonIntegerRankingCountsAsZero() {
        board.add("plain", Props.of(P, "x", "Plain", 10), "b1");
        board.add("odd", Props.of(P, "x", "Odd", 10, "service.ranking", "100"), "b1");
        assertSame("plain", board.find("x").orElseThrow().service());
    }

    @Test
    public void updatedPropertiesAreFollowed() {
        Map<String, Object> p = Props.of(P, "x", "Old", 10);
        board.add("s", p, "b1");
        p.put(P + "title", "New");
        p.put(P + "order", 5);
        board.update("s", p, "b1");
        assertEquals("New", board.find("x").orElseThrow().title());
        assertEquals(1, board.current().size());
        p.put(P + "id", "BAD");
        board.update("s", p, "b1");
        assertTrue(board.current().isEmpty());
    }
}
