package org.clientele.persistence.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;

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
        assertFalse(JpaClientStore.ownsTheDatabase(new Fixed(null)));
    }

    /** A DataSource whose connections report {@code url}. */
    private static DataSource reporting(String url) {
        DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(OwnsTheDatabaseTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (p, m, a) -> m.getName().equals("getURL") ? url : null);
        Connection c = (Connection) Proxy.newProxyInstance(OwnsTheDatabaseTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, a) -> m.getName().equals("getMetaData") ? meta : null);
        return new Fixed(c);
    }

    /** Hands out one connection; none (an SQLException) when it is null. */
    private record Fixed(Connection connection) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            if (connection == null) {
                throw new SQLException("Connection refused", "08001");
            }
            return connection;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
