package org.clientele.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The overview and the tabs of our distribution with every extension feature, over HTTP:
 * tab list and content, errors, and tabs and overview sections that come, go, throw, hang
 * or shadow a built-in one (registered from this probe bundle as an extension would).
 *
 * <p>This module compiles without {@code org.clientele.api}: the probe's services implement
 * the SPI interfaces as proxies of the classes that the container's API bundle holds.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OverviewTabsIT extends KarafTestSupport {
    private static final String CFG = "etc/org.clientele.overview.cfg";
    private static final long SECTION_BUDGET_MS = 1000;
    private static final long TAB_BUDGET_MS = 2500;
    private static final String CLIENT_TAB = "org.clientele.api.tab.ClientTab";
    private static final String CONTRIBUTOR = "org.clientele.api.overview.OverviewContributor";
    private static final List<String> SHIPPED_TABS =
            List.of("overview", "contact", "projects", "orders", "deals", "files", "history");

    @Inject
    protected BundleContext bundleContext;

    /** Released after each test so that nothing a test registered keeps a pool thread. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return new Option[] {ourDistribution(), common(),
            editConfigurationFilePut(CFG, "pinnedDate", "2026-03-16"),
            editConfigurationFilePut(CFG, "contributorTimeoutMillis", Long.toString(SECTION_BUDGET_MS)),
            editConfigurationFilePut(CFG, "tabTimeoutMillis", Long.toString(TAB_BUDGET_MS))};
    }

    @Before
    public void apiIsUp() {
        await("the API answers").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/tax-ids/DE136695976") == 200);
    }

    @After
    public void unregister() {
        release.countDown();
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered by the test itself
            }
        }
    }

    // ---- the shipped tabs

    @Test
    public void a01TabsOfANewClientInDisplayOrder() {
        String id = newClient();
        await("every extension's tab is there").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> tabIds(id), ids -> ids.equals(SHIPPED_TABS));
        JsonNode en = http("viewer").get("/api/clients/" + id + "/tabs").json();
        assertEquals("Overview", en.get(0).get("title").asText());
        assertEquals(10, en.get(0).get("order").asInt());
        assertEquals("Contact details", en.get(1).get("title").asText());
        assertEquals("Activity", en.get(6).get("title").asText());
        assertEquals(70, en.get(6).get("order").asInt());
        JsonNode de = http("viewer").get("/api/clients/" + id + "/tabs?lang=de").json();
        assertEquals("Übersicht", de.get(0).get("title").asText());
        assertEquals("Kontaktdaten", de.get(1).get("title").asText());
        assertEquals("Aktivität", de.get(6).get("title").asText());
    }

    @Test
    public void a02EveryShippedTabAnswersWithBlocks() {
        String id = newClient();
        await().atMost(Duration.ofSeconds(60)).until(() -> tabIds(id), ids -> ids.equals(SHIPPED_TABS));
        for (String tab : SHIPPED_TABS) {
            Http.Answer a = http("viewer").get("/api/clients/" + id + "/tabs/" + tab);
            assertEquals(tab + ": " + a, 200, a.status());
            assertEquals(tab, a.json().get("id").asText());
            assertTrue(tab + ": " + a, a.json().get("blocks").size() > 0);
            for (JsonNode b : a.json().get("blocks")) {
                assertFalse(tab + " must not fail on a new client: " + a, "text".equals(b.get("kind").asText())
                        && b.get("text").asText().contains("could not be shown"));
            }
        }
    }

    @Test
    public void a03OverviewTabShowsTheLegalPanel() {
        String id = newClient();
        JsonNode tab = okTab(id, "overview", "");
        JsonNode panel = tab.get("blocks").get(0);
        assertEquals("fields", panel.get("kind").asText());
        Map<String, String> fields = fields(panel);
        assertTrue(fields.toString(), fields.get("Legal name").startsWith("Tabbed "));
        assertEquals("Hauptstr. 5, 10115 Berlin, DE", fields.get("Address"));
        assertEquals("info@tabbed.example", fields.get("E-mail"));
    }

    @Test
    public void a04ContactTabPagesContacts() {
        Map<String, Object> c = client("Contacts " + unique() + " GmbH");
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            contacts.add(Map.of("name", "Person " + i, "role", "Einkauf", "email", "p" + i + "@contacts.example"));
        }
        c.put("contacts", contacts);
        String id = create(c);
        JsonNode table = okTab(id, "contact", "?limit=2&offset=1").get("blocks").get(1);
        assertEquals("table", table.get("kind").asText());
        assertEquals(3, table.get("total").asInt());
        assertEquals(2, table.get("rows").size());
        assertEquals("Person 2", table.get("rows").get(0).get(0).asText());
        assertEquals("Person 3", table.get("rows").get(1).get(0).asText());
    }

    @Test
    public void a05OverviewHasTheClientAndThePinnedDate() {
        String id = newClient();
        Http.Answer a = http("viewer").get("/api/clients/" + id + "/overview");
        assertEquals(a.toString(), 200, a.status());
        assertEquals(id, a.json().get("client").get("id").asText());
        assertEquals("2026-03-16", a.json().get("today").asText());
        assertTrue(a.json().get("sections").isArray());
    }

    // ---- errors

    @Test
    public void b01UnknownTabIs404AndUnknownClientToo() {
        String id = newClient();
        Http.Answer a = http("viewer").get("/api/clients/" + id + "/tabs/no-such-tab");
        assertEquals(a.toString(), 404, a.status());
        assertEquals("application/problem+json", a.header("Content-Type"));
        assertTrue(a.toString(), a.json().get("detail").asText().contains("no-such-tab"));
        assertEquals(404, http("viewer").get("/api/clients/no-such-client/tabs").status());
        assertEquals(404, http("viewer").get("/api/clients/no-such-client/tabs/contact").status());
        assertEquals(404, http("viewer").get("/api/clients/no-such-client/overview").status());
    }

    @Test
    public void b02BadPagingIs422NamingTheParameter() {
        String id = newClient();
        assertPaging422(id, "?limit=0", "limit");
        assertPaging422(id, "?limit=501", "limit");
        assertPaging422(id, "?offset=-1", "offset");
        assertEquals(200, http("viewer").get("/api/clients/" + id + "/tabs/contact?limit=500&offset=0").status());
    }

    @Test
    public void b03TabsNeedAViewer() {
        String id = newClient();
        assertEquals(401, http(null).get("/api/clients/" + id + "/tabs").status());
        assertEquals(403, http("outsider").get("/api/clients/" + id + "/tabs").status());
        assertEquals(403, http("outsider").get("/api/clients/" + id + "/overview").status());
    }

    // ---- extensions that misbehave

    @Test
    public void c01ThrowingAndHangingTabsShowATextAndTheRestWorks() throws Exception {
        String id = newClient();
        register(CLIENT_TAB, () -> {
            throw new IllegalStateException("this tab is broken on purpose");
        }, tab("it-broken", "Broken", 900, 0));
        register(CLIENT_TAB, () -> {
            awaitRelease();
            return tabText("too late");
        }, tab("it-hanging", "Hanging", 901, 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> tabIds(id), ids -> ids.contains("it-hanging"));

        JsonNode broken = okTab(id, "it-broken", "");
        assertEquals(broken.toString(), 1, broken.get("blocks").size());
        assertEquals("text", broken.get("blocks").get(0).get("kind").asText());
        assertTrue(broken.toString(), broken.get("blocks").get(0).get("text").asText().contains("could not be shown"));

        long start = System.nanoTime();
        JsonNode hanging = okTab(id, "it-hanging", "");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis + " ms", millis < TAB_BUDGET_MS + 2000);
        assertEquals(hanging.toString(), 1, hanging.get("blocks").size());
        assertTrue(hanging.toString(), hanging.get("blocks").get(0).get("text").asText().contains("did not answer in time"));

        JsonNode contact = okTab(id, "contact", "");
        assertEquals("fields", contact.get("blocks").get(0).get("kind").asText());
        assertTrue(tabIds(id).containsAll(SHIPPED_TABS));
    }

    @Test
    public void c02ThrowingAndHangingSectionsAreMarkedAndTheRestWorks() throws Exception {
        String id = newClient();
        register(CONTRIBUTOR, () -> {
            throw new IllegalStateException("this section is broken on purpose");
        }, section("it-broken", "Broken", 900));
        register(CONTRIBUTOR, () -> {
            awaitRelease();
            return List.of();
        }, section("it-hanging", "Hanging", 901));
        register(CONTRIBUTOR, () -> List.of(amount("total", "Total", "1234.50", "EUR")),
                section("it-quick", "Quick", 902));

        long start = System.nanoTime();
        Http.Answer a = http("viewer").get("/api/clients/" + id + "/overview");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(a.toString(), 200, a.status());
        assertTrue(millis + " ms", millis < SECTION_BUDGET_MS + 2000);
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        a.json().get("sections").forEach(s -> sections.put(s.get("id").asText(), s));
        assertEquals("FAILED", sections.get("it-broken").get("status").asText());
        assertEquals("TIMEOUT", sections.get("it-hanging").get("status").asText());
        assertEquals(0, sections.get("it-hanging").get("metrics").size());
        JsonNode quick = sections.get("it-quick");
        assertEquals("OK", quick.get("status").asText());
        assertEquals("total", quick.get("metrics").get(0).get("id").asText());
        assertEquals(0, new BigDecimal("1234.50").compareTo(quick.get("metrics").get(0).get("value").decimalValue()));
        assertEquals("EUR", quick.get("metrics").get(0).get("unit").asText());
        assertEquals(id, a.json().get("client").get("id").asText());
        List<String> ids = new ArrayList<>(sections.keySet());
        assertEquals(List.of("it-broken", "it-hanging", "it-quick"), ids.subList(ids.size() - 3, ids.size()));

        // the Overview tab shows the same, with notes for the marked sections
        JsonNode tab = okTab(id, "overview", "");
        Map<String, JsonNode> blocks = new LinkedHashMap<>();
        tab.get("blocks").forEach(b -> blocks.put(b.get("title").asText(), b));
        assertTrue(fields(blocks.get("Broken")).get("Status").contains("could not be loaded"));
        assertTrue(fields(blocks.get("Hanging")).get("Status").contains("did not arrive in time"));
        assertEquals("1234.50 EUR", fields(blocks.get("Quick")).get("Total"));
    }

    @Test
    public void c03HigherRankingTakesOverABuiltInTabUntilItLeaves() throws Exception {
        String id = newClient();
        ServiceRegistration<?> better = register(CLIENT_TAB, () -> tabText("the better contact tab"),
                tab("contact", "Better contact", 20, 100));
        await().atMost(Duration.ofSeconds(10)).until(() -> titleOf(id, "contact"), "Better contact"::equals);
        assertEquals(SHIPPED_TABS, tabIds(id));
        assertEquals("the better contact tab", okTab(id, "contact", "").get("blocks").get(0).get("text").asText());

        // a lower-ranked one changes nothing
        register(CLIENT_TAB, () -> tabText("worse"), tab("contact", "Worse contact", 20, -1));
        assertEquals("Better contact", titleOf(id, "contact"));

        better.unregister();
        await().atMost(Duration.ofSeconds(10)).until(() -> titleOf(id, "contact"), "Contact details"::equals);
        assertEquals("fields", okTab(id, "contact", "").get("blocks").get(0).get("kind").asText());
    }

    @Test
    public void c04MalformedTabIsIgnored() throws Exception {
        String id = newClient();
        register(CLIENT_TAB, () -> tabText("bad"), tab("Not A Valid Id", "Bad", 5, 0));
        register(CLIENT_TAB, () -> tabText("bad"), tab("it-blank-title", " ", 5, 0));
        assertEquals(SHIPPED_TABS, tabIds(id));
        assertEquals(404, http("viewer").get("/api/clients/" + id + "/tabs/it-blank-title").status());
    }

    // ---- configuration

    @Test
    public void d01ConfigurationChangesTakeEffectWithoutARestart() throws Exception {
        String id = newClient();
        try {
            String out = shell("config:property-set -p org.clientele.overview pinnedDate 2027-01-31");
            assertFalse(out, out.contains("Error"));
            await("the new date is used").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http("viewer").get("/api/clients/" + id + "/overview").json().get("today").asText(),
                            "2027-01-31"::equals);
        } finally {
            String out = shell("config:property-set -p org.clientele.overview pinnedDate 2026-03-16");
            assertFalse(out, out.contains("Error"));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> http("viewer").get("/api/clients/" + id + "/overview").json().get("today").asText(),
                        "2026-03-16"::equals);
        assertEquals(SHIPPED_TABS, tabIds(id));
    }

    // ---- features come and go

    @Test
    public void z01UninstallingTheHistoryFeatureRemovesItsTabAtOnce() throws Exception {
        String id = newClient();
        await().atMost(Duration.ofSeconds(60)).until(() -> tabIds(id), ids -> ids.contains("history"));
        try {
            String out = shell("feature:uninstall clientele-history");
            assertFalse(out, out.contains("Error"));
            await("the history tab leaves").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> tabIds(id), ids -> !ids.contains("history"));
            assertEquals(404, http("viewer").get("/api/clients/" + id + "/tabs/history").status());
            assertEquals(SHIPPED_TABS.subList(0, 6), tabIds(id));
        } finally {
            String out = shell("feature:install clientele-history");
            assertFalse(out, out.contains("Error"));
        }
        await("the history tab is back").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> tabIds(id), SHIPPED_TABS::equals);
        JsonNode history = okTab(id, "history", "");
        JsonNode table = history.get("blocks").get(0);
        assertEquals("table", table.get("kind").asText());
        assertEquals(1, table.get("total").asInt());
        assertEquals("action", table.get("columns").get(4).get("id").asText());
        assertEquals("CREATED", table.get("rows").get(0).get(4).asText());
        assertEquals("Created", table.get("columns").get(4).get("labels").get("CREATED").asText());
        assertEquals("editor", table.get("rows").get(0).get(1).asText());
    }

    // ---- helpers

    /** A class of the container's API bundle. */
    private Class<?> api(String name) throws ClassNotFoundException {
        for (Bundle b : bundleContext.getBundles()) {
            if ("org.clientele.api".equals(b.getSymbolicName())) {
                return b.loadClass(name);
            }
        }
        throw new AssertionError("no org.clientele.api bundle");
    }

    /**
     * Registers a service of the SPI interface {@code type} (which has one method, render or
     * metrics) that answers every call with what {@code answer} returns or throws.
     */
    private ServiceRegistration<?> register(String type, Callable<Object> answer, Dictionary<String, Object> props)
            throws Exception {
        Class<?> spi = api(type);
        Object service = Proxy.newProxyInstance(spi.getClassLoader(), new Class<?>[] {spi}, (proxy, method, args) ->
            switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "test " + spi.getSimpleName() + " " + props;
                default -> answer.call();
            });
        ServiceRegistration<?> r = bundleContext.registerService(spi.getName(), service, props);
        registrations.add(r);
        return r;
    }

    /** {@code new TabContent(List.of(new Block.Text(null, text)))}. */
    private Object tabText(String text) throws Exception {
        Object block = api("org.clientele.api.tab.Block$Text").getConstructor(String.class, String.class)
                .newInstance(null, text);
        return api("org.clientele.api.tab.TabContent").getConstructor(List.class).newInstance(List.of(block));
    }

    /** {@code Metric.amount(id, label, new BigDecimal(value), currency)}. */
    private Object amount(String id, String label, String value, String currency) throws Exception {
        return api("org.clientele.api.overview.Metric")
                .getMethod("amount", String.class, String.class, BigDecimal.class, String.class)
                .invoke(null, id, label, new BigDecimal(value), currency);
    }

    private static Dictionary<String, Object> tab(String id, String title, int order, int ranking) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("clientele.tab.id", id);
        p.put("clientele.tab.title", title);
        p.put("clientele.tab.order", order);
        p.put(Constants.SERVICE_RANKING, ranking);
        return p;
    }

    private static Dictionary<String, Object> section(String id, String title, int order) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("clientele.section.id", id);
        p.put("clientele.section.title", title);
        p.put("clientele.section.order", order);
        return p;
    }

    /** What a hanging extension does: wait far longer than any budget (interruptibly). */
    private void awaitRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> tabIds(String clientId) {
        Http.Answer a = http("viewer").get("/api/clients/" + clientId + "/tabs");
        List<String> ids = new ArrayList<>();
        if (a.status() == 200) {
            a.json().forEach(t -> ids.add(t.get("id").asText()));
        }
        return ids;
    }

    private static String titleOf(String clientId, String tabId) {
        for (JsonNode t : http("viewer").get("/api/clients/" + clientId + "/tabs").json()) {
            if (t.get("id").asText().equals(tabId)) {
                return t.get("title").asText();
            }
        }
        return null;
    }

    private static JsonNode okTab(String clientId, String tabId, String query) {
        Http.Answer a = http("viewer").get("/api/clients/" + clientId + "/tabs/" + tabId + query);
        assertEquals(a.toString(), 200, a.status());
        assertEquals(tabId, a.json().get("id").asText());
        return a.json();
    }

    private static void assertPaging422(String clientId, String query, String field) {
        Http.Answer a = http("viewer").get("/api/clients/" + clientId + "/tabs/contact" + query);
        assertEquals(a.toString(), 422, a.status());
        assertEquals("application/problem+json", a.header("Content-Type"));
        List<String> fields = new ArrayList<>();
        a.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(a.toString(), List.of(field), fields);
    }

    private static Map<String, String> fields(JsonNode block) {
        Map<String, String> m = new LinkedHashMap<>();
        block.get("fields").forEach(f -> m.put(f.get("label").asText(), f.get("value").asText()));
        return m;
    }

    private static String newClient() {
        Map<String, Object> c = client("Tabbed " + unique() + " GmbH");
        c.put("email", "info@tabbed.example");
        return create(c);
    }

    private static String create(Map<String, Object> client) {
        Http.Answer a = http("editor").post("/api/clients", client);
        assertEquals(a.toString(), 201, a.status());
        return a.json().get("id").asText();
    }

    private static Map<String, Object> client(String legalName) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("legalName", legalName);
        c.put("address", Map.of("street", "Hauptstr. 5", "postalCode", "10115", "city", "Berlin", "country", "DE"));
        return c;
    }

    private static String unique() {
        return "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
