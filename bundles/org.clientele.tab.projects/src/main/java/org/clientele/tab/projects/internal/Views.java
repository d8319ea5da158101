package org.clientele.tab.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/** The JSON records of the projects API; amounts and dates as strings (API.md). */
public final class Views {
    private Views() {
    }

    /**
     * A project with the hours booked on it and its open tasks.
     */
    public record ProjectView(String id, String clientId, String name, String status, String hours, long openTasks,
            String createdAt, String updatedAt, long version) {
    }

    /** Hours booked on a project on one day. */
    public record TimeEntryView(String id, String projectId, String date, String hours, String note, String user,
            String createdAt, long version) {
    }

    /** A task; {@code projectId} and {@code dueDate} may be null. */
    public record TaskView(String id, String clientId, String projectId, String title, String dueDate, String status,
            String createdAt, String updatedAt, long version) {
    }

    static String hours(BigDecimal hours) {
        return (hours == null ? BigDecimal.ZERO : hours).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String id(Long pk) {
        return pk == null ? null : pk.toString();
    }
}
