package org.clientele.tab.projects.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.persistence.EntityManager;

import org.clientele.api.VersionConflictException;
import org.clientele.tab.projects.internal.Drafts.ProjectDraft;
import org.clientele.tab.projects.internal.Drafts.ProjectStatus;
import org.clientele.tab.projects.internal.Views.ProjectView;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A change committed by someone else between our read (version check passed) and our write
 * is a version conflict (412), not a failed commit (500).
 */
public class ConcurrentChangeTest {
    private TestDatabase db;
    private Projects projects;
    private final AtomicLong time = new AtomicLong(1_780_000_000_000L);
    /** Runs once, from inside the next write, when set. */
    private final AtomicReference<Runnable> meanwhile = new AtomicReference<>();

    @Before
    public void open() {
        db = new TestDatabase();
        // the clock is read in the middle of a write: after the version check, before the flush
        projects = new Projects(db.template(), clientId -> { }, () -> {
            Runnable r = meanwhile.getAndSet(null);
            if (r != null) {
                r.run();
            }
            return time.incrementAndGet();
        });
    }

    @After
    public void close() {
        db.close();
    }

    private void renameElsewhere(String pid, String name) {
        EntityManager other = db.factory().createEntityManager();
        try {
            other.getTransaction().begin();
            other.createQuery("UPDATE PrjProject p SET p.name = :n, p.version = p.version + 1 WHERE p.pk = :pk")
                    .setParameter("n", name).setParameter("pk", Long.valueOf(pid)).executeUpdate();
            other.getTransaction().commit();
        } finally {
            other.close();
        }
    }

    @Test
    public void aChangeCommittedMeanwhileIsAVersionConflict() {
        ProjectView p = projects.createProject("c1", new ProjectDraft("A", ProjectStatus.ACTIVE));
        meanwhile.set(() -> renameElsewhere(p.id(), "changed elsewhere"));
        try {
            projects.updateProject(p.id(), p.version(), new ProjectDraft("mine", ProjectStatus.DONE));
            fail("the other change must not be overwritten");
        } catch (VersionConflictException e) {
            assertEquals(p.version(), e.expectedVersion());
            assertEquals(p.version() + 1, e.currentVersion());
        }
        ProjectView now = projects.project(p.id());
        assertEquals("changed elsewhere", now.name());
        assertEquals(p.version() + 1, now.version());
    }
}
