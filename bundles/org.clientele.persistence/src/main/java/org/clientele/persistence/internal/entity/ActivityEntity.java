package org.clientele.persistence.internal.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.clientele.api.ClientQuery;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/** One entry of a client's history. */
@Entity(name = "Activity")
@Table(name = "activity", indexes = @Index(name = "ix_activity_client", columnList = "client_id, occurred_at, pk"))
public class ActivityEntity {

    /** Longest changes text kept in the entry's row (Derby's VARCHAR limit is 32,672). */
    public static final int CHANGES_TEXT = 32000;

    @Id
    @Column(name = "pk")
    @TableGenerator(name = "activity_pk", table = Columns.ID_TABLE, pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "activity", allocationSize = Columns.ID_ALLOCATION)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "activity_pk")
    private Long pk;

    @Column(name = "client_id", length = Columns.PUBLIC_ID, nullable = false)
    private String clientId;

    @Column(name = "occurred_at", nullable = false)
    @Convert(converter = InstantMicrosConverter.class)
    private Instant occurredAt;

    @Column(name = "user_name", length = Columns.USER, nullable = false)
    private String user;

    @Column(name = "channel", length = Columns.CODE, nullable = false)
    private String channel;

    @Column(name = "reference", length = Columns.REFERENCE)
    private String reference;

    @Column(name = "action", length = Columns.CODE, nullable = false)
    private String action;

    /**
     * The changes as one text ({@code ChangeText}) when they fit, instead of one
     * {@code activity_change} row each; null for entries written before this column existed
     * and for entries whose changes are too long, whose changes are the rows.
     */
    @Column(name = "changes_text", length = CHANGES_TEXT)
    private String changesText;

    @OneToMany(mappedBy = "activity", cascade = CascadeType.ALL)
    @OrderBy("position")
    @BatchFetch(value = BatchFetchType.IN, size = ClientQuery.MAX_LIMIT)
    private List<FieldChangeEntity> changes = new ArrayList<>();

    public Long getPk() {
        return pk;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getChangesText() {
        return changesText;
    }

    public void setChangesText(String changesText) {
        this.changesText = changesText;
    }

    public List<FieldChangeEntity> getChanges() {
        return changes;
    }
}
