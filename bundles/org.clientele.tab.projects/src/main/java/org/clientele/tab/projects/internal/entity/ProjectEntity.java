package org.clientele.tab.projects.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A project of a client. Its public id is the primary key as a string. */
@Entity(name = "PrjProject")
// (client, status) covers the overview's counts; (client, name, pk) gives the tab's pages in order
@Table(name = "PRJ_PROJECT", indexes = {
    @Index(name = "IX_PRJ_PROJECT_CLIENT", columnList = "CLIENT_ID, STATUS"),
    @Index(name = "IX_PRJ_PROJECT_NAME", columnList = "CLIENT_ID, NAME, PK")})
public class ProjectEntity {

    @Id
    @Column(name = "PK")
    @TableGenerator(name = "prj_project_pk", table = Ids.TABLE, pkColumnName = "NAME",
            valueColumnName = "NEXT_VALUE", pkColumnValue = "project", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "prj_project_pk")
    private Long pk;

    @Column(name = "CLIENT_ID", length = Ids.CLIENT_ID, nullable = false, updatable = false)
    private String clientId;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    /** Milliseconds since the epoch, UTC. */
    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected ProjectEntity() {
    }

    public ProjectEntity(String clientId, String name, String status, long now) {
        this.clientId = clientId;
        this.name = name;
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getPk() {
        return pk;
    }

    public String getClientId() {
        return clientId;
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public void change(String newName, String newStatus, long now) {
        this.name = newName;
        this.status = newStatus;
        this.updatedAt = now;
    }
}
