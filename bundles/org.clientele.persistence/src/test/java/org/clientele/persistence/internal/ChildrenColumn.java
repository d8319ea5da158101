package org.clientele.persistence.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.clientele.api.Client;

/**
 * For tests of both read paths ({@link ClientChildren}): rows made as rows written before
 * 0.5.6 (no {@code children}), the text put back, and a DataSource that counts statements.
 */
final class ChildrenColumn {

    private ChildrenColumn() {
    }

    /** Clears the {@code children} of these clients, as in a row written before 0.5.6. */
    static void forget(DataSource dataSource, Collection<String> ids) {
        update(dataSource, "UPDATE client SET children = NULL WHERE public_id = ?", ids.stream()
                .map(id -> new String[] {id}).toList());
    }

    /** Writes the {@code children} of these clients as they are (as {@link ClientMapper} would). */
    static void restore(DataSource dataSource, Collection<Client> clients) {
        update(dataSource, "UPDATE client SET children = ? WHERE public_id = ?", clients.stream()
                .map(c -> new String[] {ClientChildren.encode(c.contacts(), c.tags(), c.version()), c.id()}).toList());
    }

    /** The {@code children} of a client's row as stored. */
    static String text(DataSource dataSource, String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT children FROM client WHERE public_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void update(DataSource dataSource, String sql, List<String[]> rows) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setString(i + 1, row[i]);
                }
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code dataSource}, counting the statements prepared on its connections. */
    static DataSource counting(DataSource dataSource, AtomicInteger statements) {
        return (DataSource) Proxy.newProxyInstance(ChildrenColumn.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, dataSource, args);
                    return result instanceof Connection connection
                            ? recording(connection, sql -> statements.incrementAndGet()) : result;
                });
    }

    /** {@code dataSource}, running {@code before} just before each UPDATE of {@code client.children} executes. */
    static DataSource beforeChildrenUpdates(DataSource dataSource, Runnable before) {
        return (DataSource) Proxy.newProxyInstance(ChildrenColumn.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, dataSource, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(ChildrenColumn.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                Object r = invoke(m, connection, a);
                                if (!(r instanceof PreparedStatement ps && a[0] instanceof String sql
                                        && sql.startsWith("UPDATE client SET children"))) {
                                    return r;
                                }
                                return Proxy.newProxyInstance(ChildrenColumn.class.getClassLoader(),
                                        new Class<?>[] {PreparedStatement.class}, (q, n, b) -> {
                                            if (n.getName().equals("executeUpdate")) {
                                                before.run();
                                            }
                                            return invoke(n, ps, b);
                                        });
                            });
                });
    }

    /** {@code connection}, passing the text of every statement prepared on it to {@code prepared}. */
    static Connection recording(Connection connection, Consumer<String> prepared) {
        return (Connection) Proxy.newProxyInstance(ChildrenColumn.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        prepared.accept((String) args[0]);
                    }
                    return invoke(method, connection, args);
                });
    }

    /** {@code method} on {@code target}, throwing what it throws. */
    static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
