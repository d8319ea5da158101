package org.clientele.api.overview;

import java.util.List;

/**
 * One section of an overview.
 *
 * @param id      the contributor's section id
 * @param title   its title in the reader's language
 * @param metrics its figures; empty unless the status is OK
 * @param status  whether the contributor answered in time
 */
public record OverviewSection(String id, String title, List<Metric> metrics, Status status) {
    public OverviewSection {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /** How a contributor answered. */
    public enum Status {
        /** in time, with figures */
        OK,
        /** it threw */
        FAILED,
        /** not within its time budget */
        TIMEOUT
    }
}
