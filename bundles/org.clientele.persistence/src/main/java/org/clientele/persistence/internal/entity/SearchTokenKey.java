package org.clientele.persistence.internal.entity;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of a search token: the client's primary key and the token. */
public class SearchTokenKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long clientPk;
    private String token;

    public SearchTokenKey() {
    }

    public SearchTokenKey(Long clientPk, String token) {
        this.clientPk = clientPk;
        this.token = token;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchTokenKey other && Objects.equals(clientPk, other.clientPk)
                && Objects.equals(token, other.token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientPk, token);
    }
}
