package org.clientele.io.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;

import org.clientele.api.Actor;
import org.clientele.api.Channel;
import org.clientele.api.Client;
import org.clientele.api.ClientService;
import org.clientele.api.FieldChange;
import org.clientele.api.FieldError;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.TaxIdCheck;
import org.clientele.api.TaxIdValidator;
import org.clientele.api.ValidationException;
import org.clientele.api.VersionConflictException;
import org.clientele.api.io.BulkResult;
import org.clientele.api.io.ClientBulkService;
import org.clientele.api.io.ClientColumns;
import org.clientele.api.io.ImportJob;
import org.clientele.api.io.ImportOptions;
import org.clientele.api.io.ImportRejectedException;
import org.clientele.api.io.ImportRow;
import org.clientele.api.io.ImportService;
import org.clientele.api.io.RowError;
import org.clientele.api.io.RowOutcome;
import org.clientele.api.io.RowResult;
import org.clientele.api.store.ImportJobStore;
import org.clientele.io.internal.format.Limits;
import org.clientele.io.internal.format.RejectedFileException;
import org.clientele.io.internal.format.SheetReader;
import org.clientele.io.internal.format.SheetWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Import jobs. The upload is stored under the configured directory and checked (format,
 * header) before the job is queued; one worker thread then reads it in batches. With
 * {@code onError=abort} a first pass validates every row and writes nothing; the second
 * writes. Each written batch, its row results and the job's last committed row commit in
 * one transaction, so a job that was RUNNING when Karaf stopped resumes after that row.
 */
@Component(service = ImportService.class, name = "org.clientele.io", configurationPid = "org.clientele.io")
@Designate(ocd = IoConfig.class)
public class ImportServiceImpl implements ImportService {

    static final String VALIDATE = "VALIDATE";
    static final String WRITE = "WRITE";
    static final String RAGGED_ROW = "RAGGED_ROW";
    private static final Logger LOG = LoggerFactory.getLogger(ImportServiceImpl.class);
    private static final int SHOWN_ERRORS = 100;
    private static final String UPLOAD = "upload";
    private static final String ERRORS = "errors.csv";

    private final ClientBulkService bulk;
    private final ClientService clients;
    private final TaxIdValidator taxIds;
    private final ImportJobStore jobs;
    /** Replaced as a whole when the configuration changes; see {@link #modified}. */
    private volatile IoConfig config;
    private final Path directory;
    private final ExecutorService worker;
    private final Clock clock;
    private volatile boolean stopping;
    private final Object progress = new Object();

