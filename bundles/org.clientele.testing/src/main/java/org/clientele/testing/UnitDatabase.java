package org.clientele.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.JpaTemplate;

/**
 * A bundle's real persistence unit from its {@code META-INF/persistence.xml}, run by
 * EclipseLink on a fresh in-memory Derby with RESOURCE_LOCAL transactions instead of JTA;
 * dropped again by {@link #close()}.
 */
public class UnitDatabase implements AutoCloseable {

    static {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", "target/derby.log");
        }
    }

    private final String url;
    private final EntityManagerFactory emf;

    /** @param unit the persistence unit's name, e.g. {@code clientele-sales} */
    public UnitDatabase(String unit) {
        this.url = "jdbc:derby:memory:" + unit + "-" + UUID.randomUUID();
        Map<String, String> properties = new HashMap<>();
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.jtaDataSource", "");
        properties.put("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
        properties.put("javax.persistence.jdbc.url", url + ";create=true");
        this.emf = Persistence.createEntityManagerFactory(unit, properties);
    }

    /** A template like the one Aries JPA registers, over this database. */
    public JpaTemplate template() {
        return new LocalJpaTemplate(emf);
    }

    public EntityManagerFactory factory() {
        return emf;
    }

    @Override
    public void close() {
        emf.close();
        try {
            DriverManager.getConnection(url + ";drop=true").close();
        } catch (SQLException closed) {
            // Derby reports a successful drop as 08006, a database never created as XJ004
            if (!"08006".equals(closed.getSQLState()) && !"XJ004".equals(closed.getSQLState())) {
                throw new IllegalStateException("could not drop " + url, closed);
            }
        }
    }
}
