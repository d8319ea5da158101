package org.clientele.api.tab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of generic tab content. Its {@code kind} tells a reader how to show it:
 * {@code fields} (label and value pairs), {@code table} (columns and a page of rows with
 * the total), {@code text} (a paragraph), {@code upload} (a place to upload a file to).
 */
public sealed interface Block permits Block.Fields, Block.Table, Block.Text, Block.Upload {

    /** How to show this block. */
    String kind();

    /** A heading, or null. */
    String title();

    /** Label and value pairs, e.g. an address. */
    record Fields(String kind, String title, List<Field> fields) implements Block {
        public Fields {
            kind = "fields";
            fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        }

        public Fields(String title, List<Field> fields) {
            this("fields", title, fields);
        }
    }

    /**
     * A page of a table. Cells are strings, numbers, booleans, ISO dates
     * ({@link java.time.LocalDate}), {@link Link}s or null; amounts are strings with a
     * {@code money} column so that no precision is lost.
     */
    record Table(String kind, String title, List<Column> columns, List<List<Object>> rows, long total)
            implements Block {
        public Table {
            kind = "table";
            columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r)))
                    .toList();
            for (List<Object> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size()
                            + " columns");
                }
            }
        }

        public Table(String title, List<Column> columns, List<List<Object>> rows, long total) {
            this("table", title, columns, rows, total);
        }
    }

    /** A paragraph, e.g. "No projects yet." */
    record Text(String kind, String title, String text) implements Block {
        public Text {
            kind = "text";
        }

        public Text(String title, String text) {
            this("text", title, text);
        }
    }

    /**
     * A file upload: a reader posts a multipart form with part {@code file} to {@code href}.
     *
     * @param href     the API path to post to
     * @param maxBytes the largest file accepted
     */
    record Upload(String kind, String title, String href, long maxBytes) implements Block {
        public Upload {
            kind = "upload";
        }

        public Upload(String title, String href, long maxBytes) {
            this("upload", title, href, maxBytes);
        }
    }

    /**
     * One label and value.
     *
     * @param label for people
     * @param value the value as text, or null
     * @param href  an API path or URL the value links to, or null
     */
    record Field(String label, String value, String href) {
        public Field(String label, String value) {
            this(label, value, null);
        }
    }

    /**
     * A table column.
     *
     * @param id     stable id
     * @param label  for people
     * @param type   {@code text}, {@code number}, {@code money}, {@code hours}, {@code date},
     *               {@code status} or {@code link}
     * @param labels for a {@code status} column: the label for people of each value its cells
     *               hold (the cells keep the stable value, e.g. {@code ON_HOLD}, which readers
     *               can style or filter on); a value without a label is shown as it is. Empty
     *               for other columns. Kept in the given order.
     * @since 1.1
     */
    record Column(String id, String label, String type, Map<String, String> labels) {
        public Column {
            labels = labels == null || labels.isEmpty()
                    ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }

        public Column(String id, String label, String type) {
            this(id, label, type, Map.of());
        }

        /**
         * A {@code status} column whose values are the constants of {@code values}, each
         * labelled by {@code label}, e.g. {@code Column.status("status", r.text("Status",
         * "Status"), ProjectStatus.class, s -> switch (s) { … })}.
         *
         * @since 1.1
         */
        public static <E extends Enum<E>> Column status(String id, String label, Class<E> values,
                java.util.function.Function<E, String> valueLabel) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (E value : values.getEnumConstants()) {
                labels.put(value.name(), valueLabel.apply(value));
            }
            return new Column(id, label, "status", labels);
        }
    }

    /**
     * A link cell: an API path (starting with {@code /api/}) to download or open, or a URL.
     */
    record Link(String label, String href) {
    }
}
