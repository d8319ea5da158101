package org.clientele.overview.internal;

import java.lang.annotation.Annotation;

/** {@link OverviewConfig} instances for tests. */
public final class TestConfig {

    private TestConfig() {
    }

    /** Pinned to 2026-03-16, Europe/Berlin, the given budgets, 4 threads. */
    public static OverviewConfig of(long contributorTimeoutMillis, long tabTimeoutMillis) {
        return of("2026-03-16", "Europe/Berlin", contributorTimeoutMillis, tabTimeoutMillis, 4);
    }

    public static OverviewConfig of(String pinnedDate, String zone, long contributorTimeoutMillis, long tabTimeoutMillis,
            int threads) {
        return new OverviewConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OverviewConfig.class;
            }

            @Override
            public String pinnedDate() {
                return pinnedDate;
            }

            @Override
            public String zone() {
                return zone;
            }

            @Override
            public long contributorTimeoutMillis() {
                return contributorTimeoutMillis;
            }

            @Override
            public long tabTimeoutMillis() {
                return tabTimeoutMillis;
            }

            @Override
            public int threads() {
                return threads;
            }
        };
    }
}
