package org.clientele.persistence.internal.entity;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import javax.persistence.Column;
import javax.persistence.ConstraintMode;
import javax.persistence.Entity;
import javax.persistence.ForeignKey;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/**
 * One search word of a client: a case- and accent-folded word (or whole value) of a field
 * that the list search looks at, with copies of the client's {@code archived},
 * {@code country} and {@code sort_name}. With those copies the covering index
 * {@code (token, archived, country, sort_name, client_pk)} answers a text search, its
 * filters, its total and a page sorted by name without touching the client table, which on
 * Derby costs some 15 µs per matching client. Written and deleted by the store, never loaded
 * as an object.
 *
 * <p>No foreign key on {@code client_pk} in databases created since 0.5.3: the rows are derived,
 * written and deleted with their client by the store alone, and the key's own index on
 * {@code client_pk} was one more B-tree entry per token row. The search plans that used that
 * index (tried without it on 2026-11-27, when the primary key was {@code (token, client_pk)}:
 * a broad search such as {@code gmbh} took half as long again) have the primary key
 * {@code (client_pk, token)} now. Older databases keep their key; it changes nothing for the store.
 */
@Entity(name = "SearchToken")
@IdClass(SearchTokenKey.class)
@Table(name = "client_token", indexes =
    @Index(name = "ix_token_search", columnList = "token, archived, country, sort_name, client_pk"))
public class SearchTokenEntity {

    // Both key columns as plain values, the client first: the primary key is (client_pk, token),
    // the order of its columns in the table, which EclipseLink gives basic ids before relations.
    @Id
    @Column(name = "client_pk")
    private Long clientPk;

    @Id
    @Column(name = "token", length = Columns.TOKEN)
    private String token;

    /** The client (inserts come after it); the key column is written through {@link #clientPk}. */
    @ManyToOne(optional = false)
    @JoinColumn(name = "client_pk", insertable = false, updatable = false,
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    private ClientEntity client;

    @Column(name = "archived", nullable = false)
    private boolean archived;

    @Column(name = "country", length = Columns.COUNTRY)
    private String country;

    @Column(name = "sort_name", length = Columns.NAME, nullable = false)
    private String sortName;

    protected SearchTokenEntity() {
    }

    /** A token of {@code client}, which must already carry its new archived flag, country and sort name. */
    public SearchTokenEntity(ClientEntity client, String token) {
        this.client = client;
        this.clientPk = client.getPk();
        this.token = token;
        this.archived = client.isArchived();
        this.country = client.getCountry();
        this.sortName = client.getSortName();
    }

    /** The row of {@link #bind}: the same columns and values as a persisted entity. */
    public static final String INSERT = "INSERT INTO client_token (token, client_pk, archived, country, sort_name)"
            + " VALUES (?, ?, ?, ?, ?)";

    /**
     * Sets the parameters of {@link #INSERT} to the row that persisting
     * {@code new SearchTokenEntity(client, token)} writes; {@code client} has its key.
     */
    public static void bind(PreparedStatement insert, ClientEntity client, String token) throws SQLException {
        insert.setString(1, token);
        insert.setLong(2, client.getPk());
        insert.setBoolean(3, client.isArchived());
        if (client.getCountry() == null) {
            insert.setNull(4, Types.VARCHAR);
        } else {
            insert.setString(4, client.getCountry());
        }
        insert.setString(5, client.getSortName());
    }
}
