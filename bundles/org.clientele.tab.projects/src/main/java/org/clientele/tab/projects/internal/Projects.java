package org.clientele.tab.projects.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.clientele.api.FieldError;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.ValidationException;
import org.clientele.api.VersionConflictException;
import org.clientele.api.spi.ClientHold;
import org.clientele.lib.summary.Summary.Key;
import org.clientele.lib.summary.Summary.Totals;
import org.clientele.lib.summary.Summary;
import org.clientele.tab.projects.internal.Drafts.ProjectDraft;
import org.clientele.tab.projects.internal.Drafts.ProjectStatus;
import org.clientele.tab.projects.internal.Drafts.TaskDraft;
import org.clientele.tab.projects.internal.Drafts.TaskStatus;
import org.clientele.tab.projects.internal.Drafts.TimeEntryDraft;
import org.clientele.tab.projects.internal.Views.ProjectView;
import org.clientele.tab.projects.internal.Views.TaskView;
import org.clientele.tab.projects.internal.Views.TimeEntryView;
import org.clientele.tab.projects.internal.entity.ProjectEntity;
import org.clientele.tab.projects.internal.entity.SummaryEntity;
import org.clientele.tab.projects.internal.entity.TaskEntity;
import org.clientele.tab.projects.internal.entity.TimeEntryEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects, time entries and tasks on the {@code clientele-projects} unit. Writes run in a
 * JTA transaction (joining the caller's), reads join one when there is one. The caller
 * checks that a client exists.
 *
 * <p>The overview's figures come from per-client summary rows ({@code PRJ_SUMMARY}: projects
 * per status, time entries with their hours, tasks per status and due date), which every
 * write changes in its own transaction (see {@link Summary}); the overview sums a few of
 * those rows instead of thousands of records. {@link #recompute} is the same figures by
 * aggregate queries over the records: it fills the summary once for databases written
 * before it existed, and tests hold the summary against it.
 */
@Component(service = Projects.class, name = "org.clientele.tab.projects.store")
public class Projects {
    /** An expected version that matches any (If-Match {@code *}). */
    public static final long ANY_VERSION = -1;

    static final String PROJECT = "Project";
    static final String TASK = "Task";
    static final String TIME_ENTRY = "Time entry";

    private static final Logger LOG = LoggerFactory.getLogger(Projects.class);

    private final JpaTemplate jpa;
    private final ClientHold hold;
    private final LongSupplier clock;

    @Activate
    public Projects(@Reference(target = "(osgi.unit.name=clientele-projects)") JpaTemplate jpa,
            @Reference ClientHold hold) {
        this(jpa, hold, System::currentTimeMillis);
    }

    /** @param hold called first in every transaction that creates records of a client */
    Projects(JpaTemplate jpa, ClientHold hold, LongSupplier clock) {
        this.jpa = jpa;
        this.hold = hold;
        this.clock = clock;
        // Deploy the unit (and create or extend its tables) now, outside any caller's transaction.
        try {
            jpa.txExpr(TransactionType.Supports,
                    em -> em.createQuery("SELECT COUNT(p) FROM PrjProject p").getSingleResult());
        } catch (RuntimeException e) {
            LOG.warn("The clientele-projects unit does not answer yet", e);
            return;
        }
        backfill();
    }

    // ---- projects

    public ProjectView createProject(String clientId, ProjectDraft draft) {
        return write(em -> {
            hold.hold(clientId);
            ProjectEntity p = new ProjectEntity(clientId, draft.name(), draft.status().name(), clock.getAsLong());
            em.persist(p);
            em.flush();
            count(summary(), p, 1).apply(em);
            return projectView(p, BigDecimal.ZERO, 0);
        });
    }

    public ProjectView project(String pid) {
        return read(em -> {
            ProjectEntity p = findProject(em, pid);
            return projectView(p, hoursOf(em, List.of(p.getPk())).get(p.getPk()),
                    openTasksOf(em, List.of(p.getPk())).getOrDefault(p.getPk(), 0L));
        });
    }

    /** A client's projects by name, each with its booked hours and open tasks. */
    public Page<ProjectView> projects(String clientId, int limit, int offset) {
        return read(em -> {
            // the count from the summary rows: a few rows instead of all the client's projects
            long total = summed(em, clientId, KIND_PROJECT, null);
            // the page's keys from the (client, name, pk) index alone, then those rows: for whole
            // rows Derby would rather scan and sort a table in which one client has most rows
            List<Long> keys = em.createQuery(
                    "SELECT p.pk FROM PrjProject p WHERE p.clientId = :c ORDER BY p.name, p.pk", Long.class)
                    .setParameter("c", clientId).setFirstResult(offset).setMaxResults(limit).getResultList();
            List<ProjectEntity> rows = keys.isEmpty() ? List.of() : em.createQuery(
                    "SELECT p FROM PrjProject p WHERE p.pk IN :keys ORDER BY p.name, p.pk", ProjectEntity.class)
                    .setParameter("keys", keys).getResultList();
            List<Long> pks = rows.stream().map(ProjectEntity::getPk).toList();
            Map<Long, BigDecimal> hours = hoursOf(em, pks);
            Map<Long, Long> open = openTasksOf(em, pks);
            List<ProjectView> items = rows.stream()
                    .map(p -> projectView(p, hours.get(p.getPk()), open.getOrDefault(p.getPk(), 0L))).toList();
            return new Page<>(items, total, limit, offset);
        });
    }

    public ProjectView updateProject(String pid, long expectedVersion, ProjectDraft draft) {
        return write(em -> {
            ProjectEntity p = findProject(em, pid);
            checkVersion(PROJECT, pid, expectedVersion, p.getVersion());
            Summary summary = count(summary(), p, -1);
            p.change(draft.name(), draft.status().name(), clock.getAsLong());
            flush(em, PROJECT, pid, expectedVersion, p.getVersion());
            // the version check of the flush proves that the status read above was current
            count(summary, p, 1).apply(em);
            return projectView(p, hoursOf(em, List.of(p.getPk())).get(p.getPk()),
                    openTasksOf(em, List.of(p.getPk())).getOrDefault(p.getPk(), 0L));
        });
    }

    /** Deletes a project with its time entries; its tasks stay with the client, outside any project. */
    public void deleteProject(String pid, long expectedVersion) {
        write(em -> {
            // locked: a time entry added or deleted meanwhile (which locks the project too) is
            // either in the sum below or not, never half-way
            ProjectEntity p = findProject(em, pid, LockModeType.PESSIMISTIC_WRITE);
            checkVersion(PROJECT, pid, expectedVersion, p.getVersion());
            Object[] booked = em.createQuery("SELECT COUNT(e), SUM(e.hours) FROM PrjTimeEntry e"
                    + " WHERE e.projectId = :p", Object[].class).setParameter("p", p.getPk()).getSingleResult();
            Summary summary = count(summary(), p, -1).add(hoursKey(p.getClientId()), -number(booked[0]),
                    booked[1] == null ? null : ((BigDecimal) booked[1]).negate());
            em.createQuery("DELETE FROM PrjTimeEntry e WHERE e.projectId = :p").setParameter("p", p.getPk())
                    .executeUpdate();
            em.createQuery("UPDATE PrjTask t SET t.projectId = NULL, t.version = t.version + 1, t.updatedAt = :now"
                    + " WHERE t.projectId = :p").setParameter("p", p.getPk()).setParameter("now", clock.getAsLong())
                    .executeUpdate();
            long current = p.getVersion();
            em.remove(p);
            flush(em, PROJECT, pid, expectedVersion, current);
            summary.apply(em);
            return null;
        });
    }

    /** The client a project belongs to. */
    public String clientOfProject(String pid) {
        return read(em -> findProject(em, pid).getClientId());
    }

    // ---- time entries

    public TimeEntryView addTimeEntry(String pid, TimeEntryDraft draft, String user) {
        return write(em -> {
            // the client first (an erase locks it before the projects), then the project,
            // locked against a concurrent delete of it (see deleteProject)
            hold.hold(findProject(em, pid).getClientId());
            ProjectEntity p = findProject(em, pid, LockModeType.PESSIMISTIC_WRITE);
            TimeEntryEntity e = new TimeEntryEntity(p.getPk(), p.getClientId(), draft.date(), draft.hours(),
                    draft.note(), user, clock.getAsLong());
            em.persist(e);
            em.flush();
            count(summary(), e, 1).apply(em);
            return timeEntryView(e);
        });
    }

    /** A project's time entries, latest first. */
    public Page<TimeEntryView> timeEntries(String pid, int limit, int offset) {
        return read(em -> {
            ProjectEntity p = findProject(em, pid);
            long total = em.createQuery("SELECT COUNT(e) FROM PrjTimeEntry e WHERE e.projectId = :p", Long.class)
                    .setParameter("p", p.getPk()).getSingleResult();
            List<TimeEntryView> items = em.createQuery("SELECT e FROM PrjTimeEntry e WHERE e.projectId = :p"
                    + " ORDER BY e.entryDate DESC, e.pk DESC", TimeEntryEntity.class)
                    .setParameter("p", p.getPk()).setFirstResult(offset).setMaxResults(limit).getResultList()
                    .stream().map(Projects::timeEntryView).toList();
            return new Page<>(items, total, limit, offset);
        });
    }

    public TimeEntryView timeEntry(String pid, String eid) {
        return read(em -> timeEntryView(findTimeEntry(em, pid, eid)));
    }

    /** Deletes a wrongly booked time entry. */
    public void deleteTimeEntry(String pid, String eid, long expectedVersion) {
        write(em -> {
            // the project locked as for adding one: else a delete of the project that summed this
            // entry before it was deleted here would subtract it a second time
            TimeEntryEntity e = findTimeEntry(em, pid, eid, LockModeType.PESSIMISTIC_WRITE);
            checkVersion(TIME_ENTRY, eid, expectedVersion, e.getVersion());
            long current = e.getVersion();
            em.remove(e);
            flush(em, TIME_ENTRY, eid, expectedVersion, current);
            count(summary(), e, -1).apply(em);
            return null;
        });
    }

    // ---- tasks

    public TaskView createTask(String clientId, TaskDraft draft) {
        return write(em -> {
            hold.hold(clientId);
            checkProjectOf(em, clientId, draft.projectPk());
            TaskEntity t = new TaskEntity(clientId, draft.projectPk(), draft.title(), draft.dueDate(),
                    draft.status().name(), clock.getAsLong());
            em.persist(t);
            em.flush();
            count(summary(), t, 1).apply(em);
            return taskView(t);
        });
    }

    public TaskView task(String tid) {
        return read(em -> taskView(findTask(em, tid)));
    }

    /**
     * A client's tasks, by due date (tasks without one last); all of them, or those with the
     * given status.
     */
    public Page<TaskView> tasks(String clientId, TaskStatus status, int limit, int offset) {
        return read(em -> {
            String where = " FROM PrjTask t WHERE t.clientId = :c" + (status == null ? "" : " AND t.status = :s");
            var count = em.createQuery("SELECT COUNT(t)" + where, Long.class).setParameter("c", clientId);
            var page = em.createQuery("SELECT t" + where + " ORDER BY t.dueDate, t.pk", TaskEntity.class)
                    .setParameter("c", clientId);
            if (status != null) {
                count.setParameter("s", status.name());
                page.setParameter("s", status.name());
            }
            List<TaskView> items = page.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(Projects::taskView).toList();
            return new Page<>(items, count.getSingleResult(), limit, offset);
        });
    }

    public TaskView updateTask(String tid, long expectedVersion, TaskDraft draft) {
        return write(em -> {
            TaskEntity t = findTask(em, tid);
            checkVersion(TASK, tid, expectedVersion, t.getVersion());
            checkProjectOf(em, t.getClientId(), draft.projectPk());
            Summary summary = count(summary(), t, -1);
            t.change(draft.projectPk(), draft.title(), draft.dueDate(), draft.status().name(), clock.getAsLong());
            flush(em, TASK, tid, expectedVersion, t.getVersion());
            count(summary, t, 1).apply(em);
            return taskView(t);
        });
    }

    public void deleteTask(String tid, long expectedVersion) {
        write(em -> {
            TaskEntity t = findTask(em, tid);
            checkVersion(TASK, tid, expectedVersion, t.getVersion());
            long current = t.getVersion();
            em.remove(t);
            flush(em, TASK, tid, expectedVersion, current);
            count(summary(), t, -1).apply(em);
            return null;
        });
    }

    /** The client a task belongs to. */
    public String clientOfTask(String tid) {
        return read(em -> findTask(em, tid).getClientId());
    }

    /**
     * Whether {@code projectId} names a project of {@code clientId}: the field error for it,
     * or null when it does (or is null).
     */
    public FieldError projectFieldError(String clientId, Long projectPk) {
        if (projectPk == null) {
            return null;
        }
        return read(em -> {
            ProjectEntity p = em.find(ProjectEntity.class, projectPk);
            return p != null && p.getClientId().equals(clientId) ? null : projectError(projectPk);
        });
    }

    // ---- the tab's rows

    /** A page of a client's open tasks by due date, with the names of their projects. */
    public Page<OpenTask> openTasks(String clientId, int limit, int offset) {
        return openTasks(clientId, limit, offset, true);
    }

    /** {@link #openTasks} the straightforward way: a count, {@code offset} rows skipped (the tests' reference). */
    Page<OpenTask> openTasksFromRecords(String clientId, int limit, int offset) {
        return openTasks(clientId, limit, offset, false);
    }

    /**
     * With {@code seek}, the client's summary rows of open tasks per due date give the total
     * and the due date the page starts on; the keys query starts there in the (client,
     * status, due date, pk) index and skips only the page's predecessors of that date, not
     * all {@code offset} rows. Undated tasks come last (Derby sorts NULL after every date),
     * as their summary day does.
     */
    private Page<OpenTask> openTasks(String clientId, int limit, int offset, boolean seek) {
        return read(em -> {
            String open = TaskStatus.OPEN.name();
            String select = "SELECT t.pk FROM PrjTask t WHERE t.clientId = :c AND t.status = :s";
            List<Long> keys;
            long total;
            if (!seek) {
                total = em.createQuery("SELECT COUNT(t) FROM PrjTask t WHERE t.clientId = :c AND t.status = :s",
                        Long.class).setParameter("c", clientId).setParameter("s", open).getSingleResult();
                // keys from the (client, status, due date, pk) index first, as for projects
                keys = em.createQuery(select + " ORDER BY t.dueDate, t.pk", Long.class).setParameter("c", clientId)
                        .setParameter("s", open).setFirstResult(offset).setMaxResults(limit).getResultList();
            } else {
                total = 0;
                long from = 0;
                long skip = 0;
                boolean found = false;
                for (Object[] day : em.createQuery("SELECT s.epochDay, SUM(s.records) FROM PrjSummary s"
                        + " WHERE s.clientId = :c AND s.kind = :task AND s.status = :s GROUP BY s.epochDay"
                        + " HAVING SUM(s.records) > 0 ORDER BY s.epochDay", Object[].class).setParameter("c", clientId)
                        .setParameter("task", KIND_TASK).setParameter("s", open).getResultList()) {
                    long n = number(day[1]);
                    if (!found && total + n > offset) {
                        found = true;
                        from = ((Number) day[0]).longValue();
                        skip = offset - total;
                    }
                    total += n;
                }
                keys = new ArrayList<>();
                if (found && from != Summary.NO_DAY) {
                    keys.addAll(em.createQuery(select + " AND t.dueDate >= :from ORDER BY t.dueDate, t.pk", Long.class)
                            .setParameter("c", clientId).setParameter("s", open)
                            .setParameter("from", LocalDate.ofEpochDay(from)).setFirstResult((int) skip)
                            .setMaxResults(limit).getResultList());
                    skip = 0;
                }
                if (found && keys.size() < limit) {
                    // the page reaches (or starts in) the undated tasks
                    keys.addAll(em.createQuery(select + " AND t.dueDate IS NULL ORDER BY t.pk", Long.class)
                            .setParameter("c", clientId).setParameter("s", open).setFirstResult((int) skip)
                            .setMaxResults(limit - keys.size()).getResultList());
                }
            }
            List<TaskEntity> rows = keys.isEmpty() ? List.of() : em.createQuery(
                    "SELECT t FROM PrjTask t WHERE t.pk IN :keys ORDER BY t.dueDate, t.pk", TaskEntity.class)
                    .setParameter("keys", keys).getResultList();
            List<Long> projectPks = rows.stream().map(TaskEntity::getProjectId).filter(Objects::nonNull).distinct()
                    .toList();
            Map<Long, String> names = new HashMap<>();
            if (!projectPks.isEmpty()) {
                for (Object[] r : em.createQuery("SELECT p.pk, p.name FROM PrjProject p WHERE p.pk IN :pks",
                        Object[].class).setParameter("pks", projectPks).getResultList()) {
                    names.put((Long) r[0], (String) r[1]);
                }
            }
            List<OpenTask> items = rows.stream()
                    .map(t -> new OpenTask(taskView(t), t.getProjectId() == null ? null : names.get(t.getProjectId())))
                    .toList();
            return new Page<>(items, total, limit, offset);
        });
    }

    /** An open task with its project's name (null outside a project). */
    public record OpenTask(TaskView task, String projectName) {
    }

    // ---- aggregates for the overview

    /** All projects, the ACTIVE ones, the hours booked on all of them. */
    public record ProjectTotals(long count, long active, BigDecimal hours) {
    }

    /** A client's OPEN tasks, split into overdue, due within a week and later or undated. */
    public record TaskBuckets(long overdue, long due, long upcoming) {
    }

    /** From the client's summary rows: one query. */
    public ProjectTotals projectTotals(String clientId) {
        return read(em -> {
            Object[] r = em.createQuery("SELECT"
                    + " SUM(CASE WHEN s.kind = :project THEN s.records ELSE 0 END),"
                    + " SUM(CASE WHEN s.kind = :project AND s.status = :active THEN s.records ELSE 0 END),"
                    + " SUM(CASE WHEN s.kind = :hours THEN s.amount ELSE 0 END)"
                    + " FROM PrjSummary s WHERE s.clientId = :c AND s.kind IN (:project, :hours)", Object[].class)
                    .setParameter("project", KIND_PROJECT).setParameter("hours", KIND_HOURS)
                    .setParameter("active", ProjectStatus.ACTIVE.name()).setParameter("c", clientId)
                    .getSingleResult();
            return new ProjectTotals(number(r[0]), number(r[1]), decimal(r[2]).setScale(2));
        });
    }

    /**
     * OPEN tasks only: overdue = due before {@code today}; due = due from today to today+7;
     * upcoming = due after today+7 or without a due date. From the client's summary rows (one
     * per due date; undated ones have a day after every date): one query.
     */
    public TaskBuckets taskBuckets(String clientId, LocalDate today) {
        long from = today.toEpochDay();
        long weekEnd = today.plusDays(7).toEpochDay();
        return read(em -> {
            Object[] r = em.createQuery("SELECT"
                    + " SUM(CASE WHEN s.epochDay < :today THEN s.records ELSE 0 END),"
                    + " SUM(CASE WHEN s.epochDay >= :today AND s.epochDay <= :weekEnd THEN s.records ELSE 0 END),"
                    + " SUM(CASE WHEN s.epochDay > :weekEnd THEN s.records ELSE 0 END)"
                    + " FROM PrjSummary s WHERE s.clientId = :c AND s.kind = :task AND s.status = :open", Object[].class)
                    .setParameter("today", from).setParameter("weekEnd", weekEnd).setParameter("c", clientId)
                    .setParameter("task", KIND_TASK).setParameter("open", TaskStatus.OPEN.name()).getSingleResult();
            return new TaskBuckets(number(r[0]), number(r[1]), number(r[2]));
        });
    }

    /** {@link #projectTotals} the straightforward way, by aggregates over the records (the tests' reference). */
    ProjectTotals projectTotalsFromRecords(String clientId) {
        return read(em -> {
            Object[] counts = em.createQuery("SELECT COUNT(p), SUM(CASE WHEN p.status = :active THEN 1 ELSE 0 END)"
                    + " FROM PrjProject p WHERE p.clientId = :c", Object[].class)
                    .setParameter("active", ProjectStatus.ACTIVE.name()).setParameter("c", clientId)
                    .getSingleResult();
            BigDecimal hours = em.createQuery("SELECT SUM(e.hours) FROM PrjTimeEntry e WHERE e.clientId = :c",
                    BigDecimal.class).setParameter("c", clientId).getSingleResult();
            return new ProjectTotals(number(counts[0]), number(counts[1]),
                    (hours == null ? BigDecimal.ZERO : hours).setScale(2));
        });
    }

    /** {@link #taskBuckets} the straightforward way, by aggregates over the records (the tests' reference). */
    TaskBuckets taskBucketsFromRecords(String clientId, LocalDate today) {
        LocalDate weekEnd = today.plusDays(7);
        return read(em -> {
            Object[] r = em.createQuery("SELECT"
                    + " SUM(CASE WHEN t.dueDate < :today THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN t.dueDate >= :today AND t.dueDate <= :weekEnd THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN t.dueDate IS NULL OR t.dueDate > :weekEnd THEN 1 ELSE 0 END)"
                    + " FROM PrjTask t WHERE t.clientId = :c AND t.status = :open", Object[].class)
                    .setParameter("today", today).setParameter("weekEnd", weekEnd).setParameter("c", clientId)
                    .setParameter("open", TaskStatus.OPEN.name()).getSingleResult();
            return new TaskBuckets(number(r[0]), number(r[1]), number(r[2]));
        });
    }

    // ---- the summary rows

    static final String KIND_PROJECT = "PROJECT";
    static final String KIND_HOURS = "HOURS";
    static final String KIND_TASK = "TASK";
    /** The row that says the summary has been filled from the records once. */

    static Summary summary() {
        return new Summary(SummaryEntity.TABLE);
    }

    static Summary count(Summary s, ProjectEntity p, int sign) {
        return s.add(new Key(p.getClientId(), KIND_PROJECT, p.getStatus(), Summary.NO_CURRENCY, Summary.ANY_DAY),
                sign, null);
    }

    static Summary count(Summary s, TimeEntryEntity e, int sign) {
        return s.add(hoursKey(e.getClientId()), sign, sign < 0 ? e.getHours().negate() : e.getHours());
    }

    static Summary count(Summary s, TaskEntity t, int sign) {
        return s.add(new Key(t.getClientId(), KIND_TASK, t.getStatus(), Summary.NO_CURRENCY,
                Summary.day(t.getDueDate())), sign, null);
    }

    private static Key hoursKey(String clientId) {
        return new Key(clientId, KIND_HOURS, Summary.NO_STATUS, Summary.NO_CURRENCY, Summary.ANY_DAY);
    }

    /**
     * What the summary rows must hold, computed from the records by aggregate queries: for
     * one client, or for all ({@code clientId} null). Buckets without records are left out.
     */
    static Map<Key, Totals> recompute(EntityManager em, String clientId) {
        String where = clientId == null ? "" : " WHERE x.clientId = :c";
        Map<Key, Totals> rows = new HashMap<>();
        for (Object[] r : param(em.createQuery("SELECT x.clientId, x.status, COUNT(x) FROM PrjProject x" + where
                + " GROUP BY x.clientId, x.status", Object[].class), clientId).getResultList()) {
            rows.put(new Key((String) r[0], KIND_PROJECT, (String) r[1], Summary.NO_CURRENCY, Summary.ANY_DAY),
                    new Totals(number(r[2]), Totals.ZERO.amount()));
        }
        for (Object[] r : param(em.createQuery("SELECT x.clientId, COUNT(x), SUM(x.hours) FROM PrjTimeEntry x" + where
                + " GROUP BY x.clientId", Object[].class), clientId).getResultList()) {
            rows.put(hoursKey((String) r[0]), new Totals(number(r[1]), decimal(r[2]).setScale(2)));
        }
        for (Object[] r : param(em.createQuery("SELECT x.clientId, x.status, x.dueDate, COUNT(x) FROM PrjTask x"
                + where + " GROUP BY x.clientId, x.status, x.dueDate", Object[].class), clientId).getResultList()) {
            rows.put(new Key((String) r[0], KIND_TASK, (String) r[1], Summary.NO_CURRENCY,
                    Summary.day((LocalDate) r[2])), new Totals(number(r[3]), Totals.ZERO.amount()));
        }
        return rows;
    }

    /** The summary rows as stored: for one client or all; empty buckets and the marker left out. */
    static Map<Key, Totals> stored(EntityManager em, String clientId) {
        return Summary.stored(em, "PrjSummary", clientId);
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
    final boolean backfill() {
        try {
            return write(em -> {
                int filled = Summary.backfill(em, SummaryEntity.class, "PrjSummary", SummaryEntity.TABLE,
                        db -> recompute(db, null));
                if (filled < 0) {
                    return false;
                }
                LOG.info("Filled {} summary rows of the projects overview from the records", filled);
                return true;
            });
        } catch (RuntimeException e) {
            // e.g. another node filled it at the same time (its marker collides with ours)
            LOG.warn("Could not fill the projects summary (another node may have done it)", e);
            return false;
        }
    }

    /** How many records of a kind (and status, unless null) a client has, from its summary rows. */
    private static long summed(EntityManager em, String clientId, String kind, String status) {
        var q = em.createQuery("SELECT SUM(s.records) FROM PrjSummary s WHERE s.clientId = :c AND s.kind = :k"
                + (status == null ? "" : " AND s.status = :s"), Long.class)
                .setParameter("c", clientId).setParameter("k", kind);
        if (status != null) {
            q.setParameter("s", status);
        }
        return number(q.getSingleResult());
    }

    private static <Q extends javax.persistence.TypedQuery<?>> Q param(Q q, String clientId) {
        if (clientId != null) {
            q.setParameter("c", clientId);
        }
        return q;
    }

    private static BigDecimal decimal(Object value) {
        if (value == null || value instanceof BigDecimal) {
            return value == null ? BigDecimal.ZERO : (BigDecimal) value;
        }
        return new BigDecimal(value.toString());
    }

    // ---- erasure

    /** Deletes every time entry, task and project of a client, joining the caller's transaction. */
    public void eraseClient(String clientId) {
        write(em -> {
            int entries = em.createQuery("DELETE FROM PrjTimeEntry e WHERE e.clientId = :c")
                    .setParameter("c", clientId).executeUpdate();
            int tasks = em.createQuery("DELETE FROM PrjTask t WHERE t.clientId = :c").setParameter("c", clientId)
                    .executeUpdate();
            int projects = em.createQuery("DELETE FROM PrjProject p WHERE p.clientId = :c")
                    .setParameter("c", clientId).executeUpdate();
            em.createQuery("DELETE FROM PrjSummary s WHERE s.clientId = :c").setParameter("c", clientId)
                    .executeUpdate();
            LOG.debug("Erased {} projects, {} time entries, {} tasks of client {}", projects, entries, tasks, clientId);
            return null;
        });
    }

    /** Whether the client has any project, task or time entry; joins the caller's transaction. */
    public boolean holdsClient(String clientId) {
        return write(em -> {
            for (String entity : List.of("PrjProject", "PrjTask", "PrjTimeEntry")) {
                if (!em.createQuery("SELECT r.clientId FROM " + entity + " r WHERE r.clientId = :c", String.class)
                        .setParameter("c", clientId).setMaxResults(1).getResultList().isEmpty()) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Runs {@code work} for a client in one transaction, holding it (for demo data: all or nothing). */
    <T> T inTransaction(String clientId, EmFunction<T> work) {
        return write(em -> {
            hold.hold(clientId);
            return work.apply(em);
        });
    }

    long now() {
        return clock.getAsLong();
    }

    // ---- helpers

    private <T> T write(EmFunction<T> code) {
        return jpa.txExpr(TransactionType.Required, code);
    }

    private <T> T read(EmFunction<T> code) {
        return jpa.txExpr(TransactionType.Supports, code);
    }

    private static ProjectEntity findProject(EntityManager em, String pid) {
        return findProject(em, pid, LockModeType.NONE);
    }

    private static ProjectEntity findProject(EntityManager em, String pid, LockModeType lock) {
        Long pk = Keys.parse(pid);
        ProjectEntity p = pk == null ? null : em.find(ProjectEntity.class, pk, lock);
        if (p == null) {
            throw new NotFoundException("project", pid);
        }
        return p;
    }

    /** A time entry of the project {@code pid}; 404 for the project first, then for the entry. */
    private static TimeEntryEntity findTimeEntry(EntityManager em, String pid, String eid) {
        return findTimeEntry(em, pid, eid, LockModeType.NONE);
    }

    /** As above, with the project row locked as {@code projectLock} says. */
    private static TimeEntryEntity findTimeEntry(EntityManager em, String pid, String eid, LockModeType projectLock) {
        ProjectEntity p = findProject(em, pid, projectLock);
        Long pk = Keys.parse(eid);
        TimeEntryEntity e = pk == null ? null : em.find(TimeEntryEntity.class, pk);
        if (e == null || !e.getProjectId().equals(p.getPk())) {
            throw new NotFoundException("time entry", eid);
        }
        return e;
    }

    private static TaskEntity findTask(EntityManager em, String tid) {
        Long pk = Keys.parse(tid);
        TaskEntity t = pk == null ? null : em.find(TaskEntity.class, pk);
        if (t == null) {
            throw new NotFoundException("task", tid);
        }
        return t;
    }

    private static void checkProjectOf(EntityManager em, String clientId, Long projectPk) {
        if (projectPk == null) {
            return;
        }
        ProjectEntity p = em.find(ProjectEntity.class, projectPk);
        if (p == null || !p.getClientId().equals(clientId)) {
            throw new ValidationException(projectError(projectPk));
        }
    }

    /**
     * Writes now, so that a change another transaction committed after this one read the
     * row (the version check in the UPDATE or DELETE fails) is a 412 and not a failed commit.
     * The version that other change produced is not known here; it is at least one more.
     */
    private static void flush(EntityManager em, String kind, String id, long expected, long read) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new VersionConflictException(kind, id, expected, read + 1);
        }
    }

    private static FieldError projectError(Long projectPk) {
        return new FieldError("projectId", FieldError.INVALID,
                "projectId must name a project of the same client; '" + projectPk + "' does not.");
    }

    private static void checkVersion(String kind, String id, long expected, long current) {
        if (expected != ANY_VERSION && expected != current) {
            throw new VersionConflictException(kind, id, expected, current);
        }
    }

    private static Map<Long, BigDecimal> hoursOf(EntityManager em, Collection<Long> projectPks) {
        Map<Long, BigDecimal> hours = new HashMap<>();
        if (projectPks.isEmpty()) {
            return hours;
        }
        for (Object[] r : em.createQuery("SELECT e.projectId, SUM(e.hours) FROM PrjTimeEntry e"
                + " WHERE e.projectId IN :pks GROUP BY e.projectId", Object[].class)
                .setParameter("pks", new ArrayList<>(projectPks)).getResultList()) {
            hours.put((Long) r[0], (BigDecimal) r[1]);
        }
        return hours;
    }

    private static Map<Long, Long> openTasksOf(EntityManager em, Collection<Long> projectPks) {
        Map<Long, Long> open = new HashMap<>();
        if (projectPks.isEmpty()) {
            return open;
        }
        for (Object[] r : em.createQuery("SELECT t.projectId, COUNT(t) FROM PrjTask t"
                + " WHERE t.projectId IN :pks AND t.status = :open GROUP BY t.projectId", Object[].class)
                .setParameter("pks", new ArrayList<>(projectPks)).setParameter("open", TaskStatus.OPEN.name())
                .getResultList()) {
            open.put((Long) r[0], number(r[1]));
        }
        return open;
    }

    private static long number(Object n) {
        return n == null ? 0 : ((Number) n).longValue();
    }

    private static ProjectView projectView(ProjectEntity p, BigDecimal hours, long openTasks) {
        return new ProjectView(Views.id(p.getPk()), p.getClientId(), p.getName(), p.getStatus(), Views.hours(hours),
                openTasks, Views.instant(p.getCreatedAt()), Views.instant(p.getUpdatedAt()), p.getVersion());
    }

    private static TimeEntryView timeEntryView(TimeEntryEntity e) {
        return new TimeEntryView(Views.id(e.getPk()), Views.id(e.getProjectId()), Views.date(e.getEntryDate()),
                Views.hours(e.getHours()), e.getNote(), e.getUserName(), Views.instant(e.getCreatedAt()), e.getVersion());
    }

    private static TaskView taskView(TaskEntity t) {
        return new TaskView(Views.id(t.getPk()), t.getClientId(), Views.id(t.getProjectId()), t.getTitle(),
                Views.date(t.getDueDate()), t.getStatus(), Views.instant(t.getCreatedAt()),
                Views.instant(t.getUpdatedAt()), t.getVersion());
    }
}
