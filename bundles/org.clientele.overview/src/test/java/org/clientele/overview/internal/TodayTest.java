package org.clientele.overview.internal;

import static org.junit.Assert.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.Test;

public class TodayTest {
    // 23:30 UTC on 15 March is already 16 March in Berlin
    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-03-15T23:30:00Z");

    @Test
    public void pinnedDateWins() {
        assertEquals(LocalDate.of(2026, 3, 16), Today.of(TestConfig.of("2026-03-16", "", 1, 1, 1)).get());
        assertEquals(LocalDate.of(2026, 3, 16), Today.of(TestConfig.of(" 2026-03-16 ", "", 1, 1, 1)).get());
    }

    @Test
    public void withoutPinnedDateTheConfiguredZonesDateIsToday() {
        Clock clock = Clock.fixed(LATE_EVENING_UTC, ZoneId.of("UTC"));
        assertEquals(LocalDate.of(2026, 3, 16), Today.of(TestConfig.of("", "Europe/Berlin", 1, 1, 1), clock).get());
        assertEquals(LocalDate.of(2026, 3, 15), Today.of(TestConfig.of("", "UTC", 1, 1, 1), clock).get());
        assertEquals(LocalDate.of(2026, 3, 15), Today.of(TestConfig.of("", "America/New_York", 1, 1, 1), clock).get());
    }

    @Test
    public void emptyZoneIsTheSystemZone() {
        Clock clock = Clock.fixed(LATE_EVENING_UTC, ZoneId.of("UTC"));
        assertEquals(LATE_EVENING_UTC.atZone(ZoneId.systemDefault()).toLocalDate(),
                Today.of(TestConfig.of("", "", 1, 1, 1), clock).get());
    }

    @Test
    public void badValuesFallBackToTheRealDateInTheSystemZone() {
        Clock clock = Clock.fixed(LATE_EVENING_UTC, ZoneId.of("UTC"));
        assertEquals(LATE_EVENING_UTC.atZone(ZoneId.systemDefault()).toLocalDate(),
                Today.of(TestConfig.of("16.03.2026", "Mars/Olympus", 1, 1, 1), clock).get());
    }
}
