package org.clientele.tab.projects.internal;

import static org.clientele.tab.projects.internal.ProjectsTest.body;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.clientele.api.ValidationException;
import org.clientele.tab.projects.internal.Drafts.ProjectStatus;
import org.clientele.tab.projects.internal.Drafts.TaskStatus;
import org.junit.Test;

/** One field error per bad field, with the field's name. */
public class InputsTest {

    @Test
    public void projectNameIsRequiredAndBounded() {
        assertEquals(Map.of("name", "REQUIRED"), errors(() -> Inputs.project(body())));
        assertEquals(Map.of("name", "REQUIRED"), errors(() -> Inputs.project(body("name", "  "))));
        assertEquals(Map.of("name", "TOO_LONG"), errors(() -> Inputs.project(body("name", "x".repeat(201)))));
        assertEquals("x".repeat(200), Inputs.project(body("name", "x".repeat(200))).name());
        assertEquals(Map.of("name", "REQUIRED", "status", "INVALID", "colour", "UNKNOWN_FIELD"),
                errors(() -> Inputs.project(body("status", "RUNNING", "colour", "red"))));
        assertEquals(ProjectStatus.ACTIVE, Inputs.project(body("name", "A")).status());
        assertEquals(ProjectStatus.ON_HOLD, Inputs.project(body("name", "A", "status", "on_hold", "id", "7")).status());
    }

    @Test
    public void hoursMustBeAboveZeroAndAtMost24() {
        assertEquals(Map.of("hours", "INVALID"), errors(() -> Inputs.timeEntry(body("date", "2026-03-16", "hours", 0))));
        assertEquals(Map.of("hours", "INVALID"), errors(() -> Inputs.timeEntry(body("date", "2026-03-16", "hours", -1))));
        assertEquals(Map.of("hours", "INVALID"), errors(() -> Inputs.timeEntry(body("date", "2026-03-16", "hours", 24.01))));
        assertEquals(Map.of("hours", "INVALID"), errors(() -> Inputs.timeEntry(body("date", "2026-03-16", "hours", "1.125"))));
        assertEquals(Map.of("hours", "INVALID"), errors(() -> Inputs.timeEntry(body("date", "2026-03-16", "hours", "eight"))));
        assertEquals(new BigDecimal("24.00"), Inputs.timeEntry(body("date", "2026-03-16", "hours", 24)).hours());
        assertEquals(new BigDecimal("0.01"), Inputs.timeEntry(body("date", "2026-03-16", "hours", "0.01")).hours());
        assertEquals(new BigDecimal("7.50"), Inputs.timeEntry(body("date", "2026-03-16", "hours", 7.5)).hours());
    }

    @Test
    public void datesAreStrictIso() {
        assertEquals(Map.of("date", "REQUIRED", "hours", "REQUIRED"), errors(() -> Inputs.timeEntry(body())));
        assertEquals(Map.of("date", "INVALID"), errors(() -> Inputs.timeEntry(body("date", "16.03.2026", "hours", 1))));
        assertEquals(Map.of("date", "INVALID"), errors(() -> Inputs.timeEntry(body("date", "2026-02-30", "hours", 1))));
        assertEquals(Map.of("dueDate", "INVALID"), errors(() -> Inputs.task(body("title", "t", "dueDate", "2026-3-1"))));
        assertEquals(LocalDate.of(2026, 2, 28), Inputs.task(body("title", "t", "dueDate", "2026-02-28")).dueDate());
        assertNull(Inputs.task(body("title", "t", "dueDate", null)).dueDate());
    }

    @Test
    public void taskTitleStatusAndProjectId() {
        assertEquals(Map.of("title", "REQUIRED", "status", "INVALID", "projectId", "INVALID"),
                errors(() -> Inputs.task(body("status", "WAITING", "projectId", "abc"))));
        assertEquals(TaskStatus.OPEN, Inputs.task(body("title", "t")).status());
        assertEquals(Long.valueOf(42), Inputs.task(body("title", "t", "projectId", "42")).projectPk());
        assertNull(Inputs.task(body("title", "t", "projectId", null)).projectPk());
    }

    @Test
    public void pagingParameters() {
        assertEquals(50, Inputs.limit(null));
        assertEquals(500, Inputs.limit("500"));
        assertEquals(Map.of("limit", "INVALID"), errors(() -> Inputs.limit("0")));
        assertEquals(Map.of("limit", "INVALID"), errors(() -> Inputs.limit("501")));
        assertEquals(Map.of("offset", "INVALID"), errors(() -> Inputs.offset("-1")));
        assertEquals(Map.of("status", "INVALID"), errors(() -> Inputs.taskStatusFilter("LATE")));
    }

    private static Map<String, String> errors(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            Map<String, String> m = new LinkedHashMap<>();
            e.errors().forEach(f -> m.put(f.field(), f.code()));
            return m;
        }
        fail("expected a validation error");
        return null;
    }
}
