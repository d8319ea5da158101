package org.clientele.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A named counter; {@code counter_value} is the last value handed out. */
@Entity(name = "Counter")
@Table(name = "counter")
public class CounterEntity {

    @Id
    @Column(name = "name", length = Columns.COUNTER)
    private String name;

    @Column(name = "counter_value", nullable = false)
    private long value;

    protected CounterEntity() {
    }

    public CounterEntity(String name, long value) {
        this.name = name;
        this.value = value;
    }
}
