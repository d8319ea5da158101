package org.clientele.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** One changed field of an activity entry, identified by the entry and its position. */
@Entity(name = "FieldChange")
@IdClass(FieldChangeKey.class)
@Table(name = "activity_change", indexes = @Index(name = "ix_change_activity", columnList = "activity_pk, position"))
public class FieldChangeEntity {

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "activity_pk")
    private ActivityEntity activity;

    @Id
    @Column(name = "position")
    private int position;

    /** The entry's key as a plain value, for subqueries that need no join to the entry. */
    @Column(name = "activity_pk", insertable = false, updatable = false)
    private Long activityPk;

    @Column(name = "field", length = Columns.FIELD, nullable = false)
    private String field;

    @Column(name = "old_value", length = Columns.CHANGE_VALUE)
    private String oldValue;

    @Column(name = "new_value", length = Columns.CHANGE_VALUE)
    private String newValue;

    protected FieldChangeEntity() {
    }

    public FieldChangeEntity(ActivityEntity activity, int position, String field, String oldValue, String newValue) {
        this.activity = activity;
        this.position = position;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    public String getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }
}
