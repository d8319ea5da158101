package org.clientele.persistence.internal;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.clientele.testing.LocalJpaTemplate;

/**
 * The real persistence unit from {@code META-INF/persistence.xml}, run by EclipseLink on an
 * embedded Derby with RESOURCE_LOCAL transactions instead of JTA.
 */
final class TestDatabase implements AutoCloseable {

    static {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", "target/derby.log");
        }
    }

    private final String url;
    private final boolean dropOnClose;
    private final EntityManagerFactory emf;

    private TestDatabase(String url, boolean dropOnClose, Map<String, String> extraProperties) {
        this.url = url;
        this.dropOnClose = dropOnClose;
        Map<String, String> properties = new HashMap<>();
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.jtaDataSource", "");
        properties.put("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
        properties.put("javax.persistence.jdbc.url", url + ";create=true");
        properties.putAll(extraProperties);
        this.emf = Persistence.createEntityManagerFactory("clientele", properties);
    }

    /** A fresh in-memory database, dropped on {@link #close()}. */
    static TestDatabase inMemory() {
        return inMemory(Map.of());
    }

    static TestDatabase inMemory(Map<String, String> extraProperties) {
        return new TestDatabase("jdbc:derby:memory:test-" + UUID.randomUUID(), true, extraProperties);
    }

    /** The database in {@code directory}, created when missing and kept on {@link #close()}. */
    static TestDatabase onDisk(String directory, Map<String, String> extraProperties) {
        return new TestDatabase("jdbc:derby:" + directory, false, extraProperties);
    }

    /** The JDBC URL, for a plain connection to the same database. */
    String url() {
        return url;
    }

    JpaTemplate template() {
        return new LocalJpaTemplate(emf);
    }

    /** A plain (unpooled) DataSource of the same database, as the store's JDBC reads use one. */
    DataSource dataSource() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(url.substring("jdbc:derby:".length()));
        return ds;
    }

        EntityManagerFactory factory() {
        return emf;
    }

    @Override
    public void close() {
        emf.close();
        try {
            DriverManager.getConnection(url + (dropOnClose ? ";drop=true" : ";shutdown=true")).close();
        } catch (SQLException closed) {
            // Derby reports a successful drop or shut-down as 08006, a database never created as XJ004
            if (!"08006".equals(closed.getSQLState()) && !"XJ004".equals(closed.getSQLState())) {
                throw new IllegalStateException("could not close " + url, closed);
            }
        }
    }
}
