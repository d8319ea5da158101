package org.clientele.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.PersistenceException;
import javax.sql.DataSource;
import javax.transaction.Status;
import javax.transaction.RollbackException;
import javax.transaction.Synchronization;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.clientele.api.Activity;
import org.clientele.api.Client;
import org.clientele.api.ClientException;
import org.clientele.api.ClientQuery;
import org.clientele.api.Page;
import org.clientele.api.store.ClientStore;
import org.clientele.api.store.ClientWriter;
import org.clientele.persistence.internal.entity.CounterEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ClientStore} on the {@code clientele} persistence unit, which Aries JPA
 * creates from this bundle's {@code META-INF/persistence.xml} over the {@code clientele}
 * DataSource. Writes run in a JTA transaction of their own (or join the caller's), reads
 * join one when there is one.
 */
@Component(service = ClientStore.class, name = "org.clientele.persistence.store")
public class JpaClientStore implements ClientStore {

    private static final Logger LOG = LoggerFactory.getLogger(JpaClientStore.class);

    private final JpaTemplate jpa;
    private final ClientById byId;
    private final ClientsByKeys byKeys;
    private final BooleanSupplier inTransaction;
    private final Object counterCreation = new Object();
    private final SearchTotals totals;
    private final Consumer<Runnable> onCompleted;

    /**
     * With the unit's DataSource (the one Aries JPA uses) and the transaction manager: a
     * client read outside any JTA transaction goes over plain JDBC ({@link ClientById}).
     */
    @Activate
    public JpaClientStore(@Reference(target = "(osgi.unit.name=clientele)") JpaTemplate jpa,
            @Reference(target = "(osgi.jndi.service.name=clientele)") DataSource dataSource,
            @Reference TransactionManager transactions) {
        this(jpa, dataSource, transactions,
                ownsTheDatabase(dataSource) ? new SearchTotals(SearchTotals.DEFAULT_SIZE) : SearchTotals.NONE);
    }

    /**
     * Whether this JVM is the only one that can write the database: true for embedded Derby
     * (it boots a database in one JVM at a time, and in this one the store is the only writer
     * of the client tables). Only then are search totals kept between writes; on a database
     * that other Karaf nodes may share (PostgreSQL, Derby's network server) a write of another
     * node would go unseen, so every search counts.
     */
    static boolean ownsTheDatabase(DataSource dataSource) {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cannot tell which database the clientele DataSource is ({}); every search counts its total", e.toString());
            return false;
        }
        boolean embedded = url != null && url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
        if (embedded) {
            LOG.info("Search totals are kept between client writes: {} is an embedded Derby database", url);
        } else {
            LOG.info("Every search counts its total: {} may be shared with other nodes", url);
        }
        return embedded;
    }

    private JpaClientStore(JpaTemplate jpa, DataSource dataSource, TransactionManager transactions,
            SearchTotals totals) {
        this(jpa, dataSource, () -> inTransaction(transactions), totals,
                ended -> afterCompletion(transactions, totals, ended));
    }

    /** Without a DataSource: every read through the persistence unit. */
    public JpaClientStore(JpaTemplate jpa) {
        this(jpa, null, () -> true);
    }

    /**
     * {@code inTransaction} says whether the calling thread has a transaction whose changes
     * a read must see (then reads go through the persistence unit). Every total is counted.
     */
    JpaClientStore(JpaTemplate jpa, DataSource dataSource, BooleanSupplier inTransaction) {
        this(jpa, dataSource, inTransaction, SearchTotals.NONE, ended -> {
        });
    }

    /**
     * @param totals      keeps the totals of list queries between writes
     * @param onCompleted called inside each write transaction: arranges for its argument to
     *                    run once that transaction has completed, committed or not
     */
    JpaClientStore(JpaTemplate jpa, DataSource dataSource, BooleanSupplier inTransaction, SearchTotals totals,
            Consumer<Runnable> onCompleted) {
        this.jpa = jpa;
        this.byId = dataSource == null ? null : new ClientById(dataSource);
        this.byKeys = dataSource == null ? null : new ClientsByKeys(dataSource, byId);
        this.inTransaction = inTransaction;
        this.totals = totals;
        this.onCompleted = onCompleted;
        // Deploy the persistence unit now, outside any transaction. EclipseLink creates or
        // extends the tables on first use; inside a caller's JTA transaction that DDL would
        // hold its locks until the caller commits, and the counter's nested transaction
        // would wait for them until Derby's lock timeout (seen as a 500 after 60 s on the
        // first create of a fresh database).
        if (!ping()) {
            LOG.warn("The clientele database does not answer yet");
        }
    }

    @Override
    public <T> T write(Function<ClientWriter, T> work) {
        return run(TransactionType.Required, em -> {
            totals.writeStarted();
            onCompleted.accept(totals::writeEnded);
            return work.apply(new JpaClientWriter(em, this::createCounter));
        });
    }

    /**
     * Runs {@code ended} when the thread's JTA transaction completes. A transaction that can
     * no longer take a synchronization (marked for rollback) commits nothing; {@code ended}
     * then runs at once. Without a transaction to synchronize with (not expected inside a
     * {@code Required} call) totals are no longer kept at all.
     */
    private static void afterCompletion(TransactionManager transactions, SearchTotals totals, Runnable ended) {
        try {
            transactions.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    ended.run();
                }
            });
        } catch (RollbackException e) {
            ended.run();
        } catch (IllegalStateException | SystemException | NullPointerException e) {
            LOG.warn("A client write without a JTA transaction to follow: list totals are counted every time from now on", e);
            totals.stop();
            ended.run();
        }
    }

    /**
     * Creates counter {@code name} at 0 in a transaction of its own, unless it exists by then.
     * Creators in this JVM take turns: Aries runs the nested transaction on the caller's
     * entity manager, so a failed insert there would fail the caller's transaction too.
     * Two nodes creating the same counter at the same moment remains possible (once per
     * counter and database); the loser's request fails and can be repeated.
     */
    private void createCounter(String name) {
        synchronized (counterCreation) {
            jpa.tx(TransactionType.RequiresNew, em -> {
                if (em.find(CounterEntity.class, name) == null) {
                    em.persist(new CounterEntity(name, 0));
                    em.flush();
                }
            });
        }
    }

    /**
     * Outside a transaction over plain JDBC (no entity manager, no entities: the GET's hot
     * path), else, or when the client kept changing during the JDBC reads, through the unit.
     */
    @Override
    public Optional<Client> find(String id) {
        if (byId != null && !inTransaction.getAsBoolean()) {
            ClientById.Result r;
            try {
                r = byId.read(id);
            } catch (SQLException e) {
                LOG.error("Clientele database operation failed", e);
                throw new PersistenceException("could not read client " + id, e);
            }
            if (r.stable()) {
                return r.client();
            }
        }
        return read(reads -> reads.findOutsideWrite(id));
    }

    /** True unless the thread surely has no JTA transaction. */
    private static boolean inTransaction(TransactionManager transactions) {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return true;
        }
    }

    /**
     * The keys of the page through the unit; the page's clients, outside a transaction, over
     * plain JDBC ({@link ClientsByKeys}), else (or when one of them changed during that read)
     * through the unit.
     */
    @Override
    public Page<Client> search(ClientQuery query) {
        ClientsByKeys.Loader direct = byKeys != null && !inTransaction.getAsBoolean()
                ? byKeys::load : ClientsByKeys.Loader.NONE;
        return run(TransactionType.Supports, em -> new ClientReads(em, totals, direct).search(query));
    }

    /** In chunks by key range or key list, each read in a transaction of its own: see {@link ClientStream}. */
    @Override
    public void forEachClient(ClientQuery query, Consumer<List<Client>> sink) {
        new ClientStream(this::required, query).run(sink);
    }

    private <T> T required(EmFunction<T> code) {
        return run(TransactionType.Required, code);
    }

    @Override
    public Page<Activity> activity(String clientId, int limit, int offset) {
        return read(reads -> reads.activity(clientId, limit, offset));
    }

    @Override
    public boolean ping() {
        try {
            return jpa.txExpr(TransactionType.Supports,
                    em -> em.createQuery("SELECT COUNT(k) FROM Counter k").getSingleResult() != null);
        } catch (RuntimeException e) {
            LOG.debug("The clientele database does not answer", e);
            return false;
        }
    }

    private <T> T read(Function<ClientReads, T> query) {
        return run(TransactionType.Supports,
                em -> query.apply(new ClientReads(em, totals, ClientsByKeys.Loader.NONE)));
    }

    /**
     * Runs {@code code}; the API's exceptions pass unchanged, persistence failures are logged
     * and passed on, and anything else (the caller's own exceptions) just passes.
     */
    private <T> T run(TransactionType type, EmFunction<T> code) {
        try {
            return jpa.txExpr(type, code);
        } catch (ClientException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isPersistenceFailure(e)) {
                LOG.error("Clientele database operation failed", e);
            }
            throw e;
        }
    }

    private static boolean isPersistenceFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PersistenceException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
