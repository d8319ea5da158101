package org.clientele.persistence.internal;

import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.clientele.api.Activity;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.Page;
import org.clientele.persistence.internal.entity.ActivityEntity;
import org.clientele.persistence.internal.entity.ClientEntity;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/** The queries, shared by reads on their own and reads inside a write transaction. */
final class ClientReads {

    private final EntityManager em;
    private final SearchTotals totals;
    private final ClientsByKeys.Loader direct;

    ClientReads(EntityManager em) {
        this(em, SearchTotals.NONE, ClientsByKeys.Loader.NONE);
    }

    /**
     * With the totals of list queries that the store keeps, and a loader that reads list pages
     * outside the unit (only outside transactions: it would not see a transaction's own writes).
     */
    ClientReads(EntityManager em, SearchTotals totals, ClientsByKeys.Loader direct) {
        this.em = em;
        this.totals = totals;
        this.direct = direct;
    }

    Optional<ClientEntity> entity(String id) {
        return clientWhere("c.publicId = :value", id);
    }

    /** One client with its contacts and tags in a single statement: the hot read path. */
    Optional<Client> find(String id) {
        return em.createNamedQuery(ClientEntity.BY_PUBLIC_ID, ClientEntity.class)
                .setParameter("id", id)
                .getResultList().stream().findFirst().map(ClientMapper::toClient);
    }

    /**
     * {@link #find} for a read outside any write: the entities are only mapped to a record,
     * so EclipseLink need not register them or keep a backup copy for change tracking
     * ({@code eclipselink.read-only}). Inside a transaction it is plain {@link #find}: a
     * read-only query would not see the transaction's own unflushed changes.
     */
    Optional<Client> findOutsideWrite(String id) {
        if (em.isJoinedToTransaction()) {
            return find(id);
        }
        return em.createNamedQuery(ClientEntity.BY_PUBLIC_ID, ClientEntity.class)
                .setParameter("id", id)
                .setHint(QueryHints.READ_ONLY, HintValues.TRUE)
                .getResultList().stream().findFirst().map(ClientMapper::toClient);
    }

    Optional<Client> findByTaxId(String taxId) {
        return clientWhere("c.taxId = :value", taxId).map(ClientMapper::toClient);
    }

    Optional<Client> findByNumber(String number) {
        return clientWhere("c.number = :value", number).map(ClientMapper::toClient);
    }

    List<Client> findSimilar(String legalName, String postalCode, int max) {
        if (max <= 0) {
            return List.of();
        }
        return em.createQuery("SELECT c FROM Client c WHERE c.postalKey = :postal AND c.nameKey = :name"
                        + " ORDER BY c.pk", ClientEntity.class)
                .setParameter("postal", ClientMapper.postalKey(postalCode))
                .setParameter("name", ClientMapper.nameKey(legalName))
                .setMaxResults(max)
                .getResultList().stream().map(ClientMapper::toClient).toList();
    }

    Page<Client> search(ClientQuery query) {
        return new ClientSearch(em, totals, direct).run(query);
    }

    Page<Activity> activity(String clientId, int limit, int offset) {
        int pageSize = Pages.limit(limit);
        int start = Pages.offset(offset);
        List<Activity> items = em.createQuery("SELECT a FROM Activity a WHERE a.clientId = :id"
                        + " ORDER BY a.occurredAt DESC, a.pk DESC", ActivityEntity.class)
                .setParameter("id", clientId)
                .setFirstResult(start)
                .setMaxResults(pageSize)
                .getResultList().stream().map(ClientMapper::toActivity).toList();
        long total = Pages.knownTotal(items.size(), pageSize, start)
                ? start + items.size()
                : em.createQuery("SELECT COUNT(a) FROM Activity a WHERE a.clientId = :id", Long.class)
                        .setParameter("id", clientId).getSingleResult();
        return new Page<>(items, total, limit, offset);
    }

    /** The client for which a condition on a unique column holds. */
    private Optional<ClientEntity> clientWhere(String condition, String value) {
        return em.createQuery("SELECT c FROM Client c WHERE " + condition, ClientEntity.class)
                .setParameter("value", value)
                .getResultList().stream().findFirst();
    }
}
