package org.clientele.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.clientele.api.Activity;
import org.clientele.api.Client;
import org.clientele.api.DuplicateException;
import org.clientele.api.NotFoundException;
import org.clientele.api.VersionConflictException;
import org.clientele.api.store.ClientWriter;
import org.clientele.persistence.internal.entity.ClientEntity;
import org.clientele.persistence.internal.entity.CounterEntity;
import org.clientele.persistence.internal.entity.SearchTokenEntity;

/**
 * The writes of one transaction. Every change is flushed before the method returns, so
 * that constraint and version conflicts surface as the API's exceptions right there; the
 * persistence context is then cleared so that long batches stay fast.
 */
final class JpaClientWriter implements ClientWriter {

    private final EntityManager em;
    private final ClientReads reads;
    private final Consumer<String> createCounter;

    /**
     * @param em            the transaction's entity manager
     * @param createCounter creates a counter row at 0 in a transaction of its own, and does
     *                      nothing when another transaction created it first
     */
    JpaClientWriter(EntityManager em, Consumer<String> createCounter) {
        this.em = em;
        this.reads = new ClientReads(em);
        this.createCounter = createCounter;
    }

    @Override
    public Optional<Client> find(String id) {
        return reads.find(id);
    }

    @Override
    public Optional<Client> findByTaxId(String normalizedTaxId) {
        return reads.findByTaxId(normalizedTaxId);
    }

    @Override
    public Optional<Client> findByNumber(String number) {
        return reads.findByNumber(number);
    }

    @Override
    public List<Client> findSimilar(String legalName, String postalCode, int max) {
        return reads.findSimilar(legalName, postalCode, max);
    }

    @Override
    public long nextValue(String counter) {
        // A missing row is created and committed on its own first: two first callers would
        // otherwise both insert it, and one of them would fail on the primary key.
        if (em.find(CounterEntity.class, counter) == null) {
            createCounter.accept(counter);
        }
        em.createQuery("UPDATE Counter k SET k.value = k.value + 1 WHERE k.name = :name")
                .setParameter("name", counter)
                .executeUpdate();
        return em.createQuery("SELECT k.value FROM Counter k WHERE k.name = :name", Long.class)
                .setParameter("name", counter)
                .getSingleResult();
    }

    @Override
    public Client insert(Client client) {
        rejectTaken(client, null);
        ClientEntity entity = ClientMapper.newEntity(client);
        em.persist(entity);
        addTokens(entity, client);
        return flushAndRead(entity, client, 0);
    }

