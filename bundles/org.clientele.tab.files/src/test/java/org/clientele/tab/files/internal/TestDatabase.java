package org.clientele.tab.files.internal;

import org.clientele.testing.UnitDatabase;

/** The real {@code clientele-files} unit on a fresh in-memory Derby (see {@link UnitDatabase}). */
final class TestDatabase extends UnitDatabase {

    TestDatabase() {
        super("clientele-files");
    }
}
