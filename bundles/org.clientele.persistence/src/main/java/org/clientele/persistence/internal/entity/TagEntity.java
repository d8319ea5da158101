package org.clientele.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** One tag of a client, identified by the client and its position in the list. */
@Entity(name = "Tag")
@IdClass(ChildKey.class)
@Table(name = "client_tag", indexes = {
    @Index(name = "ix_tag_client", columnList = "client_pk, position"),
    @Index(name = "ix_tag_tag", columnList = "tag, client_pk")})
public class TagEntity {

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "client_pk")
    private ClientEntity client;

    @Id
    @Column(name = "position")
    private int position;

    /** The client's key as a plain value, for subqueries that need no join to the client. */
    @Column(name = "client_pk", insertable = false, updatable = false)
    private Long clientPk;

    @Column(name = "tag", length = Columns.TAG, nullable = false)
    private String tag;

    protected TagEntity() {
    }

    public TagEntity(ClientEntity client, int position) {
        this.client = client;
        this.position = position;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    /** The place in the client's list (0 first). */
    public int getPosition() {
        return position;
    }
}
