package org.clientele.api.overview;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One key figure.
 *
 * @param id    stable id within its section, e.g. {@code overdue} or {@code total}
 * @param label for people
 * @param value the figure, exact
 * @param unit  ISO 4217 currency for amounts, {@code h} for hours, null for counts
 * @param kind  what the figure is
 */
public record Metric(String id, String label, BigDecimal value, String unit, Kind kind) {

    public Metric {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
    }

    /** What a figure is. */
    public enum Kind {
        COUNT, AMOUNT, HOURS
    }

    public static Metric count(String id, String label, long value) {
        return new Metric(id, label, BigDecimal.valueOf(value), null, Kind.COUNT);
    }

    public static Metric amount(String id, String label, BigDecimal value, String currency) {
        return new Metric(id, label, value, Objects.requireNonNull(currency, "currency"), Kind.AMOUNT);
    }

    public static Metric hours(String id, String label, BigDecimal value) {
        return new Metric(id, label, value, "h", Kind.HOURS);
    }
}
