package org.clientele.io.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the undo of a job is and what it did so far, kept in the job's options text under
 * {@code undo.*} keys (the text is the import bundle's own; {@link JobText#options(String)}
 * reads only its own keys). Stored after every page of row results, with the job's progress,
 * so an undo that a stop interrupted goes on after the last page it finished.
 */
final class UndoProgress {

    private static final String BY = "undo.by";
    private static final String BEGUN = "undo.begun";
    private static final String BEFORE = "undo.before";
    private static final String ERASED = "undo.erased";
    private static final String RESTORED = "undo.restored";
    private static final String KEPT = "undo.kept";
    private static final String NAMED = "undo.named";

    /** Kept rows named in the message; the rest are counted. */
    static final int NAMED_AT_MOST = 20;

    /** Who asked for the undo (its history entries name them). */
    final String by;
    /** Whether a run of the undo has begun (a later run goes on after a stop). */
    boolean begun;
    /** The undo has gone through every row result from this row on; {@link Long#MAX_VALUE}: none yet. */
    long before = Long.MAX_VALUE;
    long erased;
    long restored;
    long kept;
    final List<String> named = new ArrayList<>();

    private UndoProgress(String by) {
        this.by = by;
    }

    /** A new undo asked for by {@code user}. */
    static UndoProgress start(String user) {
        return new UndoProgress(user);
    }

    /** The undo in {@code options}, or null when none was started. */
    static UndoProgress read(String options) {
        Map<String, String> m = JobText.read(options);
        if (m.get(BY) == null) {
            return null;
        }
        UndoProgress p = new UndoProgress(m.get(BY));
        p.begun = Boolean.parseBoolean(m.get(BEGUN));
        p.before = Long.parseLong(m.getOrDefault(BEFORE, Long.toString(Long.MAX_VALUE)));
        p.erased = Long.parseLong(m.getOrDefault(ERASED, "0"));
        p.restored = Long.parseLong(m.getOrDefault(RESTORED, "0"));
        p.kept = Long.parseLong(m.getOrDefault(KEPT, "0"));
        String named = m.get(NAMED);
        if (named != null && !named.isEmpty()) {
            p.named.addAll(Arrays.asList(named.split("\n")));
        }
        return p;
    }

    /** {@code options} with this progress in place of what it held. */
    String into(String options) {
        Map<String, String> m = JobText.read(options);
        m.put(BY, by);
        m.put(BEGUN, Boolean.toString(begun));
        m.put(BEFORE, Long.toString(before));
        m.put(ERASED, Long.toString(erased));
        m.put(RESTORED, Long.toString(restored));
        m.put(KEPT, Long.toString(kept));
        m.put(NAMED, String.join("\n", named));
        return JobText.write(m);
    }

    /** Something the undo left as it found it. */
    void keep(String what) {
        if (named.size() < NAMED_AT_MOST) {
            named.add(what);
        }
        kept++;
    }

    /** The job's message at the end. */
    String text() {
        return "Undone by " + by + ": " + erased + " created clients erased, " + restored
                + " changed clients restored" + (kept == 0 ? "." : "; changed again since, kept: "
                + String.join(", ", named) + (kept > named.size() ? " (" + kept + " in all)" : "") + ".");
    }

    /** The job's message while it runs. */
    String running() {
        return "Undo by " + by + " running: " + erased + " created clients erased, " + restored
                + " changed clients restored so far.";
    }
}
