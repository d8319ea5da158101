package org.clientele.tab.projects.internal.entity;

import java.math.BigDecimal;
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

/**
 * Hours booked on a project on one day. It keeps the client id as well, so that a client's
 * hours are summed without a join.
 */
@Entity(name = "PrjTimeEntry")
@Table(name = "PRJ_TIME_ENTRY", indexes = {
    @Index(name = "IX_PRJ_TIME_PROJECT", columnList = "PROJECT_ID, ENTRY_DATE"),
    @Index(name = "IX_PRJ_TIME_CLIENT", columnList = "CLIENT_ID, HOURS")})
public class TimeEntryEntity {

    @Id
    @Column(name = "PK")
    @TableGenerator(name = "prj_time_pk", table = Ids.TABLE, pkColumnName = "NAME",
            valueColumnName = "NEXT_VALUE", pkColumnValue = "time_entry", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "prj_time_pk")
    private Long pk;

    @Column(name = "PROJECT_ID", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "CLIENT_ID", length = Ids.CLIENT_ID, nullable = false, updatable = false)
    private String clientId;

    @Column(name = "ENTRY_DATE", nullable = false)
    private LocalDate entryDate;

    @Column(name = "HOURS", precision = 7, scale = 2, nullable = false)
    private BigDecimal hours;

    @Column(name = "NOTE", length = 1000)
    private String note;

    @Column(name = "USER_NAME", length = 100, nullable = false)
    private String userName;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private long createdAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected TimeEntryEntity() {
    }

    public TimeEntryEntity(long projectId, String clientId, LocalDate entryDate, BigDecimal hours, String note,
            String userName, long now) {
        this.projectId = projectId;
        this.clientId = clientId;
        this.entryDate = entryDate;
        this.hours = hours;
        this.note = note;
        this.userName = userName;
        this.createdAt = now;
    }

    public Long getPk() {
        return pk;
    }

    public Long getProjectId() {
        return projectId;
    }

    public String getClientId() {
        return clientId;
    }

    public LocalDate getEntryDate() {
        return entryDate;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public String getNote() {
        return note;
    }

    public String getUserName() {
        return userName;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
