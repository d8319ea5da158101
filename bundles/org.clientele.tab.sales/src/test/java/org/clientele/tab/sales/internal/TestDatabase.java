package org.clientele.tab.sales.internal;

import org.clientele.testing.UnitDatabase;

/** The real {@code clientele-sales} unit on a fresh in-memory Derby (see {@link UnitDatabase}). */
final class TestDatabase extends UnitDatabase {

    TestDatabase() {
        super("clientele-sales");
    }
}
