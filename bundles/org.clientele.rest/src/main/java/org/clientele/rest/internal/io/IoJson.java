package org.clientele.rest.internal.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.clientele.api.FieldChange;
import org.clientele.api.io.ImportJob;
import org.clientele.api.io.ImportRejectedException;
import org.clientele.api.io.RowError;
import org.clientele.api.io.RowOutcome;
import org.clientele.api.io.RowResult;

/** The JSON of jobs and rows (API.md "Import and export"), and the problems of refused files. */
final class IoJson {
    static final MediaType PROBLEM = MediaType.valueOf("application/problem+json");
    private static final String TYPE_BASE = "https://clientele.org/problems/";

    private IoJson() {
    }

    static Map<String, Object> job(ImportJob j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("state", j.state().name());
        m.put("fileName", j.fileName());
        m.put("user", j.user());
        m.put("format", j.format());
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("dryRun", j.options().dryRun());
        options.put("mode", lower(j.options().mode().name()));
        options.put("key", j.options().key() == org.clientele.api.io.ImportOptions.Key.TAX_ID ? "taxId"
                : j.options().key() == org.clientele.api.io.ImportOptions.Key.LEGAL_NAME ? "legalName" : "number");
        options.put("blank", lower(j.options().blank().name()));
        options.put("onError", lower(j.options().onError().name()));
        m.put("options", options);
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("rows", j.rows());
        progress.put("done", j.done());
        m.put("progress", progress);
        m.put("dialect", j.dialect());
        m.put("mapping", j.mapping());
        m.put("unknownColumns", j.unknownColumns());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("created", j.counts().getOrDefault(RowOutcome.CREATE, 0L));
        counts.put("updated", j.counts().getOrDefault(RowOutcome.UPDATE, 0L));
        counts.put("unchanged", j.counts().getOrDefault(RowOutcome.UNCHANGED, 0L));
        counts.put("skipped", j.counts().getOrDefault(RowOutcome.SKIP, 0L));
        counts.put("failed", j.counts().getOrDefault(RowOutcome.ERROR, 0L));
        m.put("counts", counts);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ImportJob.JobError e : j.errors()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("row", e.row());
            x.put("column", e.column());
            x.put("code", e.code());
            x.put("message", e.message());
            errors.add(x);
        }
        m.put("errors", errors);
        m.put("message", j.message());
        m.put("createdAt", j.createdAt() == null ? null : j.createdAt().toString());
        m.put("finishedAt", j.finishedAt() == null ? null : j.finishedAt().toString());
        return m;
    }

    static Map<String, Object> row(RowResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row", r.row());
        m.put("outcome", lower(r.outcome().name()));
        m.put("clientId", r.clientId());
        m.put("number", r.number());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (FieldChange c : r.changes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("field", c.field());
            x.put("old", c.oldValue());
            x.put("new", c.newValue());
            changes.add(x);
        }
        m.put("changes", changes);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (RowError e : r.errors()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("column", e.column());
            x.put("code", e.code());
            x.put("message", e.message());
            errors.add(x);
        }
        m.put("errors", errors);
        return m;
    }

    static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    /** 413 for files over a size limit, 415 for formats we do not read, 422 for broken or hostile files. */
    static WebApplicationException refused(ImportRejectedException e) {
        int status;
        String title;
        switch (e.code()) {
            case ImportRejectedException.TOO_LARGE, "TOO_MANY_ROWS", "TEXT_TOO_LONG" -> {
                status = 413;
                title = "File too large";
            }
            case ImportRejectedException.UNSUPPORTED_FORMAT, "NOT_XLSX", "ENCRYPTED" -> {
                status = 415;
                title = "Unsupported file format";
            }
            default -> {
                status = 422;
                title = "File refused";
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + "import-" + lower(e.code()).replace('_', '-'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", e.getMessage());
        body.put("code", e.code());
        return new WebApplicationException(e.getMessage(), Response.status(status).type(PROBLEM).entity(body).build());
    }
}
