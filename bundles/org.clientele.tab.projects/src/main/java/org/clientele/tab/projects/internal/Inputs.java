package org.clientele.tab.projects.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;
import org.clientele.tab.projects.internal.Drafts.ProjectDraft;
import org.clientele.tab.projects.internal.Drafts.ProjectStatus;
import org.clientele.tab.projects.internal.Drafts.TaskDraft;
import org.clientele.tab.projects.internal.Drafts.TaskStatus;
import org.clientele.tab.projects.internal.Drafts.TimeEntryDraft;

/**
 * Turns JSON bodies (as maps) into drafts, with one {@link FieldError} per bad field.
 * Read-only fields of the records ({@code id}, {@code version}, …) are ignored; any other
 * unknown field is an error, so that a typo does not vanish silently.
 */
public final class Inputs {
    static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    static final int NAME_MAX = 200;
    static final int TITLE_MAX = 200;
    static final int NOTE_MAX = 1000;
    static final BigDecimal MAX_HOURS = new BigDecimal("24");

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Set<String> PROJECT_FIELDS = Set.of("name", "status");
    private static final Set<String> PROJECT_READ_ONLY = Set.of("id", "clientId", "hours", "openTasks", "createdAt",
            "updatedAt", "version");
    private static final Set<String> ENTRY_FIELDS = Set.of("date", "hours", "note");
    private static final Set<String> ENTRY_READ_ONLY = Set.of("id", "projectId", "user", "createdAt", "version");
    private static final Set<String> TASK_FIELDS = Set.of("title", "dueDate", "status", "projectId");
    private static final Set<String> TASK_READ_ONLY = Set.of("id", "clientId", "createdAt", "updatedAt", "version");

    private Inputs() {
    }

    public static ProjectDraft project(Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        List<FieldError> errors = new ArrayList<>();
        unknown(b, PROJECT_FIELDS, PROJECT_READ_ONLY, errors);
        String name = requiredText(b, "name", NAME_MAX, errors);
        ProjectStatus status = enumValue(b, "status", ProjectStatus.class, ProjectStatus.ACTIVE, errors);
        fail(errors);
        return new ProjectDraft(name, status);
    }

    public static TimeEntryDraft timeEntry(Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        List<FieldError> errors = new ArrayList<>();
        unknown(b, ENTRY_FIELDS, ENTRY_READ_ONLY, errors);
        LocalDate date = date(b, "date", true, errors);
        BigDecimal hours = hours(b, errors);
        String note = optionalText(b, "note", NOTE_MAX, errors);
        fail(errors);
        return new TimeEntryDraft(date, hours, note);
    }

    /**
     * A task draft; whether the project belongs to the task's client is checked by the
     * caller, which knows the client.
     */
    public static TaskDraft task(Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        List<FieldError> errors = new ArrayList<>();
        unknown(b, TASK_FIELDS, TASK_READ_ONLY, errors);
        String title = requiredText(b, "title", TITLE_MAX, errors);
        LocalDate due = date(b, "dueDate", false, errors);
        TaskStatus status = enumValue(b, "status", TaskStatus.class, TaskStatus.OPEN, errors);
        Long projectPk = projectId(b, errors);
        fail(errors);
        return new TaskDraft(title, due, status, projectPk);
    }

    /** The {@code limit} query parameter: 1 to 500, 50 when absent. */
    public static int limit(String value) {
        return intParam("limit", value, 50, 1, 500);
    }

    /** The {@code offset} query parameter: 0 or more, 0 when absent. */
    public static int offset(String value) {
        return intParam("offset", value, 0, 0, Integer.MAX_VALUE);
    }

