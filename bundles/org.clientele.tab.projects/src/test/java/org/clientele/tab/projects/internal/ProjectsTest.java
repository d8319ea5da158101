package org.clientele.tab.projects.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.clientele.api.FieldError;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.ValidationException;
import org.clientele.api.VersionConflictException;
import org.clientele.api.overview.Metric;
import org.clientele.api.overview.OverviewRequest;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.clientele.tab.projects.internal.Drafts.ProjectDraft;
import org.clientele.tab.projects.internal.Drafts.ProjectStatus;
import org.clientele.tab.projects.internal.Drafts.TaskDraft;
import org.clientele.tab.projects.internal.Drafts.TaskStatus;
import org.clientele.tab.projects.internal.Drafts.TimeEntryDraft;
import org.clientele.tab.projects.internal.Projects.ProjectTotals;
import org.clientele.tab.projects.internal.Projects.TaskBuckets;
import org.clientele.tab.projects.internal.Views.ProjectView;
import org.clientele.tab.projects.internal.Views.TaskView;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The store and its aggregates on a real (embedded) Derby through the real unit. */
public class ProjectsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

    private TestDatabase db;
    private Projects projects;
    private final AtomicLong clock = new AtomicLong(1_780_000_000_000L);
    /** The clients held, one entry per creating transaction; a client named here is refused. */
    private final List<String> held = new ArrayList<>();
    private String gone;

    @Before
    public void open() {
        db = new TestDatabase();
        projects = new Projects(db.template(), clientId -> {
            if (clientId.equals(gone)) {
                throw new NotFoundException("client", clientId);
            }
            held.add(clientId);
        }, clock::incrementAndGet);
    }

    @After
    public void close() {
        db.close();
    }

    private ProjectView project(String client, String name, ProjectStatus status) {
        return projects.createProject(client, new ProjectDraft(name, status));
    }

    private TaskView task(String client, String title, LocalDate due, TaskStatus status) {
        return projects.createTask(client, new TaskDraft(title, due, status, null));
    }

    private void book(ProjectView p, String hours) {
        projects.addTimeEntry(p.id(), new TimeEntryDraft(TODAY.minusDays(3), new BigDecimal(hours), null), "anna");
    }

    @Test
    public void taskBucketsAtEveryBoundary() {
        task("c1", "due yesterday", TODAY.minusDays(1), TaskStatus.OPEN);
        task("c1", "long overdue", TODAY.minusDays(100), TaskStatus.OPEN);
        task("c1", "due today", TODAY, TaskStatus.OPEN);
        task("c1", "due in 7 days", TODAY.plusDays(7), TaskStatus.OPEN);
        task("c1", "due in 3 days", TODAY.plusDays(3), TaskStatus.OPEN);
        task("c1", "due in 8 days", TODAY.plusDays(8), TaskStatus.OPEN);
        task("c1", "no due date", null, TaskStatus.OPEN);
        // DONE tasks count nowhere, whatever their date
        task("c1", "done, overdue", TODAY.minusDays(1), TaskStatus.DONE);
        task("c1", "done, due", TODAY, TaskStatus.DONE);
        task("c1", "done, later", TODAY.plusDays(8), TaskStatus.DONE);
        task("c1", "done, undated", null, TaskStatus.DONE);
        // another client's tasks count nowhere either
        task("c2", "other client", TODAY, TaskStatus.OPEN);

        assertEquals(new TaskBuckets(2, 3, 2), projects.taskBuckets("c1", TODAY));
        // a day later "due today" and "due yesterday"'s neighbours move
        assertEquals(new TaskBuckets(3, 3, 1), projects.taskBuckets("c1", TODAY.plusDays(1)));
        assertEquals(new TaskBuckets(0, 1, 0), projects.taskBuckets("c2", TODAY));
        assertEquals(new TaskBuckets(0, 0, 0), projects.taskBuckets("nobody", TODAY));
    }

    @Test
    public void projectTotalsCountActiveAndSumHours() {
        ProjectView a = project("c1", "Website-Relaunch", ProjectStatus.ACTIVE);
        ProjectView b = project("c1", "ERP-Migration", ProjectStatus.ON_HOLD);
        project("c1", "Audit", ProjectStatus.DONE);
        ProjectView other = project("c2", "Other", ProjectStatus.ACTIVE);
        book(a, "7.50");
        book(a, "0.25");
        book(b, "24");
        book(other, "3");

        ProjectTotals totals = projects.projectTotals("c1");
        assertEquals(3, totals.count());
        assertEquals(1, totals.active());
        assertEquals(new BigDecimal("31.75"), totals.hours());
        assertEquals(new ProjectTotals(0, 0, new BigDecimal("0.00")), projects.projectTotals("nobody"));

        Page<ProjectView> page = projects.projects("c1", 2, 0);
        assertEquals(3, page.total());
        assertEquals(List.of("Audit", "ERP-Migration"), page.items().stream().map(ProjectView::name).toList());
        assertEquals("0.00", page.items().get(0).hours());
        assertEquals("24.00", page.items().get(1).hours());
        assertEquals("7.75", projects.project(a.id()).hours());
    }

    @Test
    public void sectionsReportTheAggregates() {
        ProjectView a = project("c1", "Website-Relaunch", ProjectStatus.ACTIVE);
        book(a, "1.5");
        task("c1", "t", TODAY.minusDays(1), TaskStatus.OPEN);
        OverviewRequest request = new OverviewRequest("c1", TODAY, java.util.Locale.GERMAN);
        List<Metric> p = new ProjectsSection(projects).metrics(request);
        assertEquals(List.of("count", "active", "hours"), p.stream().map(Metric::id).toList());
        assertEquals(new BigDecimal("1.50"), p.get(2).value());
        assertEquals("h", p.get(2).unit());
        assertEquals(Metric.Kind.HOURS, p.get(2).kind());
        assertEquals("Projekte", p.get(0).label());
        List<Metric> t = new TasksSection(projects).metrics(request);
        assertEquals(List.of("overdue", "due", "upcoming"), t.stream().map(Metric::id).toList());
        assertEquals(List.of(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO), t.stream().map(Metric::value).toList());
    }

    @Test
    public void deletingAProjectDeletesItsEntriesAndDetachesItsTasks() {
        ProjectView a = project("c1", "A", ProjectStatus.ACTIVE);
        ProjectView b = project("c1", "B", ProjectStatus.ACTIVE);
        book(a, "2");
        book(b, "3");
        TaskView t = projects.createTask("c1", new TaskDraft("in A", TODAY, TaskStatus.OPEN, Long.valueOf(a.id())));
        assertEquals(1, projects.project(a.id()).openTasks());

        projects.deleteProject(a.id(), a.version());

        assertNotFound(() -> projects.project(a.id()));
        TaskView detached = projects.task(t.id());
        assertNull(detached.projectId());
        assertTrue(detached.version() > t.version());
        assertEquals(new BigDecimal("3.00"), projects.projectTotals("c1").hours());
        assertEquals(new TaskBuckets(0, 1, 0), projects.taskBuckets("c1", TODAY));
    }

    @Test
    public void aClientWithOnlyATaskOrOnlyAProjectHoldsRecords() {
        ProjectsErasure erasure = new ProjectsErasure(projects);
        assertFalse(erasure.holdsRecords("c3"));
        task("c3", "t", null, TaskStatus.OPEN);
        assertTrue(erasure.holdsRecords("c3"));
        project("c4", "P", ProjectStatus.DONE);
        assertTrue(erasure.holdsRecords("c4"));
        assertFalse(erasure.holdsRecords("c5"));
    }

    @Test
    public void eraseRemovesEverythingOfOneClientOnly() {
        ProjectView a = project("c1", "A", ProjectStatus.ACTIVE);
        book(a, "2");
        TaskView t = task("c1", "t", TODAY, TaskStatus.OPEN);
        ProjectView other = project("c2", "B", ProjectStatus.ACTIVE);
        book(other, "5");
        task("c2", "t2", null, TaskStatus.OPEN);

        ProjectsErasure erasure = new ProjectsErasure(projects);
        assertTrue(erasure.holdsRecords("c1"));
        erasure.erase("c1");
        assertFalse(erasure.holdsRecords("c1"));
        assertTrue(erasure.holdsRecords("c2"));

        assertNotFound(() -> projects.project(a.id()));
        assertNotFound(() -> projects.task(t.id()));
        assertEquals(new ProjectTotals(0, 0, new BigDecimal("0.00")), projects.projectTotals("c1"));
        assertEquals(new TaskBuckets(0, 0, 0), projects.taskBuckets("c1", TODAY));
        long entries = db.template().txExpr(em -> em.createQuery(
                "SELECT COUNT(e) FROM PrjTimeEntry e WHERE e.clientId = 'c1'", Long.class).getSingleResult());
        assertEquals(0, entries);
        assertEquals(new ProjectTotals(1, 1, new BigDecimal("5.00")), projects.projectTotals("c2"));
        assertEquals(new TaskBuckets(0, 0, 1), projects.taskBuckets("c2", TODAY));
    }

    @Test
    public void versionsAreChecked() {
        ProjectView a = project("c1", "A", ProjectStatus.ACTIVE);
        ProjectView changed = projects.updateProject(a.id(), a.version(), new ProjectDraft("A2", ProjectStatus.DONE));
        assertEquals(a.version() + 1, changed.version());
        assertEquals("A2", projects.project(a.id()).name());
        try {
            projects.updateProject(a.id(), a.version(), new ProjectDraft("A3", ProjectStatus.DONE));
            fail("a stale version must be refused");
        } catch (VersionConflictException e) {
            assertEquals(changed.version(), e.currentVersion());
        }
        try {
            projects.deleteProject(a.id(), a.version());
            fail("a stale version must be refused");
        } catch (VersionConflictException expected) {
            // the project stays
        }
        assertEquals("A2", projects.project(a.id()).name());
        projects.deleteProject(a.id(), Projects.ANY_VERSION);
        assertNotFound(() -> projects.project(a.id()));
    }

    @Test
    public void aTaskMayOnlyJoinAProjectOfItsClient() {
        ProjectView foreign = project("c2", "B", ProjectStatus.ACTIVE);
        Long pk = Long.valueOf(foreign.id());
        FieldError error = projects.projectFieldError("c1", pk);
        assertEquals("projectId", error.field());
        assertNull(projects.projectFieldError("c2", pk));
        try {
            projects.createTask("c1", new TaskDraft("t", null, TaskStatus.OPEN, pk));
            fail("a project of another client must be refused");
        } catch (ValidationException e) {
            assertEquals("projectId", e.errors().get(0).field());
        }
        assertEquals(0, projects.tasks("c1", null, 50, 0).total());
    }

    @Test
    public void unknownIdsAreNotFound() {
        assertNotFound(() -> projects.project("12345"));
        assertNotFound(() -> projects.project("not-a-number"));
        assertNotFound(() -> projects.task("99"));
        assertNotFound(() -> projects.addTimeEntry("77", new TimeEntryDraft(TODAY, BigDecimal.ONE, null), "u"));
    }

    @Test
    public void tabShowsPagedProjectsAndOpenTasksWithTotals() {
        ProjectView a = project("c1", "Alpha", ProjectStatus.ACTIVE);
        project("c1", "Beta", ProjectStatus.ON_HOLD);
        project("c1", "Gamma", ProjectStatus.DONE);
        book(a, "4.5");
        projects.createTask("c1", new TaskDraft("first", TODAY.minusDays(2), TaskStatus.OPEN, Long.valueOf(a.id())));
        task("c1", "second", TODAY.plusDays(1), TaskStatus.OPEN);
        task("c1", "undated", null, TaskStatus.OPEN);
        task("c1", "done", TODAY, TaskStatus.DONE);

        TabContent content = new ProjectsTab(projects).render(new TabRequest("c1", 2, 0, TODAY, java.util.Locale.ENGLISH));
        Block.Table projectsTable = (Block.Table) content.blocks().get(0);
        assertEquals(3, projectsTable.total());
        assertEquals(2, projectsTable.rows().size());
        assertEquals(new Block.Link("Alpha", "/api/projects/" + a.id()), projectsTable.rows().get(0).get(0));
        assertEquals(List.of("ACTIVE", "4.50", 1L), projectsTable.rows().get(0).subList(1, 4));
        Block.Table tasksTable = (Block.Table) content.blocks().get(1);
        assertEquals(3, tasksTable.total());
        assertEquals(List.of("first", TODAY.minusDays(2), "OPEN", "Alpha"), tasksTable.rows().get(0));
        assertEquals(List.of("second", TODAY.plusDays(1), "OPEN"), tasksTable.rows().get(1).subList(0, 3));
        assertNull(tasksTable.rows().get(1).get(3));

        TabContent second = new ProjectsTab(projects).render(new TabRequest("c1", 2, 2, TODAY, java.util.Locale.ENGLISH));
        Block.Table tasksPage2 = (Block.Table) second.blocks().get(1);
        assertEquals(1, tasksPage2.rows().size());
        assertEquals("undated", tasksPage2.rows().get(0).get(0));
        assertNull(tasksPage2.rows().get(0).get(1));
    }

    @Test
    public void demoDataFillsEveryTaskBucket() {
        for (int seed = 0; seed < 20; seed++) {
            String client = "demo" + seed;
            new ProjectsDemoData(projects).populate(client, new Random(seed), TODAY, "demo");
            ProjectTotals totals = projects.projectTotals(client);
            assertTrue(totals.count() >= 2 && totals.count() <= 4);
            assertTrue(totals.active() >= 1);
            assertTrue(totals.hours().signum() > 0);
            TaskBuckets b = projects.taskBuckets(client, TODAY);
            assertTrue(b.toString(), b.overdue() > 0 && b.due() > 0 && b.upcoming() > 0);
            long tasks = projects.tasks(client, null, 500, 0).total();
            assertTrue(tasks >= 4 && tasks <= 10);
        }
    }

    @Test
    public void timeEntriesArePagedLatestFirst() {
        ProjectView a = project("c1", "A", ProjectStatus.ACTIVE);
        for (int i = 0; i < 5; i++) {
            projects.addTimeEntry(a.id(), new TimeEntryDraft(TODAY.minusDays(i), new BigDecimal("1.25"), "n" + i), "anna");
        }
        var page = projects.timeEntries(a.id(), 2, 1);
        assertEquals(5, page.total());
        assertEquals(List.of(TODAY.minusDays(1).toString(), TODAY.minusDays(2).toString()),
                page.items().stream().map(Views.TimeEntryView::date).toList());
        assertEquals("1.25", page.items().get(0).hours());
        assertEquals("anna", page.items().get(0).user());
    }

    @Test
    public void aTimeEntryIsReadAndDeletedWithinItsProject() {
        ProjectView a = project("c1", "A", ProjectStatus.ACTIVE);
        ProjectView b = project("c1", "B", ProjectStatus.ACTIVE);
        Views.TimeEntryView e = projects.addTimeEntry(a.id(), new TimeEntryDraft(TODAY, new BigDecimal("2.00"), "x"), "anna");
        book(a, "1");
        assertEquals("2.00", projects.timeEntry(a.id(), e.id()).hours());
        assertNotFound(() -> projects.timeEntry(b.id(), e.id()));
        try {
            projects.deleteTimeEntry(a.id(), e.id(), e.version() + 1);
            fail("a stale version must be refused");
        } catch (VersionConflictException expected) {
            // kept
        }
        projects.deleteTimeEntry(a.id(), e.id(), e.version());
        assertNotFound(() -> projects.timeEntry(a.id(), e.id()));
        assertEquals(new BigDecimal("1.00"), projects.projectTotals("c1").hours());
    }

    @Test
    public void everyCreateHoldsItsClientFirstAndARefusedHoldWritesNothing() {
        ProjectView p = project("c-hold", "Gehalten", ProjectStatus.ACTIVE);
        task("c-hold", "Anrufen", null, TaskStatus.OPEN);
        book(p, "2.5");
        assertEquals(List.of("c-hold", "c-hold", "c-hold"), held);

        gone = "c-hold";
        assertNotFound(() -> project("c-hold", "Verwaist", ProjectStatus.ACTIVE));
        assertNotFound(() -> task("c-hold", "Verwaist", null, TaskStatus.OPEN));
        assertNotFound(() -> book(p, "1"));
        assertEquals(1, projects.projects("c-hold", 50, 0).total());
        assertEquals(1, projects.tasks("c-hold", null, 50, 0).total());
        assertEquals(1, projects.timeEntries(p.id(), 50, 0).total());
        assertEquals(new BigDecimal("2.50"), projects.projectTotals("c-hold").hours());
    }

    private static void assertNotFound(Runnable r) {
        try {
            r.run();
            fail("expected 404");
        } catch (NotFoundException expected) {
            // as it should be
        }
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
