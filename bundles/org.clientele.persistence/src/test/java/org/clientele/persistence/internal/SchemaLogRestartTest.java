package org.clientele.persistence.internal;

import static org.clientele.persistence.internal.ClientBuilder.client;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.Test;

/**
 * A restart of the unit on an existing database (what every Karaf restart does) logs no
 * warnings: create-or-extend-tables issues every constraint again and the database refuses
 * them as existing; the unit's session log ({@code org.clientele.lib.jpa.SchemaLog}) keeps
 * those at FINE. The same restart with EclipseLink's own {@code JavaLogger} shows they are
 * there to be kept down.
 */
public class SchemaLogRestartTest {

    @Test
    public void aRestartOnAnExistingDatabaseWarnsAboutNothing() throws Exception {
        Path dir = Files.createTempDirectory("schema-log");
        try {
            String db = dir.resolve("db").toString();
            List<LogRecord> first = warningsWhile(() -> start(db, Map.of()));
            assertEquals("a new database: " + messages(first), List.of(), first);

            List<LogRecord> plain = warningsWhile(() -> start(db, Map.of("eclipselink.logging.logger", "JavaLogger")));
            assertTrue("EclipseLink's own logger warns on a restart: " + plain.size(), plain.size() >= 3);
            assertTrue(messages(plain), messages(plain).contains("already exists"));

            List<LogRecord> again = warningsWhile(() -> start(db, Map.of()));
            assertEquals("a restart: " + messages(again), List.of(), again);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void start(String db, Map<String, String> properties) {
        try (TestDatabase unit = TestDatabase.onDisk(db, properties)) {
            new JpaClientStore(unit.template()).write(w -> w.insert(client("Neu GmbH").build()));
        }
    }

    /** The records at WARNING or above that EclipseLink's loggers publish while {@code action} runs. */
    private static List<LogRecord> warningsWhile(Runnable action) {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (records) {
                        records.add(r);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger eclipseLink = Logger.getLogger("org.eclipse.persistence");
        eclipseLink.addHandler(handler);
        try {
            action.run();
        } finally {
            eclipseLink.removeHandler(handler);
        }
        return records;
    }

    private static String messages(List<LogRecord> records) {
        StringBuilder all = new StringBuilder();
        for (LogRecord r : records) {
            all.append(r.getMessage()).append(r.getThrown() == null ? "" : " " + r.getThrown()).append('\n');
        }
        return all.toString();
    }
}
