package org.clientele.persistence.internal.entity;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of a field change: the activity entry's primary key and the list position. */
public class FieldChangeKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long activity;
    private int position;

    public FieldChangeKey() {
    }

    public FieldChangeKey(Long activity, int position) {
        this.activity = activity;
        this.position = position;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldChangeKey other && position == other.position
                && Objects.equals(activity, other.activity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(activity, position);
    }
}
