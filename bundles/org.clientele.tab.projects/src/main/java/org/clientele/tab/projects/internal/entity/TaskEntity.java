package org.clientele.tab.projects.internal.entity;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A task of a client, optionally within one of its projects. */
@Entity(name = "PrjTask")
@Table(name = "PRJ_TASK", indexes = {
    @Index(name = "IX_PRJ_TASK_CLIENT", columnList = "CLIENT_ID, STATUS, DUE_DATE, PK"),
    @Index(name = "IX_PRJ_TASK_PROJECT", columnList = "PROJECT_ID, STATUS")})
public class TaskEntity {

    @Id
    @Column(name = "PK")
    @TableGenerator(name = "prj_task_pk", table = Ids.TABLE, pkColumnName = "NAME",
            valueColumnName = "NEXT_VALUE", pkColumnValue = "task", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "prj_task_pk")
    private Long pk;

    @Column(name = "CLIENT_ID", length = Ids.CLIENT_ID, nullable = false, updatable = false)
    private String clientId;

    @Column(name = "PROJECT_ID")
    private Long projectId;

    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;

    @Column(name = "DUE_DATE")
    private LocalDate dueDate;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected TaskEntity() {
    }

    public TaskEntity(String clientId, Long projectId, String title, LocalDate dueDate, String status, long now) {
        this.clientId = clientId;
        this.projectId = projectId;
        this.title = title;
        this.dueDate = dueDate;
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

    public Long getProjectId() {
        return projectId;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getDueDate() {
        return dueDate;
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

    public void change(Long newProjectId, String newTitle, LocalDate newDueDate, String newStatus, long now) {
        this.projectId = newProjectId;
        this.title = newTitle;
        this.dueDate = newDueDate;
        this.status = newStatus;
        this.updatedAt = now;
    }
}
