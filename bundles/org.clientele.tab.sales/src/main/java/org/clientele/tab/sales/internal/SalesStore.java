package org.clientele.tab.sales.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.clientele.api.ClientException;
import org.clientele.api.FieldError;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.ValidationException;
import org.clientele.api.VersionConflictException;
import org.clientele.api.spi.ClientHold;
import org.clientele.lib.summary.Summary.Key;
import org.clientele.lib.summary.Summary.Totals;
import org.clientele.lib.summary.Summary;
import org.clientele.tab.sales.internal.Records.Amounts;
import org.clientele.tab.sales.internal.Records.Deal;
import org.clientele.tab.sales.internal.Records.DealDraft;
import org.clientele.tab.sales.internal.Records.Invoice;
import org.clientele.tab.sales.internal.Records.InvoiceDraft;
import org.clientele.tab.sales.internal.Records.InvoiceFigures;
import org.clientele.tab.sales.internal.Records.Order;
import org.clientele.tab.sales.internal.Records.OrderDraft;
import org.clientele.tab.sales.internal.Records.OrderFigures;
import org.clientele.tab.sales.internal.Records.Quote;
import org.clientele.tab.sales.internal.Records.QuoteDraft;
import org.clientele.tab.sales.internal.entity.DealEntity;
import org.clientele.tab.sales.internal.entity.InvoiceEntity;
import org.clientele.tab.sales.internal.entity.OrderEntity;
import org.clientele.tab.sales.internal.entity.QuoteEntity;
import org.clientele.tab.sales.internal.entity.RecordEntity;
import org.clientele.tab.sales.internal.entity.SummaryEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders, invoices, deals and quotes on the {@code clientele-sales} persistence unit. Writes
 * run in a JTA transaction (joining the caller's), reads join one when there is one. Changes
 * lock the row and compare the caller's version first, so a stale write is refused with
 * {@link VersionConflictException} and never overwrites another.
 *
 * <p>The overview figures come from per-client summary rows ({@code sal_summary}: orders per
 * status and currency, invoices per kind, status, currency and due date, each with its count
 * and amount), which every write of an order or invoice changes in its own transaction (see
 * {@link Summary}): one aggregate query per section over a few rows instead of thousands of
 * records. {@link #recompute} gives the same rows by aggregates over the records: it fills the
 * summary once for databases written before it existed, and the tests hold the summary
 * against it.
 *
 * <p>Callers check that the client exists; this store only keeps records by client id.
 */
@Component(service = SalesStore.class, name = "org.clientele.tab.sales.store")
public class SalesStore {

    /** An expected version that matches any (If-Match {@code *}). */
    public static final long ANY_VERSION = -1;

    private static final Logger LOG = LoggerFactory.getLogger(SalesStore.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final JpaTemplate jpa;
    private final ClientHold hold;
    private final Clock clock;

    @Activate
    public SalesStore(@Reference(target = "(osgi.unit.name=clientele-sales)") JpaTemplate jpa,
            @Reference ClientHold hold) {
        this(jpa, hold, Clock.systemUTC());
        // Deploy the unit now, outside any caller's transaction, so that its DDL does not hold
        // locks inside one (see the persistence bundle's JpaClientStore).
        if (!ping()) {
            LOG.warn("The clientele-sales database does not answer yet");
        } else {
            backfill();
        }
    }

    /** @param hold called first in every transaction that creates records of a client */
    SalesStore(JpaTemplate jpa, ClientHold hold, Clock clock) {
        this.jpa = jpa;
        this.hold = hold;
        this.clock = clock;
    }

    boolean ping() {
        try {
            return jpa.txExpr(TransactionType.Supports,
                    em -> em.createQuery("SELECT COUNT(o) FROM SalesOrder o").getSingleResult() != null);
        } catch (RuntimeException e) {
            LOG.debug("The clientele-sales database does not answer", e);
            return false;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---- orders

    public Order createOrder(String clientId, OrderDraft d) {
        return write(em -> {
            hold.hold(clientId);
            uniqueNumber(em, "SalesOrder", "number", d.number(), null);
            OrderEntity e = new OrderEntity(UUID.randomUUID().toString(), clientId, now());
            e.set(d.number(), d.date(), d.amount(), d.currency(), d.status());
            em.persist(e);
            flushed(em, e);
            count(summary(), e, 1).apply(em);
            return order(e);
        });
    }

    public Order order(String id) {
        return read(em -> order(find(em, OrderEntity.class, "SalesOrder", "order", id)));
    }

    public Order updateOrder(String id, long expectedVersion, OrderDraft d) {
        return write(em -> {
            OrderEntity e = locked(em, OrderEntity.class, "SalesOrder", "Order", id, expectedVersion);
            uniqueNumber(em, "SalesOrder", "number", d.number(), e.getPk());
            Summary summary = count(summary(), e, -1);
            e.set(d.number(), d.date(), d.amount(), d.currency(), d.status());
            e.touch(now());
            flushed(em, e);
            count(summary, e, 1).apply(em);
            return order(e);
        });
    }

    public void deleteOrder(String id, long expectedVersion) {
        write(em -> {
            OrderEntity e = locked(em, OrderEntity.class, "SalesOrder", "Order", id, expectedVersion);
            em.remove(e);
            em.flush();
            count(summary(), e, -1).apply(em);
            return null;
        });
    }

    public Page<Order> orders(String clientId, int limit, int offset) {
        return read(em -> page(em, OrderEntity.class, "SalesOrder", clientId, "", Map.of(),
                "r.date DESC, r.pk DESC", limit, offset, SalesStore::order, new Seek("date", KIND_ORDER_DAY, null)));
    }

    // ---- invoices

    public Invoice createInvoice(String clientId, InvoiceDraft d) {
        return write(em -> {
            hold.hold(clientId);
            uniqueNumber(em, "SalesInvoice", "numberKey", InvoiceEntity.numberKey(d.kind(), clientId, d.number()), null);
            InvoiceEntity e = new InvoiceEntity(UUID.randomUUID().toString(), clientId, now());
            e.set(d.kind(), d.number(), d.issueDate(), d.dueDate(), d.amount(), d.currency(), d.status());
            em.persist(e);
            flushed(em, e);
            count(summary(), e, 1).apply(em);
            return invoice(e);
        });
    }

    public Invoice invoice(String id) {
        return read(em -> invoice(find(em, InvoiceEntity.class, "SalesInvoice", "invoice", id)));
    }

    public Invoice updateInvoice(String id, long expectedVersion, InvoiceDraft d) {
        return write(em -> {
            InvoiceEntity e = locked(em, InvoiceEntity.class, "SalesInvoice", "Invoice", id, expectedVersion);
            uniqueNumber(em, "SalesInvoice", "numberKey", InvoiceEntity.numberKey(d.kind(), e.getClientId(), d.number()),
                    e.getPk());
            Summary summary = count(summary(), e, -1);
            e.set(d.kind(), d.number(), d.issueDate(), d.dueDate(), d.amount(), d.currency(), d.status());
            e.touch(now());
            flushed(em, e);
            count(summary, e, 1).apply(em);
            return invoice(e);
        });
    }

    public void deleteInvoice(String id, long expectedVersion) {
        write(em -> {
            InvoiceEntity e = locked(em, InvoiceEntity.class, "SalesInvoice", "Invoice", id, expectedVersion);
            em.remove(e);
            em.flush();
            count(summary(), e, -1).apply(em);
            return null;
        });
    }

    /** A page of a client's invoices, newest issue date first; {@code kind} null for both kinds. */
    public Page<Invoice> invoices(String clientId, InvoiceKind kind, int limit, int offset) {
        return read(em -> page(em, InvoiceEntity.class, "SalesInvoice", clientId,
                kind == null ? "" : " AND r.kind = :kind", kind == null ? Map.of() : Map.of("kind", kind),
                "r.issueDate DESC, r.pk DESC", limit, offset, SalesStore::invoice,
                new Seek("issueDate", KIND_INVOICE_DAY, kind == null ? null : kind.name())));
    }

    // ---- deals

    public Deal createDeal(String clientId, DealDraft d) {
        return write(em -> {
            hold.hold(clientId);
            DealEntity e = new DealEntity(UUID.randomUUID().toString(), clientId, now());
            e.set(d.title(), d.stage(), d.amount(), d.currency());
            em.persist(e);
            return deal(flushed(em, e));
        });
    }

    public Deal deal(String id) {
        return read(em -> deal(find(em, DealEntity.class, "SalesDeal", "deal", id)));
    }

    public Deal updateDeal(String id, long expectedVersion, DealDraft d) {
        return write(em -> {
            DealEntity e = locked(em, DealEntity.class, "SalesDeal", "Deal", id, expectedVersion);
            e.set(d.title(), d.stage(), d.amount(), d.currency());
            e.touch(now());
            return deal(flushed(em, e));
        });
    }

    public void deleteDeal(String id, long expectedVersion) {
        write(em -> {
            em.remove(locked(em, DealEntity.class, "SalesDeal", "Deal", id, expectedVersion));
            return null;
        });
    }

    public Page<Deal> deals(String clientId, int limit, int offset) {
        return read(em -> page(em, DealEntity.class, "SalesDeal", clientId, "", Map.of(),
                "r.createdAt DESC, r.pk DESC", limit, offset, SalesStore::deal, null));
    }

    // ---- quotes

    public Quote createQuote(String clientId, QuoteDraft d) {
        return write(em -> {
            hold.hold(clientId);
            uniqueNumber(em, "SalesQuote", "number", d.number(), null);
            QuoteEntity e = new QuoteEntity(UUID.randomUUID().toString(), clientId, now());
            e.set(d.number(), d.amount(), d.currency(), d.validUntil(), d.status());
            em.persist(e);
            return quote(flushed(em, e));
        });
    }

    public Quote quote(String id) {
        return read(em -> quote(find(em, QuoteEntity.class, "SalesQuote", "quote", id)));
    }

    public Quote updateQuote(String id, long expectedVersion, QuoteDraft d) {
        return write(em -> {
            QuoteEntity e = locked(em, QuoteEntity.class, "SalesQuote", "Quote", id, expectedVersion);
            uniqueNumber(em, "SalesQuote", "number", d.number(), e.getPk());
            e.set(d.number(), d.amount(), d.currency(), d.validUntil(), d.status());
            e.touch(now());
            return quote(flushed(em, e));
        });
    }

    public void deleteQuote(String id, long expectedVersion) {
        write(em -> {
            em.remove(locked(em, QuoteEntity.class, "SalesQuote", "Quote", id, expectedVersion));
            return null;
        });
    }

    public Page<Quote> quotes(String clientId, int limit, int offset) {
        return read(em -> page(em, QuoteEntity.class, "SalesQuote", clientId, "", Map.of(),
                "r.createdAt DESC, r.pk DESC", limit, offset, SalesStore::quote, null));
    }

    // ---- overview figures (aggregates only)

    /**
     * Non-cancelled orders, completed ones, and the non-cancelled sums per currency (the
     * currencies that have such orders): one query over the client's summary rows.
     */
    public OrderFigures orderFigures(String clientId) {
        return read(em -> orderFigures(em.createQuery("SELECT s.currency, SUM(s.records),"
                + " SUM(CASE WHEN s.status = :completed THEN s.records ELSE 0 END), SUM(s.amount)"
                + " FROM SalesSummary s WHERE s.clientId = :client AND s.kind = :order AND s.status <> :cancelled"
                + " GROUP BY s.currency HAVING SUM(s.records) > 0", Object[].class)
                .setParameter("client", clientId)
                .setParameter("order", KIND_ORDER)
                .setParameter("completed", OrderStatus.COMPLETED.name())
                .setParameter("cancelled", OrderStatus.CANCELLED.name())
                .getResultList()));
    }

    /**
     * The client's issued, unpaid sales invoices as a partition: approved and not overdue,
     * pending and not overdue, overdue (approved or pending, due before {@code today}); with
     * the sums per currency (the currencies that have such invoices). One query over the
     * client's summary rows, which keep invoices per due date.
     */
    public InvoiceFigures invoiceFigures(String clientId, LocalDate today) {
        return read(em -> invoiceFigures(em.createQuery("SELECT s.currency,"
                + " SUM(CASE WHEN s.status = :approved AND s.epochDay >= :today THEN s.records ELSE 0 END),"
                + " SUM(CASE WHEN s.status = :pending AND s.epochDay >= :today THEN s.records ELSE 0 END),"
                + " SUM(CASE WHEN s.epochDay < :today THEN s.records ELSE 0 END),"
                + " SUM(CASE WHEN s.status = :approved AND s.epochDay >= :today THEN s.amount ELSE 0 END),"
                + " SUM(CASE WHEN s.status = :pending AND s.epochDay >= :today THEN s.amount ELSE 0 END),"
                + " SUM(CASE WHEN s.epochDay < :today THEN s.amount ELSE 0 END)"
                + " FROM SalesSummary s WHERE s.clientId = :client AND s.kind = :sales"
                + " AND s.status IN (:approved, :pending)"
                + " GROUP BY s.currency HAVING SUM(s.records) > 0", Object[].class)
                .setParameter("client", clientId)
                .setParameter("sales", invoiceKind(InvoiceKind.SALES))
                .setParameter("approved", InvoiceStatus.APPROVED.name())
                .setParameter("pending", InvoiceStatus.PENDING.name())
                .setParameter("today", today.toEpochDay())
                .getResultList()));
    }

    /** {@link #orderFigures} the straightforward way, by an aggregate over the records (the tests' reference). */
    OrderFigures orderFiguresFromRecords(String clientId) {
        return read(em -> orderFigures(em.createQuery("SELECT o.currency, COUNT(o),"
                + " SUM(CASE WHEN o.status = :completed THEN 1 ELSE 0 END), SUM(o.amount)"
                + " FROM SalesOrder o WHERE o.clientId = :client AND o.status <> :cancelled"
                + " GROUP BY o.currency", Object[].class)
                .setParameter("client", clientId)
                .setParameter("completed", OrderStatus.COMPLETED)
                .setParameter("cancelled", OrderStatus.CANCELLED)
                .getResultList()));
    }

    /** {@link #invoiceFigures} the straightforward way, by an aggregate over the records (the tests' reference). */
    InvoiceFigures invoiceFiguresFromRecords(String clientId, LocalDate today) {
        return read(em -> invoiceFigures(em.createQuery("SELECT i.currency,"
                + " SUM(CASE WHEN i.status = :approved AND i.dueDate >= :today THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN i.status = :pending AND i.dueDate >= :today THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN i.dueDate < :today THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN i.status = :approved AND i.dueDate >= :today THEN i.amount ELSE 0 END),"
                + " SUM(CASE WHEN i.status = :pending AND i.dueDate >= :today THEN i.amount ELSE 0 END),"
                + " SUM(CASE WHEN i.dueDate < :today THEN i.amount ELSE 0 END)"
                + " FROM SalesInvoice i WHERE i.clientId = :client AND i.kind = :sales"
                + " AND i.status IN (:approved, :pending)"
                + " GROUP BY i.currency", Object[].class)
                .setParameter("client", clientId)
                .setParameter("sales", InvoiceKind.SALES)
                .setParameter("approved", InvoiceStatus.APPROVED)
                .setParameter("pending", InvoiceStatus.PENDING)
                .setParameter("today", today)
                .getResultList()));
    }

    private static OrderFigures orderFigures(List<Object[]> rows) {
        long count = 0;
        long completed = 0;
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (Object[] row : rows) {
            count += number(row[1]);
            completed += number(row[2]);
            totals.put(((String) row[0]).strip(), Money.scaled(decimal(row[3])));
        }
        return new OrderFigures(count, completed, totals);
    }

    private static InvoiceFigures invoiceFigures(List<Object[]> rows) {
        long approved = 0;
        long pending = 0;
        long overdue = 0;
        Map<String, Amounts> amounts = new TreeMap<>();
        for (Object[] row : rows) {
            approved += number(row[1]);
            pending += number(row[2]);
            overdue += number(row[3]);
            amounts.put(((String) row[0]).strip(), new Amounts(Money.scaled(decimal(row[4])),
                    Money.scaled(decimal(row[5])), Money.scaled(decimal(row[6]))));
        }
        return new InvoiceFigures(approved, pending, overdue, amounts);
    }

    // ---- the summary rows

    static final String KIND_ORDER = "ORDER";
    /** Orders per order date (the orders page's order), status and currency empty. */
    static final String KIND_ORDER_DAY = "ORDER_DAY";
    /** Invoices per issue date (the invoices page's order) and kind (in the status column). */
    static final String KIND_INVOICE_DAY = "INVOICE_DAY";
    /** The row that says the summary has been filled from the records once. */

    static String invoiceKind(InvoiceKind kind) {
        return kind.name() + "_INVOICE";
    }

    static Summary summary() {
        return new Summary(SummaryEntity.TABLE);
    }

    static Summary count(Summary s, OrderEntity o, int sign) {
        s.add(new Key(o.getClientId(), KIND_ORDER_DAY, Summary.NO_STATUS, Summary.NO_CURRENCY,
                Summary.day(o.getDate())), sign, null);
        return s.add(new Key(o.getClientId(), KIND_ORDER, o.getStatus().name(), o.getCurrency().strip(),
                Summary.ANY_DAY), sign, sign < 0 ? o.getAmount().negate() : o.getAmount());
    }

    static Summary count(Summary s, InvoiceEntity i, int sign) {
        s.add(new Key(i.getClientId(), KIND_INVOICE_DAY, i.getKind().name(), Summary.NO_CURRENCY,
                Summary.day(i.getIssueDate())), sign, null);
        return s.add(new Key(i.getClientId(), invoiceKind(i.getKind()), i.getStatus().name(), i.getCurrency().strip(),
                Summary.day(i.getDueDate())), sign, sign < 0 ? i.getAmount().negate() : i.getAmount());
    }

    /**
     * What the summary rows must hold, computed from the records by aggregate queries: for
     * one client, or for all ({@code clientId} null). Buckets without records are left out.
     */
    static Map<Key, Totals> recompute(EntityManager em, String clientId) {
        String where = clientId == null ? "" : " WHERE x.clientId = :c";
        Map<Key, Totals> rows = new HashMap<>();
        for (Object[] r : param(em.createQuery("SELECT x.clientId, x.status, x.currency, COUNT(x), SUM(x.amount)"
                + " FROM SalesOrder x" + where + " GROUP BY x.clientId, x.status, x.currency", Object[].class),
                clientId).getResultList()) {
            rows.put(new Key((String) r[0], KIND_ORDER, ((OrderStatus) r[1]).name(), ((String) r[2]).strip(),
                    Summary.ANY_DAY), new Totals(number(r[3]), Money.scaled(decimal(r[4]))));
        }
        for (Object[] r : param(em.createQuery("SELECT x.clientId, x.date, COUNT(x) FROM SalesOrder x" + where
                + " GROUP BY x.clientId, x.date", Object[].class), clientId).getResultList()) {
            rows.put(new Key((String) r[0], KIND_ORDER_DAY, Summary.NO_STATUS, Summary.NO_CURRENCY,
                    Summary.day((LocalDate) r[1])), new Totals(number(r[2]), Money.scaled(null)));
        }
        for (Object[] r : param(em.createQuery("SELECT x.clientId, x.kind, x.issueDate, COUNT(x) FROM SalesInvoice x"
                + where + " GROUP BY x.clientId, x.kind, x.issueDate", Object[].class), clientId).getResultList()) {
            rows.put(new Key((String) r[0], KIND_INVOICE_DAY, ((InvoiceKind) r[1]).name(), Summary.NO_CURRENCY,
                    Summary.day((LocalDate) r[2])), new Totals(number(r[3]), Money.scaled(null)));
        }
        for (Object[] r : param(em.createQuery("SELECT x.clientId, x.kind, x.status, x.currency, x.dueDate,"
                + " COUNT(x), SUM(x.amount) FROM SalesInvoice x" + where
                + " GROUP BY x.clientId, x.kind, x.status, x.currency, x.dueDate", Object[].class),
                clientId).getResultList()) {
            rows.put(new Key((String) r[0], invoiceKind((InvoiceKind) r[1]), ((InvoiceStatus) r[2]).name(),
                    ((String) r[3]).strip(), Summary.day((LocalDate) r[4])),
                    new Totals(number(r[5]), Money.scaled(decimal(r[6]))));
        }
        return rows;
    }

    /** The summary rows as stored: for one client or all; empty buckets and the marker left out. */
    static Map<Key, Totals> stored(EntityManager em, String clientId) {
        return Summary.stored(em, "SalesSummary", clientId);
    }

    /** The summary rows of all clients, as stored (for tests). */
    Map<Key, Totals> storedSummary() {
        return read(em -> stored(em, null));
    }

    /** The summary rows of all clients, recomputed from the records (for tests). */
    Map<Key, Totals> recomputedSummary() {
        return read(em -> recompute(em, null));
    }

    /**
     * Fills the summary rows from the records once, for a database written before they
     * existed: in one transaction, marked done by a marker row. Nothing to do (one key
     * lookup) once the marker is there; a new database gets the marker at once.
     */
    boolean backfill() {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                int filled = Summary.backfill(em, SummaryEntity.class, "SalesSummary", SummaryEntity.TABLE,
                        db -> recompute(db, null));
                if (filled < 0) {
                    return false;
                }
                LOG.info("Filled {} summary rows of the sales overview from the records", filled);
                return true;
            });
        } catch (RuntimeException e) {
            // e.g. another node filled it at the same time (its marker collides with ours)
            LOG.warn("Could not fill the sales summary (another node may have done it)", e);
            return false;
        }
    }

    private static <Q extends TypedQuery<?>> Q param(Q q, String clientId) {
        if (clientId != null) {
            q.setParameter("c", clientId);
        }
        return q;
    }

    // ---- erasure

    /** Whether the client has any order, invoice, deal or quote; joins the caller's transaction. */
    public boolean holds(String clientId) {
        return write(em -> {
            for (String entity : RECORDS) {
                if (!em.createQuery("SELECT r.clientId FROM " + entity + " r WHERE r.clientId = :client", String.class)
                        .setParameter("client", clientId).setMaxResults(1).getResultList().isEmpty()) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The entities of a client's records. */
    private static final List<String> RECORDS = List.of("SalesOrder", "SalesInvoice", "SalesDeal", "SalesQuote");

    /** Deletes every order, invoice, deal and quote of the client; joins the caller's transaction. */
    public int erase(String clientId) {
        return write(em -> {
            int n = 0;
            for (String entity : RECORDS) {
                n += em.createQuery("DELETE FROM " + entity + " r WHERE r.clientId = :client")
                        .setParameter("client", clientId).executeUpdate();
            }
            em.createQuery("DELETE FROM SalesSummary s WHERE s.clientId = :client").setParameter("client", clientId)
                    .executeUpdate();
            return n;
        });
    }

    // ---- helpers

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal decimal(Object value) {
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        return new BigDecimal(value.toString());
    }

    private static <E extends RecordEntity> E find(EntityManager em, Class<E> type, String entity, String kind,
            String id) {
        List<E> found = em.createQuery("SELECT r FROM " + entity + " r WHERE r.publicId = :id", type)
                .setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException(kind, id);
        }
        return found.get(0);
    }

    /** The record, locked for this transaction, if it is at {@code expectedVersion}. */
    private static <E extends RecordEntity> E locked(EntityManager em, Class<E> type, String entity, String kind,
            String id, long expectedVersion) {
        List<E> found = em.createQuery("SELECT r FROM " + entity + " r WHERE r.publicId = :id", type)
                .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException(kind.toLowerCase(Locale.ROOT), id);
        }
        E e = found.get(0);
        if (expectedVersion != ANY_VERSION && e.getVersion() != expectedVersion) {
            throw new VersionConflictException(kind, id, expectedVersion, e.getVersion());
        }
        return e;
    }

    private static void uniqueNumber(EntityManager em, String entity, String attribute, String value, Long exceptPk) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(r) FROM " + entity + " r WHERE r." + attribute + " = :value"
                + (exceptPk == null ? "" : " AND r.pk <> :pk"), Long.class).setParameter("value", value);
        if (exceptPk != null) {
            q.setParameter("pk", exceptPk);
        }
        long others = q.getSingleResult();
        if (others > 0) {
            throw duplicateNumber();
        }
    }

    private static ValidationException duplicateNumber() {
        return new ValidationException(new FieldError("number", Drafts.DUPLICATE,
                "Another record already has this number."));
    }

    /** Flushes so that the version is current and a unique violation surfaces here. */
    private static <E> E flushed(EntityManager em, E entity) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) {
                throw duplicateNumber();
            }
            throw e;
        }
        return entity;
    }

    private static boolean uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * How a page finds its first row without stepping over all the rows before it: by the
     * client's summary rows of {@code kind} (records per day of {@code attribute}, the page's
     * leading order; {@code status} narrows them when not null).
     */
    private record Seek(String attribute, String kind, String status) {
    }

    /**
     * A page in two steps: the page's keys from the client's (descending) index alone, which
     * Derby reads in order and stops after the page even when one client has most of the
     * rows (for whole rows it would rather scan and sort the table), then those rows.
     *
     * <p>With a {@link Seek}, the client's records per day (newest first) give the total and
     * the day the page starts on: the keys query then starts at that day in the index and
     * skips only the page's predecessors of that same day, instead of all {@code offset}
     * rows. Without, the total is a count and the keys query skips {@code offset} rows.
     */
    private static <E, R> Page<R> page(EntityManager em, Class<E> type, String entity, String clientId,
            String where, Map<String, Object> params, String orderBy, int limit, int offset, Function<E, R> map,
            Seek seek) {
        long total;
        long skip = offset;
        LocalDate from = null;
        if (seek == null) {
            TypedQuery<Long> count = em.createQuery(
                    "SELECT COUNT(r) FROM " + entity + " r WHERE r.clientId = :client" + where, Long.class);
            count.setParameter("client", clientId);
            params.forEach(count::setParameter);
            total = count.getSingleResult();
        } else {
            TypedQuery<Object[]> days = em.createQuery("SELECT s.epochDay, SUM(s.records) FROM SalesSummary s"
                    + " WHERE s.clientId = :client AND s.kind = :kind" + (seek.status() == null ? "" : " AND s.status = :status")
                    + " GROUP BY s.epochDay HAVING SUM(s.records) > 0 ORDER BY s.epochDay DESC", Object[].class)
                    .setParameter("client", clientId).setParameter("kind", seek.kind());
            if (seek.status() != null) {
                days.setParameter("status", seek.status());
            }
            total = 0;
            for (Object[] day : days.getResultList()) {
                long n = number(day[1]);
                if (from == null && total + n > offset) {
                    from = LocalDate.ofEpochDay(((Number) day[0]).longValue());
                    skip = offset - total;
                }
                total += n;
            }
        }
        List<Long> page = List.of();
        if (total > offset) {
            TypedQuery<Long> keys = em.createQuery("SELECT r.pk FROM " + entity + " r WHERE r.clientId = :client"
                    + where + (from == null ? "" : " AND r." + seek.attribute() + " <= :from") + " ORDER BY " + orderBy,
                    Long.class);
            keys.setParameter("client", clientId);
            params.forEach(keys::setParameter);
            if (from != null) {
                keys.setParameter("from", from);
            }
            page = keys.setFirstResult((int) skip).setMaxResults(limit).getResultList();
        }
        List<R> items = page.isEmpty() ? List.of()
                : em.createQuery("SELECT r FROM " + entity + " r WHERE r.pk IN :keys ORDER BY " + orderBy, type)
                        .setParameter("keys", page).getResultList().stream().map(map).toList();
        return new Page<>(items, total, limit, offset);
    }

    /** {@link #orders} the straightforward way: a count, {@code offset} rows skipped (the tests' reference). */
    Page<Order> ordersFromRecords(String clientId, int limit, int offset) {
        return read(em -> page(em, OrderEntity.class, "SalesOrder", clientId, "", Map.of(),
                "r.date DESC, r.pk DESC", limit, offset, SalesStore::order, null));
    }

    /** {@link #invoices} the straightforward way: a count, {@code offset} rows skipped (the tests' reference). */
    Page<Invoice> invoicesFromRecords(String clientId, InvoiceKind kind, int limit, int offset) {
        return read(em -> page(em, InvoiceEntity.class, "SalesInvoice", clientId,
                kind == null ? "" : " AND r.kind = :kind", kind == null ? Map.of() : Map.of("kind", kind),
                "r.issueDate DESC, r.pk DESC", limit, offset, SalesStore::invoice, null));
    }

    private <T> T write(EmFunction<T> code) {
        return run(TransactionType.Required, code);
    }

    private <T> T read(EmFunction<T> code) {
        return run(TransactionType.Supports, code);
    }

    private <T> T run(TransactionType type, EmFunction<T> code) {
        try {
            return jpa.txExpr(type, code);
        } catch (ClientException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Sales database operation failed", e);
            throw e;
        }
    }

    // ---- mapping

    private static Order order(OrderEntity e) {
        return new Order(e.getPublicId(), e.getClientId(), e.getNumber(), e.getDate(), e.getAmount(),
                e.getCurrency().strip(), e.getStatus(), e.getVersion(), e.getCreatedAt(), e.getUpdatedAt());
    }

    private static Invoice invoice(InvoiceEntity e) {
        return new Invoice(e.getPublicId(), e.getClientId(), e.getKind(), e.getNumber(), e.getIssueDate(),
                e.getDueDate(), e.getAmount(), e.getCurrency().strip(), e.getStatus(), e.getVersion(), e.getCreatedAt(),
                e.getUpdatedAt());
    }

    private static Deal deal(DealEntity e) {
        return new Deal(e.getPublicId(), e.getClientId(), e.getTitle(), e.getStage(), e.getAmount(),
                e.getCurrency().strip(), e.getVersion(), e.getCreatedAt(), e.getUpdatedAt());
    }

    private static Quote quote(QuoteEntity e) {
        return new Quote(e.getPublicId(), e.getClientId(), e.getNumber(), e.getAmount(), e.getCurrency().strip(),
                e.getValidUntil(), e.getStatus(), e.getVersion(), e.getCreatedAt(), e.getUpdatedAt());
    }
}
