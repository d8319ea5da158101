package org.clientele.persistence.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.Test;

/** Search totals are kept only where this JVM is the database's only writer: embedded Derby. */
public class OwnsTheDatabaseTest {

    @Test
    public void embeddedDerbyIsOwned() {
        try (TestDatabase db = TestDatabase.inMemory()) {
            new JpaClientStore(db.template()); // creates the database
            assertTrue(JpaClientStore.ownsTheDatabase(db.dataSource()));
        }
    }

    @Test
    public void aDatabaseOtherNodesMayShareIsNot() {
        assertFalse(JpaClientStore.ownsTheDatabase(reporting("jdbc:postgresql://db.example:5432/clientele")));
        assertFalse(JpaClientStore.ownsTheDatabase(reporting("jdbc:derby://db.example:1527/clientele")));
    }

    @Test
    public void aDatabaseThatDoesNotAnswerIsNot() {
        assertFalse(JpaClientStore.ownsTheDatabase(handingOut(null)));
    }

    /** A DataSource whose connections report {@code url}. */
    private static DataSource reporting(String url) {
        DatabaseMetaData meta = proxy(DatabaseMetaData.class, "getURL", url);
        return handingOut(proxy(Connection.class, "getMetaData", meta));
    }

    /** A DataSource handing out {@code connection}; none (an SQLException) when it is null. */
    private static DataSource handingOut(Connection connection) {
        return (DataSource) Proxy.newProxyInstance(OwnsTheDatabaseTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, m, a) -> {
                    if (connection == null) {
                        throw new SQLException("Connection refused", "08001");
                    }
                    return m.getName().equals("getConnection") ? connection : null;
                });
    }

    /** An instance of {@code type} whose method {@code name} returns {@code value}, every other null. */
    private static <T> T proxy(Class<T> type, String name, Object value) {
        return type.cast(Proxy.newProxyInstance(OwnsTheDatabaseTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, a) -> m.getName().equals(name) ? value : null));
    }
}
