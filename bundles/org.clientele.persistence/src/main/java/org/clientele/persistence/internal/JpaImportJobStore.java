package org.clientele.persistence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.clientele.api.FieldChange;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.io.RowError;
import org.clientele.api.io.RowOutcome;
import org.clientele.api.io.RowResult;
import org.clientele.api.store.ImportJobRecord;
import org.clientele.api.store.ImportJobStore;
import org.clientele.persistence.internal.entity.ImportJobEntity;
import org.clientele.persistence.internal.entity.ImportRowEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Import jobs in the {@code clientele} unit, next to the clients: a batch of clients and the
 * job's progress commit in one JTA transaction ({@link #inTransaction}).
 */
@Component(service = ImportJobStore.class, name = "org.clientele.persistence.imports")
public class JpaImportJobStore implements ImportJobStore {

    private static final char UNIT = '\u001f';
    private static final String NULL = "\u0000";

    private final JpaTemplate jpa;

    @Activate
    public JpaImportJobStore(@Reference(target = "(osgi.unit.name=clientele)") JpaTemplate jpa) {
        this.jpa = jpa;
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(j) FROM ImportJob j").getSingleResult());
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jpa.txExpr(TransactionType.Required, em -> work.get());
    }

    @Override
    public void insert(ImportJobRecord job) {
        jpa.tx(TransactionType.Required, em -> {
            ImportJobEntity e = new ImportJobEntity();
            copy(job, e);
            em.persist(e);
            em.flush();
        });
    }

    @Override
    public void update(ImportJobRecord job) {
        jpa.tx(TransactionType.Required, em -> {
            ImportJobEntity e = em.find(ImportJobEntity.class, job.id());
            if (e == null) {
                throw new NotFoundException("import", job.id());
            }
            copy(job, e);
            em.flush();
        });
    }

    @Override
    public Optional<ImportJobRecord> find(String id) {
        return jpa.txExpr(TransactionType.Supports,
                em -> Optional.ofNullable(em.find(ImportJobEntity.class, id)).map(JpaImportJobStore::toRecord));
    }