    @Activate
    public ImportServiceImpl(@Reference ClientBulkService bulk, @Reference ClientService clients,
            @Reference TaxIdValidator taxIds, @Reference ImportJobStore jobs, IoConfig config) {
        this(bulk, clients, taxIds, jobs, config, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "clientele-import");
            t.setDaemon(true);
            return t;
        }), Clock.systemUTC());
        resumeAll();
    }

    ImportServiceImpl(ClientBulkService bulk, ClientService clients, TaxIdValidator taxIds, ImportJobStore jobs,
            IoConfig config, ExecutorService worker, Clock clock) {
        this.bulk = bulk;
        this.clients = clients;
        this.taxIds = taxIds;
        this.jobs = jobs;
        this.config = config;
        this.worker = worker;
        this.clock = clock;
        this.directory = directory(config);
    }

    private static Path directory(IoConfig config) {
        if (config.directory() != null && !config.directory().isBlank()) {
            return Paths.get(config.directory());
        }
        String data = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
        return Paths.get(data, "clientele", "imports");
    }

    /** Queues the jobs that were queued or running, and the undos that were running, when the service last stopped. */
    final void resumeAll() {
        for (var r : jobs.findByState(List.of(ImportJob.State.RUNNING.name(), ImportJob.State.QUEUED.name()))) {
            LOG.info("Import {} resumes after row {}", r.id(), r.lastRow());
            submit(r.id());
        }
        for (var r : jobs.findByState(List.of(UNDOING))) {
            LOG.info("Undo of import {} resumes", r.id());
            undoing.add(r.id());
            submitUndo(r.id());
        }
    }

    /**
     * Takes a changed configuration without a restart: limits and batch size apply to the
     * next upload and the next batch. (A restart would stop the running job until the next
     * start, and a request already on its way to this instance would queue a job that no
     * worker takes.) {@code directory} applies from the next start, since queued jobs keep
     * their files where they are.
     */
    @Modified
    void modified(IoConfig changed) {
        this.config = changed;
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        worker.shutdownNow();
    }

    Limits limits() {
        return new Limits(config.maxRows(), config.maxColumns(), config.maxCellChars(), config.maxTotalChars(),
                config.maxUncompressedBytes());
    }

    // ------------------------------------------------------------------ start

    @Override
    public ImportJob start(InputStream in, String fileName, String mediaType, ImportOptions options, String user)
            throws IOException {
        ImportOptions o = options == null ? ImportOptions.defaults() : options;
        Formats.charset(o.charset());
        if (o.delimiter() != null && ";,\t|".indexOf(o.delimiter()) < 0) {
            throw new ValidationException(new FieldError("delimiter", FieldError.INVALID,
                    "The delimiter must be ; or , or a tab or |."));
        }
        String id = UUID.randomUUID().toString();
        Path dir = directory.resolve(id);
        Files.createDirectories(dir);
        Path file = dir.resolve(UPLOAD);
        try {
            String sha = store(in, file);
            byte[] head;
            try (InputStream h = Files.newInputStream(file)) {
                head = h.readNBytes(8192);
            }
            String format = Formats.detect(head, mediaType, fileName);
            Map<String, String> dialect;
            HeaderMapping.Result mapping;
            try (SheetReader reader = Formats.reader(format, new BufferedInputStream(Files.newInputStream(file)), limits(),
                    o.charset(), o.delimiter())) {
                List<String> header = reader.next();
                if (header == null || header.isEmpty()) {
                    throw new ImportRejectedException("EMPTY", "The file has no header row in its first row.");
                }
                dialect = Formats.dialect(reader);
                mapping = HeaderMapping.map(header, o.mapping());
                if (mapping.columns().stream().allMatch(c -> c == null)) {
                    throw new ImportRejectedException("NO_COLUMNS", "None of the headers (" + String.join(", ", header)
                            + ") is a known column; give a mapping, e.g. mapping.<header>=legalName.");
                }
            } catch (RejectedFileException e) {
                throw new ImportRejectedException(e.code(), e.getMessage());
            }
            JobState s = new JobState();
            s.id = id;
            s.user = user;
            s.fileName = fileName;
            s.mediaType = mediaType;
            s.sha256 = sha;
            s.options = JobText.options(o);
            s.format = format;
            s.dialect = JobText.write(dialect);
            s.mapping = JobText.write(mapping.mapping());
            s.state = ImportJob.State.QUEUED.name();
            s.createdAt = now();
            jobs.insert(s.record());
            LOG.info("Import {} of {} ({}) queued by {}", id, fileName, format, user);
            submit(id);
            return view(s);
        } catch (IOException | RuntimeException e) {
            deleteDirectory(dir);
            throw e;
        }
    }

    /** Copies the upload to {@code file}, refusing it beyond the size limit; its SHA-256. */
    private String store(InputStream in, Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long max = config.maxUploadBytes();
        try (DigestInputStream d = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[65536];
            long total = 0;
            int n;
            while ((n = d.read(buf)) >= 0) {
                total += n;
                if (total > max) {
                    throw new ImportRejectedException(ImportRejectedException.TOO_LARGE,
                            "The file is larger than " + max + " bytes (maxUploadBytes of org.clientele.io).");
                }
                out.write(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private void submit(String id) {
        try {
            worker.execute(() -> run(id));
        } catch (RejectedExecutionException e) {
            LOG.info("Import {} not started now: the service is stopping; it starts when the service starts again", id);
        }
    }

    // ------------------------------------------------------------------ the worker

    void run(String id) {
        JobState s = jobs.find(id).map(JobState::of).orElse(null);
        if (s == null || !(s.state.equals("QUEUED") || s.state.equals("RUNNING"))) {
            return;
        }
        ImportOptions o = JobText.options(s.options);
        try {
            if (s.rowsTotal == 0) {
                s.rowsTotal = countRows(s, o);
            }
            s.state = ImportJob.State.RUNNING.name();
            if (s.phase == null) {
                s.phase = !o.dryRun() && o.onError() == ImportOptions.OnError.ABORT ? VALIDATE : WRITE;
            }
            jobs.update(s.record());
            if (VALIDATE.equals(s.phase)) {
                jobs.deleteRows(id, 0);
                s.resetCounts();
                pass(s, o, true);
                if (s.failed > 0) {
                    // nothing was written: only the invalid rows count
                    s.created = 0;
                    s.updated = 0;
                    s.unchanged = 0;
                    s.skipped = 0;
                    finish(s, ImportJob.State.FAILED, s.failed + " of " + s.rowsTotal
                            + " rows are invalid; nothing was written (onError=abort).");
                    return;
                }
                jobs.deleteRows(id, 0);
                s.resetCounts();
                s.phase = WRITE;
                jobs.update(s.record());
            }
            pass(s, o, o.dryRun());
            finish(s, ImportJob.State.DONE, null);
        } catch (Stopped e) {
            LOG.info("Import {} stops after row {}; it resumes when the service starts again", id, s.lastRow);
        } catch (RejectedFileException e) {
            LOG.debug("Import {} refused the file", id, e);
            failQuietly(s, e.getMessage() + " (" + e.code() + ")");
        } catch (AbortedBatch e) {
            failQuietly(s, "Row " + e.row + " became invalid while the import ran; rows up to " + s.lastRow
                    + " were written. " + e.getMessage());
        } catch (RuntimeException | IOException e) {
            if (stopping) {
                LOG.info("Import {} interrupted by shut-down after row {}", id, s.lastRow);
                return;
            }
            LOG.error("Import {} failed after row {}", id, s.lastRow, e);
            failQuietly(s, "The import failed after row " + s.lastRow + ": " + e.getMessage());
        }
    }

    private void failQuietly(JobState s, String message) {
        try {
            finish(s, ImportJob.State.FAILED, message);
        } catch (RuntimeException | IOException e) {
            LOG.error("Import {}: could not record the failure", s.id, e);
        }
    }

    private void finish(JobState s, ImportJob.State state, String message) throws IOException {
        s.state = state.name();
        s.message = message;
        s.finishedAt = now();
        Path dir = directory.resolve(s.id);
        if (s.failed > 0 && Files.exists(dir.resolve(UPLOAD))) {
            writeErrorFile(s, dir);
        }
        jobs.update(s.record());
        signal();
        Files.deleteIfExists(dir.resolve(UPLOAD));
        LOG.info("Import {} {}: {} created, {} updated, {} unchanged, {} skipped, {} failed{}", s.id, state,
                s.created, s.updated, s.unchanged, s.skipped, s.failed, message == null ? "" : " - " + message);
    }

    private long countRows(JobState s, ImportOptions o) throws IOException {
        try (SheetReader r = open(s, o)) {
            r.next();
            long n = 0;
            List<String> row;
            while ((row = r.next()) != null) {
                if (!blank(row)) {
                    n++;
                }
            }
            return n;
        }
    }

    private SheetReader open(JobState s, ImportOptions o) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(directory.resolve(s.id).resolve(UPLOAD)), 65536);
        return Formats.reader(s.format, in, limits(), o.charset(), o.delimiter());
    }

    /** One pass over the file from the row after {@code s.lastRow}: validate only, dry run or write. */
    private void pass(JobState s, ImportOptions o, boolean dry) throws IOException {
        Actor actor = new Actor(s.user, Channel.IMPORT, s.id);
        boolean validateOnly = VALIDATE.equals(s.phase);
        try (SheetReader reader = open(s, o)) {
            List<String> header = reader.next();
            HeaderMapping.Result mapping = HeaderMapping.map(header, o.mapping());
            KeySet keys = new KeySet();
            List<ImportRow> batch = new ArrayList<>();
            List<RowResult> early = new ArrayList<>();
            List<String> cells;
            long last = 0;
            while ((cells = reader.next()) != null) {
                long rowNo = reader.rowNumber();
                if (blank(cells)) {
                    continue;
                }
                ImportRow row = row(rowNo, cells, mapping);
                String key = key(row, o.key());
                if (rowNo <= s.lastRow) {
                    if (key != null) {
                        keys.add(key);
                    }
                    continue;
                }
                if (cells.size() > header.size() && cells.subList(header.size(), cells.size()).stream()
                        .anyMatch(c -> c != null && !c.isBlank())) {
                    early.add(error(rowNo, null, RAGGED_ROW, "The row has " + cells.size()
                            + " cells but the header only " + header.size() + "."));
                } else if (key != null && !keys.add(key)) {
                    early.add(error(rowNo, keyColumn(o.key()), RowError.DUPLICATE_IN_FILE,
                            "An earlier row has the same " + keyColumn(o.key()) + "; this row is left out."));
                } else {
                    batch.add(row);
                }
                last = rowNo;
                if (batch.size() + early.size() >= config.batchSize()) {
                    commit(s, o, actor, batch, early, last, dry, validateOnly);
                    batch.clear();
                    early.clear();
                }
            }
            if (!batch.isEmpty() || !early.isEmpty()) {
                commit(s, o, actor, batch, early, last, dry, validateOnly);
            }
        }
    }

    private void commit(JobState s, ImportOptions o, Actor actor, List<ImportRow> batch, List<RowResult> early,
            long last, boolean dry, boolean validateOnly) {
        if (stopping || Thread.currentThread().isInterrupted()) {
            throw new Stopped();
        }
        jobs.inTransaction(() -> {
            BulkResult r = batch.isEmpty() ? new BulkResult(List.of(), false)
                    : bulk.upsertBatch(batch, o, actor, dry || validateOnly);
            if (!dry && !validateOnly && !r.written() && !batch.isEmpty()) {
                RowResult bad = r.rows().stream().filter(x -> x.outcome() == RowOutcome.ERROR).findFirst().orElseThrow();
                throw new AbortedBatch(bad.row(), bad.errors().isEmpty() ? "" : bad.errors().get(0).message());
            }
            List<RowResult> results = new ArrayList<>(r.rows());
            results.addAll(early);
            results.sort(Comparator.comparingLong(RowResult::row));
            List<RowResult> kept = new ArrayList<>(results.size());
            for (RowResult x : results) {
                s.count(x.outcome());
                if (validateOnly) {
                    if (x.outcome() == RowOutcome.ERROR) {
                        kept.add(x);
                    }
                } else if (!dry && x.outcome() == RowOutcome.CREATE) {
                    kept.add(new RowResult(x.row(), x.outcome(), x.clientId(), x.number(), List.of(), x.errors()));
                } else {
                    kept.add(x);
                }
            }
            jobs.appendRows(s.id, kept);
            s.rowsDone += results.size();
            s.lastRow = last;
            jobs.update(s.record());
            return null;
        });
        signal();
    }

    private void signal() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    @Override
    public ImportJob await(String id, long timeoutMillis) throws InterruptedException {
        JobState before = state(id);
        if (ended(before) || timeoutMillis <= 0) {
            return view(before);
        }
        synchronized (progress) {
            JobState now = state(id);
            if (now.rowsDone == before.rowsDone && now.state.equals(before.state)) {
                progress.wait(timeoutMillis);
            }
        }
        return get(id);
    }

    private static boolean ended(JobState s) {
        return !s.state.equals("QUEUED") && !s.state.equals("RUNNING") && !s.state.equals(UNDOING);
    }

    private ImportRow row(long rowNo, List<String> cells, HeaderMapping.Result mapping) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> columns = mapping.columns();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (column == null) {
                continue;
            }
            String v = i < cells.size() && cells.get(i) != null ? Neutralizer.restore(cells.get(i)) : "";
            if (ClientColumns.COUNTRY.equals(column)) {
                v = CountryNames.code(v);
            }
            values.put(column, v);
        }
        return new ImportRow(rowNo, values);
    }

    /** The row's business key as the domain compares it, for duplicates across batches; null when it has none. */
    private String key(ImportRow row, ImportOptions.Key key) {
        Map<String, String> v = row.values();
        switch (key) {
            case NUMBER: {
                String n = v.get(ClientColumns.NUMBER);
                return n == null || n.isBlank() ? null : "n:" + n.strip().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            }
            case TAX_ID: {
                String t = v.get(ClientColumns.TAX_ID);
                if (t == null || t.isBlank()) {
                    return null;
                }
                String c = v.get(ClientColumns.COUNTRY);
                TaxIdCheck check = taxIds.check(t.strip(), c == null || c.isBlank() ? null : c.strip().toUpperCase(Locale.ROOT));
                return check.valid() ? "t:" + check.normalized() : null;
            }
            default: {
                String name = v.get(ClientColumns.LEGAL_NAME);
                String postal = v.get(ClientColumns.POSTAL_CODE);
                if (name == null || name.isBlank() || postal == null || postal.isBlank()) {
                    return null;
                }
                return "l:" + HeaderMapping.normalize(name) + "|" + postal.replace(" ", "").toUpperCase(Locale.ROOT);
            }
        }
    }

    private static String keyColumn(ImportOptions.Key key) {
        return switch (key) {
            case NUMBER -> ClientColumns.NUMBER;
            case TAX_ID -> ClientColumns.TAX_ID;
            case LEGAL_NAME -> ClientColumns.LEGAL_NAME;
        };
    }

    private static RowResult error(long row, String column, String code, String message) {
        return new RowResult(row, RowOutcome.ERROR, null, null, List.of(), List.of(new RowError(column, code, message)));
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    /** Worker stopped between batches. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** onError=abort and a row turned invalid during the write pass: the batch is rolled back. */
    private static final class AbortedBatch extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long row;

        AbortedBatch(long row, String message) {
            super(message);
            this.row = row;
        }
    }

    // ------------------------------------------------------------------ errors file

    /** The failed rows as in the upload, plus an error column, in the upload's delimiter. */
    private void writeErrorFile(JobState s, Path dir) throws IOException {
        ImportOptions o = JobText.options(s.options);
        Map<Long, String> reasons = new HashMap<>();
        Map<String, String> headerOf = reverse(JobText.read(s.mapping));
        for (int offset = 0;; offset += 500) {
            Page<RowResult> p = jobs.rows(s.id, RowOutcome.ERROR, 500, offset);
            for (RowResult r : p.items()) {
                StringBuilder sb = new StringBuilder();
                for (RowError e : r.errors()) {
                    if (sb.length() > 0) {
                        sb.append("; ");
                    }
                    if (e.column() != null) {
                        sb.append(headerOf.getOrDefault(e.column(), e.column())).append(": ");
                    }
                    sb.append(e.message());
                }
                reasons.put(r.row(), sb.toString());
            }
            if (!p.hasNext()) {
                break;
            }
        }
        boolean semicolon = ";".equals(JobText.read(s.dialect).get("delimiter"));
        Path tmp = dir.resolve(ERRORS + ".tmp");
        try (SheetReader reader = open(s, o); OutputStream out = Files.newOutputStream(tmp);
                SheetWriter w = Formats.writer(Formats.CSV, semicolon ? "excel-de" : "rfc4180", out)) {
            List<String> header = reader.next();
            List<String> h = new ArrayList<>(header);
            h.add("error");
            w.row(neutralized(h));
            List<String> cells;
            while ((cells = reader.next()) != null) {
                String reason = reasons.get(reader.rowNumber());
                if (reason != null) {
                    List<String> line = new ArrayList<>(cells);
                    while (line.size() < header.size()) {
                        line.add("");
                    }
                    line.add(reason);
                    w.row(neutralized(line));
                }
            }
            w.finish();
        }
        Files.move(tmp, dir.resolve(ERRORS), StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<String> neutralized(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        cells.forEach(c -> out.add(Neutralizer.neutralize(c)));
        return out;
    }

    private static Map<String, String> reverse(Map<String, String> mapping) {
        Map<String, String> out = new HashMap<>();
        mapping.forEach((header, column) -> {
            if (column != null && !column.isEmpty()) {
                out.putIfAbsent(column, header);
            }
        });
        return out;
    }

    @Override
    public void writeErrors(String id, String format, OutputStream out) throws IOException {
        JobState s = state(id);
        boolean xlsx = Formats.XLSX.equals(format);
        if (!xlsx && format != null && !Formats.CSV.equals(format)) {
            throw new ValidationException(new FieldError("format", FieldError.INVALID, "format must be csv or xlsx."));
        }
        Path file = directory.resolve(s.id).resolve(ERRORS);
        if (!Files.exists(file)) {
            if (s.failed == 0 && ended(s)) {
                // nothing failed: the error column alone
                try (SheetWriter w = Formats.writer(xlsx ? Formats.XLSX : Formats.CSV, "rfc4180", out)) {
                    w.row(List.of("error"));
                    w.finish();
                }
                return;
            }
            throw new NotFoundException("errors of import", id);
        }
        if (!xlsx) {
            Files.copy(file, out);
            return;
        }
        try (SheetReader r = Formats.reader(Formats.CSV, new BufferedInputStream(Files.newInputStream(file)), limits(),
                "UTF-8", null); SheetWriter w = Formats.writer(Formats.XLSX, null, out)) {
            List<String> row;
            while ((row = r.next()) != null) {
                w.row(row);
            }
            w.finish();
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    public ImportJob get(String id) {
        return view(state(id));
    }

    private JobState state(String id) {
        return jobs.find(id).map(JobState::of).orElseThrow(() -> new NotFoundException("import", id));
    }

    @Override
    public Page<RowResult> rows(String id, RowOutcome outcome, int limit, int offset) {
        state(id);
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new ValidationException(new FieldError("limit", FieldError.INVALID,
                    "limit must be 1 to 500 and offset not negative."));
        }
        return jobs.rows(id, outcome, limit, offset);
    }

    private ImportJob view(JobState s) {
        Map<RowOutcome, Long> counts = new LinkedHashMap<>();
        counts.put(RowOutcome.CREATE, s.created);
        counts.put(RowOutcome.UPDATE, s.updated);
        counts.put(RowOutcome.UNCHANGED, s.unchanged);
        counts.put(RowOutcome.SKIP, s.skipped);
        counts.put(RowOutcome.ERROR, s.failed);
        Map<String, String> mapping = JobText.read(s.mapping);
        Map<String, String> headerOf = reverse(mapping);
        List<ImportJob.JobError> errors = new ArrayList<>();
        if (s.failed > 0) {
            for (RowResult r : jobs.rows(s.id, RowOutcome.ERROR, SHOWN_ERRORS, 0).items()) {
                for (RowError e : r.errors()) {
                    errors.add(new ImportJob.JobError(r.row(), e.column() == null ? null
                            : headerOf.getOrDefault(e.column(), e.column()), e.code(), e.message()));
                }
            }
        }
        List<String> unknown = new ArrayList<>();
        ImportOptions o = JobText.options(s.options);
        mapping.forEach((h, c) -> {
            if (c == null || c.isEmpty()) {
                String given = o.mapping().entrySet().stream()
                        .filter(e -> HeaderMapping.normalize(e.getKey()).equals(HeaderMapping.normalize(h)))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (given == null || !given.isEmpty()) {
                    unknown.add(h);
                }
            }
        });
        return new ImportJob(s.id, ImportJob.State.valueOf(s.state), s.fileName, s.user, o, s.format,
                JobText.read(s.dialect), mapping, unknown, s.rowsTotal, s.rowsDone, counts, errors, s.message,
                s.createdAt, s.finishedAt);
    }

    // ------------------------------------------------------------------ undo

    /** Row results read at a time by the undo; its progress is stored after each page. */
    static final int UNDO_PAGE = 500;

    private static final String UNDOING = ImportJob.State.UNDOING.name();

    /** Jobs whose undo is queued or running in this JVM. */
    private final Set<String> undoing = ConcurrentHashMap.newKeySet();

    /**
     * Checks the job and marks it {@code UNDOING} under one lock, so that of two requests at
     * once (a repeated click) one starts the undo and the other is told that it runs; then
     * queues the undo on the import worker. An {@code UNDOING} job whose undo does not run in
     * this JVM (it stopped on an error) is queued again and goes on where it stopped.
     */
    @Override
    public ImportJob undo(String id, String user) {
        JobState s;
        synchronized (undoing) {
            s = state(id);
            ImportOptions o = JobText.options(s.options);
            if (undoing.contains(id)) {
                throw new ValidationException(new FieldError("state", FieldError.INVALID,
                        "An undo of this import is running already."));
            }
            if (!s.state.equals(UNDOING)) {
                if (!s.state.equals("DONE") && !s.state.equals("FAILED") || o.dryRun()) {
                    throw new ValidationException(new FieldError("state", FieldError.INVALID, "Only a finished import"
                            + " that wrote something can be undone; this one is " + s.state
                            + (o.dryRun() ? " (dry run)" : "") + "."));
                }
                UndoProgress p = UndoProgress.start(user);
                s.options = p.into(s.options);
                s.state = UNDOING;
                s.rowsDone = 0;
                s.message = p.running();
                jobs.update(s.record());
            }
            undoing.add(id);
        }
        LOG.info("Import {}: undo asked for by {}", id, user);
        submitUndo(id);
        return view(s);
    }

    private void submitUndo(String id) {
        try {
            worker.execute(() -> runUndo(id));
        } catch (RejectedExecutionException e) {
            undoing.remove(id);
            LOG.info("Undo of import {} not started now: the service is stopping; it starts when the service starts again", id);
        }
    }

    /**
     * Walks the job's row results back from the last row, a page at a time (memory stays flat
     * and each page is one range of the row results' key), and stores the progress after each
     * page. Each client's erase or restore is a transaction of its own.
     */
    void runUndo(String id) {
        try {
            JobState s = jobs.find(id).map(JobState::of).orElse(null);
            if (s == null || !s.state.equals(UNDOING)) {
                return;
            }
            UndoProgress p = UndoProgress.read(s.options);
            Actor actor = new Actor(p.by, Channel.IMPORT, "undo of import " + id);
            // after a stop, the page after the stored one may be partly done already: a created
            // client found gone and a changed one found with its old values count as done there
            boolean resumed = p.begun;
            if (!resumed) {
                p.begun = true;
                s.options = p.into(s.options);
                jobs.update(s.record());
            }
            try {
                for (List<RowResult> page = jobs.rowsBefore(id, p.before, UNDO_PAGE); !page.isEmpty();
                        page = jobs.rowsBefore(id, p.before, UNDO_PAGE)) {
                    for (RowResult r : page) {
                        if (stopping || Thread.currentThread().isInterrupted()) {
                            throw new Stopped();
                        }
                        undoRow(r, actor, p, resumed);
                    }
                    resumed = false;
                    p.before = page.get(page.size() - 1).row();
                    s.rowsDone += page.size();
                    s.options = p.into(s.options);
                    s.message = p.running();
                    jobs.update(s.record());
                    signal();
                }
                s.state = ImportJob.State.UNDONE.name();
                s.message = p.text();
                jobs.update(s.record());
                signal();
                LOG.info("Import {}: {}", id, s.message);
            } catch (Stopped e) {
                LOG.info("Undo of import {} stops before row {}; it goes on when the service starts again", id, p.before);
            } catch (RuntimeException e) {
                if (stopping) {
                    LOG.info("Undo of import {} interrupted by shut-down before row {}", id, p.before);
                    return;
                }
                LOG.error("Undo of import {} stopped before row {}", id, p.before, e);
                s.message = "The undo stopped before row " + p.before + ": " + e.getMessage()
                        + " Ask for the undo again to go on from there.";
                try {
                    jobs.update(s.record());
                } catch (RuntimeException again) {
                    LOG.error("Import {}: could not record that the undo stopped", id, again);
                }
                signal();
            }
        } finally {
            undoing.remove(id);
        }
    }

    private void undoRow(RowResult r, Actor actor, UndoProgress p, boolean resumed) {
        if (r.outcome() != RowOutcome.CREATE && r.outcome() != RowOutcome.UPDATE) {
            return;
        }
        Client current;
        try {
            current = clients.get(r.clientId());
        } catch (NotFoundException gone) {
            if (resumed && r.outcome() == RowOutcome.CREATE) {
                p.erased++;
            }
            return;
        }
        if (r.outcome() == RowOutcome.CREATE) {
            // only as the import left it: a client changed since, or with projects, orders,
            // files … that people added since, is theirs now and stays
            try {
                if (clients.eraseUntouched(current.id(), current.version(), actor)) {
                    p.erased++;
                } else {
                    p.keep("row " + r.row() + " (changed or given records since)");
                }
            } catch (VersionConflictException | NotFoundException changedMeanwhile) {
                p.keep("row " + r.row() + " (changed during the undo)");
            }
            return;
        }
        Map<String, String> values = ClientColumns.values(current);
        boolean any = false;
        boolean back = true;
        for (FieldChange ch : r.changes()) {
            String now = values.get(ch.field());
            if (java.util.Objects.equals(now, ch.newValue())) {
                values.put(ch.field(), ch.oldValue());
                any = true;
            } else if (!java.util.Objects.equals(now, ch.oldValue())) {
                p.keep("row " + r.row() + " " + ch.field());
                back = false;
            }
        }
        if (!any) {
            if (resumed && back) {
                p.restored++;
            }
            return;
        }
        Map<String, String> cells = new HashMap<>();
        values.forEach((k, v) -> cells.put(k, v == null ? "" : v));
        try {
            clients.update(current.id(), current.version(), ClientColumns.draft(cells), actor);
            p.restored++;
        } catch (VersionConflictException | NotFoundException changedMeanwhile) {
            p.keep("row " + r.row() + " (changed during the undo)");
        }
    }

    // ------------------------------------------------------------------ helpers

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void deleteDirectory(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}", dir, e);
        }
    }
}
