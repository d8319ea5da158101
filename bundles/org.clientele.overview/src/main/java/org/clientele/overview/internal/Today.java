package org.clientele.overview.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the module treats as today: the configured {@code pinnedDate}, else the real date in
 * the configured {@code zone}. A bad value is logged and the real date used instead.
 */
final class Today {
    private static final Logger LOG = LoggerFactory.getLogger(Today.class);

    private final LocalDate pinned;
    private final Clock clock;

    private Today(LocalDate pinned, Clock clock) {
        this.pinned = pinned;
        this.clock = clock;
    }

    static Today of(OverviewConfig config) {
        return of(config, Clock.systemUTC());
    }

    /** Today from this clock's instant, in the configured zone. */
    static Today of(OverviewConfig config, Clock clock) {
        return new Today(pinned(config.pinnedDate()), clock.withZone(zone(config.zone())));
    }

    LocalDate get() {
        return pinned != null ? pinned : LocalDate.now(clock);
    }

    private static LocalDate pinned(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            LOG.error("org.clientele.overview: pinnedDate '{}' is not a date as yyyy-MM-dd; using the real date", value);
            return null;
        }
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            LOG.error("org.clientele.overview: zone '{}' is not a time zone id; using the system's zone {}", value,
                    ZoneId.systemDefault());
            return ZoneId.systemDefault();
        }
    }
}