    @Override
    public Client update(Client client, long expectedVersion) {
        ClientEntity entity = entityAt(client.id(), expectedVersion);
        rejectTaken(client, entity);
        boolean stale = dropStaleTokens(entity, client);
        ClientMapper.apply(client, entity);
        if (stale) {
            addTokens(entity, client);
        }
        em.lock(entity, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return flushAndRead(entity, client, expectedVersion);
    }

    @Override
    public void delete(String id, long expectedVersion) {
        ClientEntity entity = entityAt(id, expectedVersion);
        deleteTokens(entity);
        deleteActivity(id);
        em.remove(entity);
        flush(id, expectedVersion, null);
        em.clear();
    }

    @Override
    public void append(Activity activity) {
        em.persist(ClientMapper.newEntity(activity));
    }

    /**
     * Deletes a client's history: the field changes by their entries' keys (with a subquery
     * instead, EclipseLink's statement would scan the whole change table), then the entries.
     */
    private void deleteActivity(String clientId) {
        List<Long> entries = em.createQuery("SELECT a.pk FROM Activity a WHERE a.clientId = :id", Long.class)
                .setParameter("id", clientId)
                .getResultList();
        KeyChunks.forEach(entries, chunk -> em.createQuery("DELETE FROM FieldChange ch WHERE ch.activityPk IN :keys")
                .setParameter("keys", chunk)
                .executeUpdate());
        em.createQuery("DELETE FROM Activity a WHERE a.clientId = :id")
                .setParameter("id", clientId)
                .executeUpdate();
    }

    private ClientEntity entityAt(String id, long expectedVersion) {
        ClientEntity entity = reads.entity(id).orElseThrow(() -> new NotFoundException("client", id));
        if (entity.getVersion() != expectedVersion) {
            throw new VersionConflictException(id, expectedVersion, entity.getVersion());
        }
        return entity;
    }

    /** Names the client that already has the number or tax ID that {@code client} brings. */
    private void rejectTaken(Client client, ClientEntity current) {
        if (current == null || !Objects.equals(current.getNumber(), client.number())) {
            Optional<Client> other = reads.findByNumber(client.number());
            if (other.isPresent()) {
                throw duplicate(UniqueViolation.NUMBER, client.number(), other.get());
            }
        }
        if (client.taxId() != null && (current == null || !Objects.equals(current.getTaxId(), client.taxId()))) {
            Optional<Client> other = reads.findByTaxId(client.taxId());
            if (other.isPresent()) {
                throw duplicate(UniqueViolation.TAX_ID, client.taxId(), other.get());
            }
        }
    }

    private void addTokens(ClientEntity entity, Client client) {
        SearchTokens.of(client).forEach(token -> em.persist(new SearchTokenEntity(entity, token)));
    }

    /**
     * Deletes the client's tokens when they no longer fit {@code client}: other words, or
     * another archived flag, country or sort name (which every token row carries). Runs
     * before the entity changes, so that the bulk delete has nothing to flush first.
     */
    private boolean dropStaleTokens(ClientEntity entity, Client client) {
        Set<String> stored = new HashSet<>(em.createQuery(
                        "SELECT t.token FROM SearchToken t WHERE t.clientPk = :pk", String.class)
                .setParameter("pk", entity.getPk())
                .getResultList());
        boolean current = stored.equals(SearchTokens.of(client))
                && entity.isArchived() == client.archived()
                && Objects.equals(entity.getCountry(), ClientMapper.country(client))
                && Objects.equals(entity.getSortName(), ClientMapper.sortName(client));
        if (!current) {
            deleteTokens(entity);
        }
        return !current;
    }

    private void deleteTokens(ClientEntity entity) {
        em.createQuery("DELETE FROM SearchToken t WHERE t.clientPk = :pk")
                .setParameter("pk", entity.getPk())
                .executeUpdate();
    }

    private Client flushAndRead(ClientEntity entity, Client client, long expectedVersion) {
        flush(client.id(), expectedVersion, client);
        Client stored = ClientMapper.toClient(entity);
        em.clear();
        return stored;
    }

    /**
     * Writes what is pending. A stale version (someone committed a change after this
     * transaction read the client) and a unique value taken meanwhile become the API's
     * exceptions; the current version is then unknown, at least {@code expectedVersion + 1}.
     */
    private void flush(String id, long expectedVersion, Client client) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new VersionConflictException(id, expectedVersion, expectedVersion + 1);
        } catch (PersistenceException e) {
            Optional<String> field = UniqueViolation.field(e);
            if (client == null || field.isEmpty()) {
                throw e;
            }
            String value = UniqueViolation.NUMBER.equals(field.get()) ? client.number() : client.taxId();
            throw new DuplicateException(field.get(), value, null, null, null);
        }
    }

    // ------------------------------------------------------------------ the bulk path

    @Override
    public Map<String, Client> findByNumbers(Collection<String> numbers) {
        return byUniqueColumn("c.number", numbers, Client::number);
    }

    @Override
    public Map<String, Client> findByTaxIds(Collection<String> taxIds) {
        return byUniqueColumn("c.taxId", taxIds, Client::taxId);
    }

    /**
     * The clients with these values of a unique column, by value. Each value is one probe of
     * the column's unique index through a statement prepared once: measured on Derby, a
     * 500-value IN list was planned as a scan of the whole table and cost more than all
     * the probes together, and more with every batch as the table grew. Contacts and tags
     * come in the same statement.
     */
    private Map<String, Client> byUniqueColumn(String column, Collection<String> values,
            java.util.function.Function<Client, String> key) {
        Map<String, Client> out = new HashMap<>();
        // COMMIT: the batch has nothing pending yet, and a flush before every probe would
        // compare every entity loaded so far (quadratic in the batch size, seen in profiles)
        javax.persistence.TypedQuery<ClientEntity> q = em.createQuery(
                "SELECT c FROM Client c WHERE " + column + " = :value", ClientEntity.class)
                .setFlushMode(javax.persistence.FlushModeType.COMMIT)
                .setHint(org.eclipse.persistence.config.QueryHints.LEFT_FETCH, "c.contacts")
                .setHint(org.eclipse.persistence.config.QueryHints.LEFT_FETCH, "c.tags");
        for (String v : new HashSet<>(values)) {
            for (ClientEntity e : q.setParameter("value", v).getResultList()) {
                Client c = ClientMapper.toClient(e);
                out.put(key.apply(c), c);
            }
        }
        // nothing is pending between the writer's calls (each flushes): keep the context small
        em.clear();
        return out;
    }

    @Override
    public long nextValues(String counter, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        if (em.find(CounterEntity.class, counter) == null) {
            createCounter.accept(counter);
        }
        em.createQuery("UPDATE Counter k SET k.value = k.value + :n WHERE k.name = :name")
                .setParameter("n", (long) count)
                .setParameter("name", counter)
                .executeUpdate();
        long last = em.createQuery("SELECT k.value FROM Counter k WHERE k.name = :name", Long.class)
                .setParameter("name", counter)
                .getSingleResult();
        return last - count + 1;
    }

    /**
     * Persists all clients (with contacts and tags) and flushes once, so that EclipseLink
     * sends the inserts as JDBC batches; then writes their search tokens, 9 to 13 rows per
     * client, as one JDBC batch of its own on the transaction's connection
     * ({@link #insertTokens}). The caller has checked numbers and tax IDs.
     */
    @Override
    public List<Client> insertAll(List<Client> clients) {
        List<ClientEntity> entities = new ArrayList<>(clients.size());
        for (Client client : clients) {
            ClientEntity entity = ClientMapper.newEntity(client);
            em.persist(entity);
            entities.add(entity);
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            Optional<String> field = UniqueViolation.field(e);
            if (field.isEmpty()) {
                throw e;
            }
            throw new DuplicateException(field.get(), "(one of the batch)", null, null, null);
        }
        insertTokens(entities, clients);
        List<Client> stored = new ArrayList<>(entities.size());
        for (ClientEntity e : entities) {
            stored.add(ClientMapper.toClient(e));
        }
        em.clear();
        return stored;
    }

    /**
     * The rows that {@link #addTokens} persists for each client, written with a plain JDBC
     * batch in the same transaction: token rows are never read back as objects, and the unit
     * of work's registration, change sets and row building for 9 to 13 of them per client cost
     * about a fifth of an import's CPU (2.66 against 2.17 ms per client, io README, round 2).
     * Same columns and values ({@link SearchTokenEntity#bind}; {@code BulkTokenRowsTest}).
     */
    private void insertTokens(List<ClientEntity> entities, List<Client> clients) {
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement insert = connection.prepareStatement(SearchTokenEntity.INSERT)) {
            for (int i = 0; i < entities.size(); i++) {
                for (String token : SearchTokens.of(clients.get(i))) {
                    SearchTokenEntity.bind(insert, entities.get(i), token);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("Could not write the search tokens of " + clients.size() + " clients", e);
        }
    }

    @Override
    public void appendAll(List<Activity> activities) {
        for (Activity a : activities) {
            em.persist(ClientMapper.newEntity(a));
        }
        em.flush();
        em.clear();
    }

    private static DuplicateException duplicate(String field, String value, Client existing) {
        return new DuplicateException(field, value, existing.id(), existing.number(), existing.legalName());
    }
}
