package org.clientele.persistence.internal.entity;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of a client's contact or tag: the client's primary key and the list position. */
public class ChildKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long client;
    private int position;

    public ChildKey() {
    }

    public ChildKey(Long client, int position) {
        this.client = client;
        this.position = position;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChildKey other && position == other.position && Objects.equals(client, other.client);
    }

    @Override
    public int hashCode() {
        return Objects.hash(client, position);
    }
}
