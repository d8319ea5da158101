package org.clientele.persistence.internal.entity;

import java.io.Serializable;
import java.util.Objects;

/** Key of {@link ImportRowEntity}: job and row number. */
public class ImportRowKey implements Serializable {
    private static final long serialVersionUID = 1L;

    public String jobId;
    public long rowNo;

    public ImportRowKey() {
    }

    public ImportRowKey(String jobId, long rowNo) {
        this.jobId = jobId;
        this.rowNo = rowNo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportRowKey k && k.rowNo == rowNo && Objects.equals(k.jobId, jobId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, rowNo);
    }
}
