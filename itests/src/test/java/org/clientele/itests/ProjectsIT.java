package org.clientele.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;

import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Projects extension in our distribution, as a REST consumer and an operator use it:
 * projects, time entries and tasks over REST, the overview sections {@code projects} and
 * {@code tasks} on a pinned "today" (2026-03-16), the Projects tab, validation, ETags,
 * erasure with the client, and the feature coming and going.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ProjectsIT extends KarafTestSupport {
    static final String TODAY = "2026-03-16";

    @Inject
    protected BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        return new Option[] {ourDistribution(), common(),
            editConfigurationFilePut("etc/org.clientele.overview.cfg", "pinnedDate", TODAY)};
    }

    @Before
    public void projectsAreServed() {
        await("the API answers").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/tax-ids/DE136695976") == 200);
        // While services arrive after boot the API is rebuilt; a create then may fail with a
        // 500 before it reaches the resource (reported to the REST bundle), so the probe
        // client is created within the wait.
        String[] probe = new String[1];
        await("a client can be created").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Http.Answer a = http("editor").post("/api/clients",
                            ClientApiIT.client("Probe " + ClientApiIT.unique() + " GmbH"));
                    probe[0] = a.status() == 201 ? a.json().get("id").asText() : null;
                    return probe[0] != null;
                });
        await("the projects resources, tab and sections are served").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/clients/" + probe[0] + "/projects") == 200
                        && hasTab(probe[0]) && hasSections(probe[0]));
    }

    // ---- overview and tab at every boundary

    @Test
    public void a_overviewSectionsAndTabCountEveryBoundary() {
        String client = newClient("Boundary");
        String p1 = createProject(client, "Website-Relaunch", "ACTIVE");
        String p2 = createProject(client, "ERP-Migration", "ON_HOLD");
        createProject(client, "Audit", "DONE");
        book(p1, "2026-03-10", 7.5);
        book(p1, "2026-03-16", "0.25");
        book(p2, "2026-02-01", 24);

        createTask(client, "due yesterday", "2026-03-15", "OPEN", p1);
        createTask(client, "due today", "2026-03-16", "OPEN", null);
        createTask(client, "due today+7", "2026-03-23", "OPEN", null);
        createTask(client, "due today+8", "2026-03-24", "OPEN", p2);
        createTask(client, "no due date", null, "OPEN", null);
        createTask(client, "done and overdue", "2026-03-01", "DONE", p1);
        createTask(client, "done and due", "2026-03-16", "DONE", null);

        JsonNode overview = ok(http("viewer").get("/api/clients/" + client + "/overview"));
        assertEquals(TODAY, overview.get("today").asText());
        Map<String, JsonNode> sections = sections(overview);
        JsonNode projects = sections.get("projects");
        assertNotNull(overview.toString(), projects);
        assertEquals("OK", projects.get("status").asText());
        Map<String, JsonNode> pm = metrics(projects);
        assertEquals(List.of("count", "active", "hours"), new ArrayList<>(pm.keySet()));
        assertEquals(new BigDecimal("3"), pm.get("count").get("value").decimalValue().stripTrailingZeros());
        assertEquals("COUNT", pm.get("count").get("kind").asText());
        assertEquals(new BigDecimal("1"), pm.get("active").get("value").decimalValue().stripTrailingZeros());
        assertEquals(0, new BigDecimal("31.75").compareTo(pm.get("hours").get("value").decimalValue()));
        assertEquals("HOURS", pm.get("hours").get("kind").asText());
        assertEquals("h", pm.get("hours").get("unit").asText());

        JsonNode tasks = sections.get("tasks");
        assertNotNull(overview.toString(), tasks);
        assertEquals("OK", tasks.get("status").asText());
        Map<String, JsonNode> tm = metrics(tasks);
        assertEquals(List.of("overdue", "due", "upcoming"), new ArrayList<>(tm.keySet()));
        assertEquals(1, tm.get("overdue").get("value").asLong());
        assertEquals(2, tm.get("due").get("value").asLong());
        assertEquals(2, tm.get("upcoming").get("value").asLong());
        List<String> order = new ArrayList<>(sections.keySet());
        assertTrue(order.toString(), order.indexOf("projects") < order.indexOf("tasks"));

        JsonNode german = ok(http("viewer").get("/api/clients/" + client + "/overview?lang=de"));
        assertEquals("Projekte", sections(german).get("projects").get("title").asText());

        // the tab list and the tab
        JsonNode tabs = ok(http("viewer").get("/api/clients/" + client + "/tabs"));
        JsonNode tab = find(tabs, "projects");
        assertNotNull(tabs.toString(), tab);
        assertEquals("Projects", tab.get("title").asText());
        assertEquals(30, tab.get("order").asInt());
        assertEquals("Projekte", find(ok(http("viewer").get("/api/clients/" + client + "/tabs?lang=de")), "projects")
                .get("title").asText());

        JsonNode content = ok(http("viewer").get("/api/clients/" + client + "/tabs/projects?limit=2&offset=0"));
        JsonNode projectTable = content.get("blocks").get(0);
        assertEquals("table", projectTable.get("kind").asText());
        assertEquals(3, projectTable.get("total").asLong());
        assertEquals(2, projectTable.get("rows").size());
        assertEquals(List.of("name", "status", "hours", "openTasks"), ids(projectTable.get("columns")));
        // by name: Audit, ERP-Migration, (Website-Relaunch on the next page)
        JsonNode erp = projectTable.get("rows").get(1);
        assertEquals("ERP-Migration", erp.get(0).get("label").asText());
        assertEquals("/api/projects/" + p2, erp.get(0).get("href").asText());
        assertEquals("ON_HOLD", erp.get(1).asText());
        assertEquals("On hold", projectTable.get("columns").get(1).get("labels").get("ON_HOLD").asText());
        assertEquals("Pausiert", ok(http("viewer").get("/api/clients/" + client + "/tabs/projects?lang=de"))
                .get("blocks").get(0).get("columns").get(1).get("labels").get("ON_HOLD").asText());
        assertEquals("24.00", erp.get(2).asText());
        assertEquals(1, erp.get(3).asLong());
        JsonNode taskTable = content.get("blocks").get(1);
        assertEquals("table", taskTable.get("kind").asText());
        assertEquals(5, taskTable.get("total").asLong());
        assertEquals(2, taskTable.get("rows").size());
        assertEquals(List.of("title", "dueDate", "status", "project"), ids(taskTable.get("columns")));
        JsonNode first = taskTable.get("rows").get(0);
        assertEquals("due yesterday", first.get(0).asText());
        assertEquals("2026-03-15", first.get(1).asText());
        assertEquals("OPEN", first.get(2).asText());
        assertEquals("Website-Relaunch", first.get(3).asText());

        JsonNode page3 = ok(http("viewer").get("/api/clients/" + client + "/tabs/projects?limit=2&offset=4"));
        assertEquals(0, page3.get("blocks").get(0).get("rows").size());
        assertEquals("no due date", page3.get("blocks").get(1).get("rows").get(0).get(0).asText());
        assertTrue(page3.get("blocks").get(1).get("rows").get(0).get(1).isNull());

        // the REST lists
        Http.Answer list = http("viewer").get("/api/clients/" + client + "/projects?limit=2");
        JsonNode body = ok(list);
        assertEquals(3, body.get("total").asLong());
        assertEquals(2, body.get("items").size());
        assertNotNull(list.header("Link"));
        assertTrue(list.header("Link"), list.header("Link").contains("rel=\"next\""));
        JsonNode web = ok(http("viewer").get("/api/projects/" + p1));
        assertEquals("7.75", web.get("hours").asText());
        assertEquals(1, web.get("openTasks").asLong());
        assertEquals(client, web.get("clientId").asText());
        JsonNode entries = ok(http("viewer").get("/api/projects/" + p1 + "/time-entries?limit=1"));
        assertEquals(2, entries.get("total").asLong());
        assertEquals("2026-03-16", entries.get("items").get(0).get("date").asText());
        assertEquals("0.25", entries.get("items").get(0).get("hours").asText());
        assertEquals("editor", entries.get("items").get(0).get("user").asText());
        JsonNode open = ok(http("viewer").get("/api/clients/" + client + "/tasks?status=OPEN"));
        assertEquals(5, open.get("total").asLong());
        assertEquals(7, ok(http("viewer").get("/api/clients/" + client + "/tasks")).get("total").asLong());
    }

    // ---- bad input

    @Test
    public void b_badInputIs422NamingTheField() {
        String client = newClient("Validation");
        String other = newClient("Other");
        String foreign = createProject(other, "Foreign project", "ACTIVE");
        String p = createProject(client, "Mine", "ACTIVE");

        assertEquals("REQUIRED", error(http("editor").post("/api/clients/" + client + "/projects", Map.of()), "name"));
        assertEquals("TOO_LONG", error(http("editor").post("/api/clients/" + client + "/projects",
                Map.of("name", "x".repeat(201))), "name"));
        assertEquals("INVALID", error(http("editor").post("/api/clients/" + client + "/projects",
                Map.of("name", "A", "status", "RUNNING")), "status"));
        assertEquals("INVALID", error(book(p, "2026-03-16", 24.5, 422), "hours"));
        assertEquals("INVALID", error(book(p, "2026-03-16", 0, 422), "hours"));
        assertEquals("INVALID", error(book(p, "16.03.2026", 1, 422), "date"));
        assertEquals("REQUIRED", error(http("editor").post("/api/clients/" + client + "/tasks", Map.of("dueDate", TODAY)),
                "title"));
        assertEquals("INVALID", error(http("editor").post("/api/clients/" + client + "/tasks",
                Map.of("title", "t", "dueDate", "2026-02-30")), "dueDate"));
        assertEquals("INVALID", error(http("editor").post("/api/clients/" + client + "/tasks",
                Map.of("title", "t", "projectId", foreign)), "projectId"));
        assertEquals("INVALID", error(http("viewer").get("/api/clients/" + client + "/projects?limit=0"), "limit"));
        // nothing of that was stored
        assertEquals(1, ok(http("viewer").get("/api/clients/" + client + "/projects")).get("total").asLong());
        assertEquals(0, ok(http("viewer").get("/api/clients/" + client + "/tasks")).get("total").asLong());
        assertEquals(0, ok(http("viewer").get("/api/projects/" + p + "/time-entries")).get("total").asLong());

        // unknown client, project, task
        Http.Answer unknown = http("viewer").get("/api/clients/no-such-client/projects");
        assertEquals(unknown.toString(), 404, unknown.status());
        assertEquals("application/problem+json", unknown.header("Content-Type"));
        assertTrue(unknown.json().get("detail").asText().contains("no-such-client"));
        assertEquals(404, http("editor").post("/api/clients/no-such-client/projects", Map.of("name", "A")).status());
        assertEquals(404, http("viewer").get("/api/clients/no-such-client/tasks").status());
        assertEquals(404, http("editor").post("/api/clients/no-such-client/tasks", Map.of("title", "t")).status());
        assertEquals(404, http("viewer").get("/api/projects/999999999").status());
        assertEquals(404, http("viewer").get("/api/projects/not-a-project").status());
        assertEquals(404, http("viewer").get("/api/tasks/999999999").status());

        // roles
        assertEquals(403, http("viewer").post("/api/clients/" + client + "/projects", Map.of("name", "A")).status());
        assertEquals(401, http(null).get("/api/clients/" + client + "/projects").status());
    }

    // ---- ETags

    @Test
    public void c_putAndDeleteNeedTheCurrentEtag() {
        String client = newClient("Etag");
        String p = createProject(client, "Versioned", "ACTIVE");
        Http.Answer read = http("viewer").get("/api/projects/" + p);
        String etag = read.header("ETag");
        assertNotNull(etag);
        assertTrue(etag, etag.matches("\"\\d+\""));
        assertEquals(304, http("viewer").get("/api/projects/" + p, "If-None-Match", etag).status());

        Map<String, Object> change = Map.of("name", "Versioned 2", "status", "ON_HOLD");
        assertEquals(428, http("editor").put("/api/projects/" + p, change).status());
        Http.Answer stale = http("editor").put("/api/projects/" + p, change, "If-Match", "\"999\"");
        assertEquals(stale.toString(), 412, stale.status());
        assertEquals(etag, stale.json().get("currentEtag").asText());
        Http.Answer put = http("editor").put("/api/projects/" + p, change, "If-Match", etag);
        assertEquals(put.toString(), 200, put.status());
        assertNotEquals(etag, put.header("ETag"));
        assertEquals("ON_HOLD", put.json().get("status").asText());
        assertEquals(412, http("editor").put("/api/projects/" + p, change, "If-Match", etag).status());
        assertEquals("INVALID", error(http("editor").put("/api/projects/" + p, Map.of("name", "x", "status", "?"),
                "If-Match", put.header("ETag")), "status"));

        // tasks alike; deleting the project keeps its task, outside any project
        String t = createTask(client, "in project", TODAY, "OPEN", p);
        String taskTag = http("viewer").get("/api/tasks/" + t).header("ETag");
        Map<String, Object> done = new HashMap<>(Map.of("title", "in project", "status", "DONE", "projectId", p));
        assertEquals(428, http("editor").put("/api/tasks/" + t, done).status());
        assertEquals(412, http("editor").put("/api/tasks/" + t, done, "If-Match", "\"999\"").status());
        Http.Answer taskPut = http("editor").put("/api/tasks/" + t, done, "If-Match", taskTag);
        assertEquals(taskPut.toString(), 200, taskPut.status());
        assertEquals("DONE", taskPut.json().get("status").asText());

        // a time entry booked by mistake is read at its Location and deleted with its ETag
        Http.Answer wrong = book(p, TODAY, 8, 201);
        String entry = wrong.header("Location").substring(wrong.header("Location").indexOf("/api/"));
        Http.Answer readEntry = http("viewer").get(entry);
        assertEquals(readEntry.toString(), 200, readEntry.status());
        assertEquals("8.00", readEntry.json().get("hours").asText());
        assertEquals(428, http("editor").delete(entry).status());
        assertEquals(204, http("editor").delete(entry, "If-Match", readEntry.header("ETag")).status());
        assertEquals(404, http("viewer").get(entry).status());
        book(p, TODAY, 3);
        assertEquals("3.00", ok(http("viewer").get("/api/projects/" + p)).get("hours").asText());
        assertEquals(428, http("editor").delete("/api/projects/" + p).status());
        assertEquals(412, http("editor").delete("/api/projects/" + p, "If-Match", etag).status());
        assertEquals(204, http("editor").delete("/api/projects/" + p, "If-Match", put.header("ETag")).status());
        assertEquals(404, http("viewer").get("/api/projects/" + p).status());
        assertEquals(404, http("viewer").get("/api/projects/" + p + "/time-entries").status());
        JsonNode detached = ok(http("viewer").get("/api/tasks/" + t));
        assertTrue(detached.toString(), detached.get("projectId").isNull());
        JsonNode overview = ok(http("viewer").get("/api/clients/" + client + "/overview"));
        assertEquals(0, new BigDecimal("0").compareTo(metrics(sections(overview).get("projects")).get("hours")
                .get("value").decimalValue()));

        String taskTag2 = http("viewer").get("/api/tasks/" + t).header("ETag");
        assertEquals(428, http("editor").delete("/api/tasks/" + t).status());
        assertEquals(204, http("editor").delete("/api/tasks/" + t, "If-Match", taskTag2).status());
        assertEquals(404, http("viewer").get("/api/tasks/" + t).status());
    }

    // ---- erasure

    @Test
    public void d_erasingTheClientErasesItsProjectsAndTasks() {
        String client = newClient("Erasable");
        String p = createProject(client, "Doomed", "ACTIVE");
        book(p, TODAY, 2);
        String t = createTask(client, "doomed task", TODAY, "OPEN", p);
        String loose = createTask(client, "loose task", null, "OPEN", null);
        String survivor = newClient("Survivor");
        String kept = createProject(survivor, "Kept", "ACTIVE");

        Http.Answer erase = http("boss").delete("/api/clients/" + client, "If-Match", "\"1\"");
        assertEquals(erase.toString(), 204, erase.status());
        assertEquals(404, http("viewer").get("/api/projects/" + p).status());
        assertEquals(404, http("viewer").get("/api/tasks/" + t).status());
        assertEquals(404, http("viewer").get("/api/tasks/" + loose).status());
        assertEquals(404, http("viewer").get("/api/clients/" + client + "/projects").status());
        assertEquals(200, http("viewer").get("/api/projects/" + kept).status());
    }

    /**
     * The erase and a transaction creating records of the client, in the container's JTA
     * transactions on Derby: while a transaction holds the client (as the extensions do before
     * they create a project, an order, a file), an erase waits; when it has committed, the
     * erase goes ahead, and a later hold finds no client.
     */
    @Test
    public void d2_anEraseWaitsForATransactionThatHoldsTheClient() throws Exception {
        String client = newClient("Held");
        TransactionManager tm = service(TransactionManager.class, null);
        Object hold = service(Object.class, "(objectClass=org.clientele.api.spi.ClientHold)");
        Method holdMethod = hold.getClass().getMethod("hold", String.class);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = threads.submit(() -> {
                tm.begin();
                try {
                    holdMethod.invoke(hold, client);
                    held.countDown();
                    assertTrue(release.await(60, TimeUnit.SECONDS));
                } finally {
                    tm.commit();
                }
                return null;
            });
            assertTrue(held.await(60, TimeUnit.SECONDS));
            Future<Http.Answer> erase = threads.submit(
                    () -> http("boss").delete("/api/clients/" + client, "If-Match", "\"1\""));
            await("the erase waits for the holder's lock").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50)).until(() -> waitingLocks() > 0);
            assertFalse(erase.isDone());
            release.countDown();
            holder.get(60, TimeUnit.SECONDS);
            Http.Answer erased = erase.get(60, TimeUnit.SECONDS);
            assertEquals(erased.toString(), 204, erased.status());

            tm.begin();
            try {
                holdMethod.invoke(hold, client);
                fail("a hold of an erased client must fail");
            } catch (InvocationTargetException e) {
                assertEquals("org.clientele.api.NotFoundException", e.getCause().getClass().getName());
            } finally {
                tm.rollback();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Lock requests waiting in the clientele database (Derby's lock table), read over JDBC. */
    private long waitingLocks() throws Exception {
        DataSource ds = service(DataSource.class, "(osgi.jndi.service.name=clientele)");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T service(Class<T> type, String filter) throws Exception {
        ServiceReference<?>[] refs = bundleContext.getServiceReferences(filter == null ? type.getName() : null, filter);
        assertNotNull(type + " " + filter, refs);
        return (T) bundleContext.getService(refs[0]);
    }

    // ---- the feature comes and goes

    @Test
    public void e_uninstallingTheFeatureRemovesResourcesTabAndSections() throws Exception {
        String client = newClient("Modular");
        String p = createProject(client, "Survives reinstall", "ACTIVE");
        createTask(client, "still there", TODAY, "OPEN", p);

        String out = shell("feature:uninstall clientele-projects");
        assertFalse(out, out.contains("Error"));
        await("the projects resources are gone").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/clients/" + client + "/projects") == 404);
        await("the tab and the sections are gone").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !hasTab(client) && hasNoSections(client));
        assertEquals(404, http("viewer").get("/api/projects/" + p).status());
        assertEquals(404, http("viewer").get("/api/clients/" + client + "/tabs/projects").status());
        assertEquals(null, find(ok(http("viewer").get("/api/clients/" + client + "/tabs")), "projects"));
        // the rest keeps working
        assertEquals(200, http("viewer").get("/api/clients/" + client).status());
        assertEquals(200, http("viewer").get("/api/clients/" + client + "/overview").status());

        out = shell("feature:install clientele-projects");
        assertFalse(out, out.contains("Error"));
        await("the projects resources are back").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/clients/" + client + "/projects") == 200);
        await("the tab and the sections are back").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> hasTab(client) && hasSections(client));
        JsonNode list = ok(http("viewer").get("/api/clients/" + client + "/projects"));
        assertEquals(1, list.get("total").asLong());
        assertEquals("Survives reinstall", list.get("items").get(0).get("name").asText());
        Map<String, JsonNode> tm = metrics(sections(ok(http("viewer").get("/api/clients/" + client + "/overview")))
                .get("tasks"));
        assertEquals(1, tm.get("due").get("value").asLong());
    }

    // ---- helpers

    private static boolean hasTab(String client) {
        Http.Answer a = http("viewer").get("/api/clients/" + client + "/tabs");
        return a.status() == 200 && find(a.json(), "projects") != null;
    }

    /** The ids of the client's overview sections, or null while the overview does not answer. */
    private static java.util.Set<String> sectionIds(String client) {
        Http.Answer a = http("viewer").get("/api/clients/" + client + "/overview");
        return a.status() == 200 ? sections(a.json()).keySet() : null;
    }

    private static boolean hasSections(String client) {
        java.util.Set<String> ids = sectionIds(client);
        return ids != null && ids.contains("projects") && ids.contains("tasks");
    }

    private static boolean hasNoSections(String client) {
        java.util.Set<String> ids = sectionIds(client);
        return ids != null && !ids.contains("projects") && !ids.contains("tasks");
    }

    private static String newClient(String prefix) {
        Http.Answer a = http("editor").post("/api/clients", ClientApiIT.client(prefix + " " + ClientApiIT.unique() + " GmbH"));
        assertEquals(a.toString(), 201, a.status());
        return a.json().get("id").asText();
    }

    private static String createProject(String client, String name, String status) {
        Http.Answer a = http("editor").post("/api/clients/" + client + "/projects", Map.of("name", name, "status", status));
        assertEquals(a.toString(), 201, a.status());
        String id = a.json().get("id").asText();
        assertTrue(a.header("Location"), a.header("Location").endsWith("/api/projects/" + id));
        assertNotNull(a.header("ETag"));
        assertEquals("0.00", a.json().get("hours").asText());
        return id;
    }

    private static void book(String project, String date, Object hours) {
        Http.Answer a = book(project, date, hours, 201);
        assertEquals(new BigDecimal(hours.toString()).setScale(2).toPlainString(), a.json().get("hours").asText());
    }

    private static Http.Answer book(String project, String date, Object hours, int expected) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("date", date);
        entry.put("hours", hours);
        entry.put("note", "Workshop");
        Http.Answer a = http("editor").post("/api/projects/" + project + "/time-entries", entry);
        assertEquals(a.toString(), expected, a.status());
        return a;
    }

    private static String createTask(String client, String title, String due, String status, String project) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("title", title);
        task.put("dueDate", due);
        task.put("status", status);
        task.put("projectId", project);
        Http.Answer a = http("editor").post("/api/clients/" + client + "/tasks", task);
        assertEquals(a.toString(), 201, a.status());
        assertEquals(due == null ? null : due, a.json().get("dueDate").isNull() ? null : a.json().get("dueDate").asText());
        return a.json().get("id").asText();
    }

    private static JsonNode ok(Http.Answer a) {
        assertEquals(a.toString(), 200, a.status());
        return a.json();
    }

    /** The code of the one error for {@code field} in a 422 problem. */
    private static String error(Http.Answer a, String field) {
        assertEquals(a.toString(), 422, a.status());
        assertEquals("application/problem+json", a.header("Content-Type"));
        for (JsonNode e : a.json().get("errors")) {
            if (field.equals(e.get("field").asText())) {
                assertFalse(e.get("message").asText().isBlank());
                return e.get("code").asText();
            }
        }
        throw new AssertionError("no error for " + field + ": " + a);
    }

    private static Map<String, JsonNode> sections(JsonNode overview) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        overview.get("sections").forEach(s -> m.put(s.get("id").asText(), s));
        return m;
    }

    private static Map<String, JsonNode> metrics(JsonNode section) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        section.get("metrics").forEach(x -> m.put(x.get("id").asText(), x));
        return m;
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (id.equals(n.get("id").asText())) {
                return n;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
