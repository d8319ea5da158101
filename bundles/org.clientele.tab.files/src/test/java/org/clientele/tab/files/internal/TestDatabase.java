package org.clientele.tab.files.internal;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.JpaTemplate;

/**
 * The real {@code clientele-files} unit from {@code META-INF/persistence.xml}, run by
 * EclipseLink on an in-memory Derby with RESOURCE_LOCAL transactions instead of JTA.
 */
final class TestDatabase implements AutoCloseable {

    static {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", "target/derby.log");
        }
    }

    private final String url = "jdbc:derby:memory:files-" + UUID.randomUUID();
    private final EntityManagerFactory emf;

    TestDatabase() {
        Map<String, String> properties = new HashMap<>();
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.jtaDataSource", "");
        properties.put("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
        properties.put("javax.persistence.jdbc.url", url + ";create=true");
        this.emf = Persistence.createEntityManagerFactory("clientele-files", properties);
    }

    JpaTemplate template() {
        return new LocalJpaTemplate(emf);
    }

    @Override
    public void close() {
        emf.close();
        try {
            DriverManager.getConnection(url + ";drop=true").close();
        } catch (SQLException closed) {
            if (!"08006".equals(closed.getSQLState()) && !"XJ004".equals(closed.getSQLState())) {
                throw new IllegalStateException("could not drop " + url, closed);
            }
        }
    }
}
