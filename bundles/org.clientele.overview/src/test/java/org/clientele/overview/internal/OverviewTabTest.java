package org.clientele.overview.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.clientele.api.overview.Metric;
import org.clientele.api.overview.OverviewContributor;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.clientele.overview.internal.tabs.OverviewTab;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The Overview tab on the real overview service with fake contributors. */
public class OverviewTabTest {
    private final FakeClients clients = new FakeClients();
    private final CountDownLatch release = new CountDownLatch(1);
    private OverviewServiceImpl overviews;
    private long serviceId = 1;

    @Before
    public void setUp() {
        clients.add("c1", List.of());
        overviews = new OverviewServiceImpl(clients, TestConfig.of(300, 5000));
    }

    @After
    public void tearDown() {
        release.countDown();
        overviews.deactivate();
    }

    private void register(String id, String title, int order, OverviewContributor c) {
        Map<String, Object> p = Map.of("clientele.section.id", id, "clientele.section.title", title,
                "clientele.section.titles", new String[] {"de=" + title + " (de)"}, "clientele.section.order", order,
                "service.id", serviceId++);
        overviews.contributors().add(c, p, "test.bundle 1.0.0 [9]");
    }

    private static Map<String, String> fields(Block b) {
        Map<String, String> m = new LinkedHashMap<>();
        ((Block.Fields) b).fields().forEach(f -> m.put(f.label(), f.value()));
        return m;
    }

    private TabContent render(Locale locale) {
        return new OverviewTab(overviews).render(new TabRequest("c1", 50, 0, null, locale));
    }

    @Test
    public void legalAndContactPanelThenOneBlockPerSection() {
        register("projects", "Projects", 10, r -> List.of(Metric.count("count", r.text("Projects", "Projekte"), 3),
                Metric.hours("hours", r.text("Hours", "Stunden"), new BigDecimal("12.50"))));
        register("orders", "Orders", 30, r -> List.of(Metric.amount("total", "Total", new BigDecimal("1234.50"), "EUR")));
        register("broken", "Broken", 20, r -> {
            throw new IllegalStateException("boom");
        });
        register("slow", "Slow", 40, r -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        });

        TabContent c = render(Locale.ENGLISH);
        assertEquals(5, c.blocks().size());
        Map<String, String> panel = fields(c.blocks().get(0));
        assertEquals("Müller & Söhne GmbH", panel.get("Legal name"));
        assertEquals("K-000042", panel.get("Customer number"));
        assertEquals("DE136695976 (format and check digits valid)", panel.get("Tax ID"));
        assertEquals("Hauptstr. 5, 10115 Berlin, DE", panel.get("Address"));
        assertEquals("info@mueller.example", panel.get("E-mail"));
        assertEquals("+49 30 1234567", panel.get("Phone"));
        assertEquals("mueller.example", panel.get("Website"));
        Block.Field mail = ((Block.Fields) c.blocks().get(0)).fields().get(4);
        assertEquals("mailto:info@mueller.example", mail.href());

        assertEquals(List.of("Projects", "Broken", "Orders", "Slow"),
                c.blocks().subList(1, 5).stream().map(Block::title).toList());
        assertEquals(Map.of("Projects", "3", "Hours", "12.50 h"), fields(c.blocks().get(1)));
        assertTrue(fields(c.blocks().get(2)).get("Status").contains("could not be loaded"));
        assertEquals(Map.of("Total", "1234.50 EUR"), fields(c.blocks().get(3)));
        assertTrue(fields(c.blocks().get(4)).get("Status").contains("did not arrive in time"));
    }

    @Test
    public void germanLabels() {
        register("projects", "Projects", 10, r -> List.of(Metric.count("count", r.text("Projects", "Projekte"), 3)));
        TabContent c = render(Locale.GERMANY);
        Map<String, String> panel = fields(c.blocks().get(0));
        assertEquals("Müller & Söhne GmbH", panel.get("Firmenname"));
        assertEquals("DE136695976 (Format und Prüfziffer gültig)", panel.get("Steuer-ID"));
        assertEquals("Projects (de)", c.blocks().get(1).title());
        assertEquals(Map.of("Projekte", "3"), fields(c.blocks().get(1)));
    }
}
