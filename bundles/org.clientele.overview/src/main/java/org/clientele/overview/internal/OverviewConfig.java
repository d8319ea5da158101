package org.clientele.overview.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the overview and the tabs, PID {@code org.clientele.overview}; both
 * {@link OverviewServiceImpl} and {@link TabServiceImpl} read it and follow its changes.
 */
@ObjectClassDefinition(name = "Clientele overview and tabs",
        description = "The date the overview and the tabs treat as today, and the time budgets of tabs and overview sections.")
public @interface OverviewConfig {

    @AttributeDefinition(name = "Pinned date",
            description = "yyyy-MM-dd: use this date as today (tests, demos). Empty: the real date in the zone below.")
    String pinnedDate() default "";

    @AttributeDefinition(name = "Time zone",
            description = "Zone id such as Europe/Berlin whose date is today. Empty: the system's zone.")
    String zone() default "";

    @AttributeDefinition(name = "Section time budget (ms)",
            description = "How long the overview waits for each section, counted from the request; a later section is marked TIMEOUT.",
            min = "1")
    long contributorTimeoutMillis() default 2000;

    @AttributeDefinition(name = "Tab time budget (ms)",
            description = "How long a tab may take to render; a later one shows a 'did not answer in time' text.",
            min = "1")
    long tabTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Threads",
            description = "Threads of each of the two pools (overview sections, tabs).", min = "1", max = "64")
    int threads() default 4;
}