    /** An optional task status filter; null when absent. */
    public static TaskStatus taskStatusFilter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TaskStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(new FieldError("status", FieldError.INVALID,
                    "status must be one of OPEN, DONE."));
        }
    }

    private static int intParam(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String range = max == Integer.MAX_VALUE ? min + " or more" : "from " + min + " to " + max;
        throw new ValidationException(new FieldError(name, FieldError.INVALID, name + " must be a whole number " + range + "."));
    }

    private static void unknown(Map<String, Object> b, Set<String> fields, Set<String> readOnly, List<FieldError> errors) {
        for (String key : b.keySet()) {
            if (!fields.contains(key) && !readOnly.contains(key)) {
                errors.add(new FieldError(key, UNKNOWN_FIELD, "There is no field '" + key + "'."));
            }
        }
    }

    private static String requiredText(Map<String, Object> b, String field, int max, List<FieldError> errors) {
        Object v = b.get(field);
        if (v == null || (v instanceof String s && s.isBlank())) {
            errors.add(new FieldError(field, FieldError.REQUIRED, field + " is required."));
            return null;
        }
        return text(v, field, max, errors);
    }

    private static String optionalText(Map<String, Object> b, String field, int max, List<FieldError> errors) {
        Object v = b.get(field);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        return text(v, field, max, errors);
    }

    private static String text(Object v, String field, int max, List<FieldError> errors) {
        if (!(v instanceof String s)) {
            errors.add(new FieldError(field, FieldError.INVALID, field + " must be a string."));
            return null;
        }
        String t = s.strip();
        if (t.length() > max) {
            errors.add(new FieldError(field, FieldError.TOO_LONG, field + " must have at most " + max
                    + " characters (it has " + t.length() + ")."));
            return null;
        }
        return t;
    }

    private static <E extends Enum<E>> E enumValue(Map<String, Object> b, String field, Class<E> type, E absent,
            List<FieldError> errors) {
        Object v = b.get(field);
        if (v == null) {
            return absent;
        }
        if (v instanceof String s) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s.strip())) {
                    return e;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        errors.add(new FieldError(field, FieldError.INVALID, field + " must be one of " + String.join(", ", names) + "."));
        return null;
    }

    private static LocalDate date(Map<String, Object> b, String field, boolean required, List<FieldError> errors) {
        Object v = b.get(field);
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (required) {
                errors.add(new FieldError(field, FieldError.REQUIRED, field + " is required (yyyy-MM-dd)."));
            }
            return null;
        }
        if (v instanceof String s) {
            try {
                return LocalDate.parse(s.strip(), ISO_DATE);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(new FieldError(field, FieldError.INVALID, field + " must be a date as yyyy-MM-dd, e.g. 2026-03-16."));
        return null;
    }

    private static BigDecimal hours(Map<String, Object> b, List<FieldError> errors) {
        Object v = b.get("hours");
        if (v == null || (v instanceof String s && s.isBlank())) {
            errors.add(new FieldError("hours", FieldError.REQUIRED, "hours is required."));
            return null;
        }
        BigDecimal h;
        try {
            if (v instanceof BigDecimal d) {
                h = d;
            } else if (v instanceof Number || v instanceof String) {
                h = new BigDecimal(v.toString().strip());
            } else {
                h = null;
            }
        } catch (NumberFormatException e) {
            h = null;
        }
        if (h == null) {
            errors.add(new FieldError("hours", FieldError.INVALID, "hours must be a number such as 7.5."));
            return null;
        }
        if (h.signum() <= 0 || h.compareTo(MAX_HOURS) > 0) {
            errors.add(new FieldError("hours", FieldError.INVALID, "hours must be more than 0 and at most 24."));
            return null;
        }
        if (h.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("hours", FieldError.INVALID, "hours may have at most two decimals."));
            return null;
        }
        return h.setScale(2);
    }

    private static Long projectId(Map<String, Object> b, List<FieldError> errors) {
        Object v = b.get("projectId");
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        Long pk = Keys.parse(v.toString());
        if (pk == null || !(v instanceof String || v instanceof Integer || v instanceof Long)) {
            errors.add(new FieldError("projectId", FieldError.INVALID, "There is no project with id '" + v + "'."));
            return null;
        }
        return pk;
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
