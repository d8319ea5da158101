package org.clientele.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.clientele.api.Contact;
import org.clientele.api.store.ClientStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills {@code client.children} ({@link ClientChildren}) of rows written before 0.5.6, in the
 * background after start, so that an upgraded database reads as fast as a new one. Every
 * statement commits on its own and no lock is held while another is waited for: the row's
 * key and version, then its contact and tag rows, then
 * {@code UPDATE … WHERE pk = ? AND version = ? AND children IS NULL}. A change committed in
 * between raised the version (every change of a client does, in the same transaction as its
 * contact and tag rows), so the UPDATE then changes nothing, and that change wrote the text
 * itself. A write through the unit never leaves a filled text stale: {@link ClientMapper#apply}
 * never writes NULL, so a row loaded with NULL is always written with its new text.
 * <p>
 * Runs once per start on a daemon thread; {@link #stop} ends it at the next row. On any
 * database failure it logs and ends; the next start goes on where rows are still NULL. Once
 * every row was filled, a row of the {@code counter} table ({@value #DONE}) says so and later
 * starts skip the scan (which reads every client row). Rows that code before 0.5.6 writes
 * afterwards (a downgrade and back) are read as before then, slower but right: a new row has
 * no text, a changed one a text of an older version ({@link ClientChildren}).
 */
@Component(service = {}, name = "org.clientele.persistence.children")
public class ChildrenBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(ChildrenBackfill.class);

    /** Rows whose keys one statement finds. */
    static final int BATCH = 200;

    static final String NEXT = "SELECT pk, version FROM client WHERE pk > ? AND children IS NULL ORDER BY pk"
            + " FETCH FIRST " + BATCH + " ROWS ONLY";
    static final String CONTACTS = "SELECT name, contact_role, email, phone FROM client_contact"
            + " WHERE client_pk = ? ORDER BY position";
    static final String TAGS = "SELECT tag FROM client_tag WHERE client_pk = ? ORDER BY position";
    static final String FILL = "UPDATE client SET children = ? WHERE pk = ? AND version = ? AND children IS NULL";
    /** The counter row that says every row was filled. */
    static final String DONE = "client.children.filled";

    private final DataSource dataSource;
    private volatile boolean stopped;
    private Thread thread;

    /** The store is referenced so that its unit has deployed (and added the column) first. */
    @Activate
    public ChildrenBackfill(@Reference(target = "(osgi.jndi.service.name=clientele)") DataSource dataSource,
            @Reference ClientStore store) {
        this(dataSource);
        thread = new Thread(this::runLogged, "clientele-children-backfill");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    ChildrenBackfill(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopped = true;
        if (thread != null) {
            thread.join(10_000);
        }
    }

    private void runLogged() {
        try {
            long filled = fill(() -> stopped);
            if (filled > 0) {
                LOG.info("Filled the kept contacts and tags of {} clients written before 0.5.6", filled);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Filling the kept contacts and tags of older clients stopped; the next start goes on: {}",
                    e.toString());
        }
    }

    /**
     * Fills every row whose text is NULL (until {@code stop} says so), unless that was done
     * before; the rows filled.
     */
    long fill(BooleanSupplier stop) throws SQLException {
        if (done()) {
            return 0;
        }
        long filled = 0;
        long after = Long.MIN_VALUE;
        boolean all = false;
        try (Connection c = dataSource.getConnection();
                PreparedStatement next = c.prepareStatement(NEXT);
                PreparedStatement contacts = c.prepareStatement(CONTACTS);
                PreparedStatement tags = c.prepareStatement(TAGS);
                PreparedStatement update = c.prepareStatement(FILL)) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            while (!stop.getAsBoolean()) {
                List<long[]> rows = new ArrayList<>(BATCH);
                next.setLong(1, after);
                try (ResultSet rs = next.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
                if (rows.isEmpty()) {
                    all = true;
                    break;
                }
                for (long[] row : rows) {
                    if (stop.getAsBoolean()) {
                        break;
                    }
                    update.setString(1, ClientChildren.encode(contacts(contacts, row[0]), tags(tags, row[0]), row[1]));
                    update.setLong(2, row[0]);
                    update.setLong(3, row[1]);
                    filled += update.executeUpdate();
                    after = row[0];
                }
            }
        }
        if (all) {
            markDone();
        }
        return filled;
    }

    private boolean done() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT counter_value FROM counter WHERE name = ?")) {
            ps.setString(1, DONE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void markDone() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO counter (name, counter_value) VALUES (?, 1)")) {
            ps.setString(1, DONE);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) { // not a second node that marked it first
                throw e;
            }
        }
    }

    private static List<Contact> contacts(PreparedStatement ps, long pk) throws SQLException {
        List<Contact> out = new ArrayList<>(2);
        ps.setLong(1, pk);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }

    private static List<String> tags(PreparedStatement ps, long pk) throws SQLException {
        List<String> out = new ArrayList<>(2);
        ps.setLong(1, pk);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