    @Override
    public List<ImportJobRecord> findByState(List<String> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT j FROM ImportJob j WHERE j.state IN :states ORDER BY j.createdAt", ImportJobEntity.class)
                .setParameter("states", states)
                .getResultList().stream().map(JpaImportJobStore::toRecord).toList());
    }

    @Override
    public void appendRows(String jobId, List<RowResult> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jpa.tx(TransactionType.Required, em -> {
            for (RowResult r : rows) {
                ImportRowEntity e = new ImportRowEntity();
                e.jobId = jobId;
                e.rowNo = r.row();
                e.outcome = r.outcome().name();
                e.clientId = r.clientId();
                e.number = r.number();
                e.changes = cut(changes(r.changes()));
                e.errors = cut(errors(r.errors()));
                em.persist(e);
            }
            em.flush();
            em.clear();
        });
    }

    @Override
    public Page<RowResult> rows(String jobId, RowOutcome outcome, int limit, int offset) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            String where = "r.jobId = :job" + (outcome == null ? "" : " AND r.outcome = :outcome");
            TypedQuery<ImportRowEntity> q = em.createQuery("SELECT r FROM ImportRow r WHERE " + where
                    + " ORDER BY r.rowNo", ImportRowEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM ImportRow r WHERE " + where, Long.class);
            bind(q, jobId, outcome);
            bind(count, jobId, outcome);
            List<RowResult> items = q.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(JpaImportJobStore::toResult).toList();
            return new Page<>(items, count.getSingleResult(), limit, offset);
        });
    }

    @Override
    public List<RowResult> rowsBefore(String jobId, long beforeRow, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT r FROM ImportRow r"
                        + " WHERE r.jobId = :job AND r.rowNo < :before ORDER BY r.rowNo DESC", ImportRowEntity.class)
                .setParameter("job", jobId).setParameter("before", beforeRow).setMaxResults(limit)
                .getResultList().stream().map(JpaImportJobStore::toResult).toList());
    }

    @Override
    public void deleteRows(String jobId, long afterRow) {
        jpa.tx(TransactionType.Required, em -> em.createQuery("DELETE FROM ImportRow r WHERE r.jobId = :job AND r.rowNo > :after")
                .setParameter("job", jobId).setParameter("after", afterRow).executeUpdate());
    }

    private static void bind(TypedQuery<?> q, String jobId, RowOutcome outcome) {
        q.setParameter("job", jobId);
        if (outcome != null) {
            q.setParameter("outcome", outcome.name());
        }
    }

    private static void copy(ImportJobRecord j, ImportJobEntity e) {
        e.id = j.id();
        e.user = j.user();
        e.fileName = j.fileName();
        e.mediaType = j.mediaType();
        e.sha256 = j.sha256();
        e.options = j.options();
        e.format = j.format();
        e.dialect = j.dialect();
        e.mapping = j.mapping();
        e.state = j.state();
        e.phase = j.phase();
        e.rowsTotal = j.rowsTotal();
        e.rowsDone = j.rowsDone();
        e.lastRow = j.lastRow();
        e.created = j.created();
        e.updated = j.updated();
        e.unchanged = j.unchanged();
        e.skipped = j.skipped();
        e.failed = j.failed();
        e.message = j.message() == null || j.message().length() <= 2000 ? j.message() : j.message().substring(0, 1999) + "…";
        e.createdAt = j.createdAt();
        e.finishedAt = j.finishedAt();
    }

    private static ImportJobRecord toRecord(ImportJobEntity e) {
        return new ImportJobRecord(e.id, e.user, e.fileName, e.mediaType, e.sha256, e.options, e.format, e.dialect,
                e.mapping, e.state, e.phase, e.rowsTotal, e.rowsDone, e.lastRow, e.created, e.updated, e.unchanged,
                e.skipped, e.failed, e.message, e.createdAt, e.finishedAt);
    }

    private static RowResult toResult(ImportRowEntity e) {
        List<FieldChange> changes = new ArrayList<>();
        for (List<String> p : lines(e.changes)) {
            changes.add(new FieldChange(p.get(0), p.get(1), p.get(2)));
        }
        List<RowError> errors = new ArrayList<>();
        for (List<String> p : lines(e.errors)) {
            errors.add(new RowError(p.get(0), p.get(1), p.get(2)));
        }
        return new RowResult(e.rowNo, RowOutcome.valueOf(e.outcome), e.clientId, e.number, changes, errors);
    }

    private static String cut(String text) {
        return text == null || text.length() <= ImportRowEntity.TEXT ? text : text.substring(0, ImportRowEntity.TEXT);
    }

    private static String changes(List<FieldChange> changes) {
        List<String[]> parts = new ArrayList<>();
        changes.forEach(c -> parts.add(new String[] {c.field(), c.oldValue(), c.newValue()}));
        return join(parts);
    }

    private static String errors(List<RowError> errors) {
        List<String[]> parts = new ArrayList<>();
        errors.forEach(e -> parts.add(new String[] {e.column(), e.code(), e.message()}));
        return join(parts);
    }

    /** Records of three parts; U+001E between records, U+001F between parts, U+0000 for null. */
    private static String join(List<String[]> records) {
        if (records.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : records) {
            if (sb.length() > 0) {
                sb.append('\u001e');
            }
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    sb.append(UNIT);
                }
                sb.append(r[i] == null ? NULL : r[i]);
            }
        }
        return sb.toString();
    }

    private static List<List<String>> lines(String text) {
        List<List<String>> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String record : text.split("\u001e", -1)) {
            List<String> parts = new ArrayList<>();
            for (String p : record.split(String.valueOf(UNIT), -1)) {
                parts.add(NULL.equals(p) ? null : p);
            }
            while (parts.size() < 3) {
                parts.add(null);
            }
            out.add(parts);
        }
        return out;
    }

}
