package org.clientele.overview.internal;

/**
 * The configuration the overview service or the tab service works with, replaced as a whole
 * when the configuration changes.
 *
 * @param today        the current date, pinned or real
 * @param budgetMillis time budget of one call of a whiteboard service
 * @param pool         the threads those calls run on
 */
record Settings(Today today, long budgetMillis, Pool pool) {

    /**
     * Settings from {@code config}; the pool of {@code current} is kept while its size is
     * still the configured one.
     */
    static Settings of(OverviewConfig config, long budgetMillis, String poolName, Settings current) {
        int threads = Math.min(Pool.MAX_THREADS, Math.max(1, config.threads()));
        Pool pool = current != null && current.pool.threads() == threads ? current.pool : new Pool(poolName, threads);
        return new Settings(Today.of(config), Math.max(1, budgetMillis), pool);
    }

    /** Retires this pool unless {@code next} goes on using it. */
    void retireFor(Settings next) {
        if (next.pool != pool) {
            pool.retire();
        }
    }
}
