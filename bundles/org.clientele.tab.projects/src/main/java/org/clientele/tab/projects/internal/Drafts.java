package org.clientele.tab.projects.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Validated input, ready to store. */
public final class Drafts {
    private Drafts() {
    }

    /** Project statuses. */
    public enum ProjectStatus {
        ACTIVE, ON_HOLD, DONE
    }

    /** Task statuses. */
    public enum TaskStatus {
        OPEN, DONE
    }

    public record ProjectDraft(String name, ProjectStatus status) {
    }

    public record TimeEntryDraft(LocalDate date, BigDecimal hours, String note) {
    }

    /** @param projectPk the project's key, or null for a task outside any project */
    public record TaskDraft(String title, LocalDate dueDate, TaskStatus status, Long projectPk) {
    }
}
