package org.clientele.tab.projects.internal;

import org.clientele.testing.UnitDatabase;

/** The real {@code clientele-projects} unit on a fresh in-memory Derby (see {@link UnitDatabase}). */
final class TestDatabase extends UnitDatabase {

    TestDatabase() {
        super("clientele-projects");
    }
}
