package org.clientele.shell.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.clientele.api.ClientException;
import org.clientele.api.io.ImportJob;
import org.clientele.api.io.ImportOptions;
import org.clientele.api.io.ImportService;
import org.clientele.api.io.RowOutcome;

@Service
@Command(scope = "clients", name = "import",
        description = "Imports clients from a CSV or XLSX file as a background job and shows its progress.")
public class ImportCommand implements Action {

    @Reference
    ImportService imports;

    @Reference
    Session session;

    @Argument(index = 0, name = "file", required = true, description = "The CSV or XLSX file.")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--dry-run", description = "Show per row what would happen; write nothing.")
    boolean dryRun;

    @Option(name = "--mode", description = "create or upsert (default).")
    String mode = "upsert";

    @Option(name = "--key", description = "number (default), taxId or legalName (with postal code).")
    String key = "number";

    @Option(name = "--blank", description = "ignore (default: keep stored values) or clear.")
    String blank = "ignore";

    @Option(name = "--on-error", description = "abort (default: write nothing if a row is invalid) or skip.")
    String onError = "abort";

    @Option(name = "--charset", description = "CSV charset instead of the detected one, e.g. windows-1252.")
    String charset;

    @Option(name = "--delimiter", description = "CSV delimiter instead of the detected one: ; , or tab.")
    String delimiter;

    @Option(name = "--map", multiValued = true, description = "Header=column, e.g. --map Kürzel=number (repeatable).")
    List<String> map;

    @Option(name = "--no-wait", description = "Start the job and return at once.")
    boolean noWait;

    /** Set by tests; null for the session's console. */
    PrintStream out;

    @Override
    public Object execute() throws Exception {
        Path path = Paths.get(file);
        ImportOptions options = options();
        ImportJob job;
        try (InputStream in = Files.newInputStream(path)) {
            job = imports.start(in, path.getFileName().toString(), null, options,
                    ShellUser.actor(session).user());
        } catch (NoSuchFileException e) {
            throw new CommandException("No such file: " + path.toAbsolutePath());
        } catch (ClientException e) {
            throw new CommandException(e instanceof org.clientele.api.ValidationException v ? ErrorText.of(v) : e.getMessage(), e);
        }
        PrintStream o = out != null ? out : System.out;
        o.println("Import " + job.id() + ": " + describe(job.dialect()) + ", " + job.mapping().size() + " columns");
        job.mapping().forEach((h, c) -> o.println("  " + h + " -> " + (c.isEmpty() ? "(not imported)" : c)));
        if (noWait) {
            o.println("Started; follow it at GET /api/clients/imports/" + job.id());
            return null;
        }
        while (job.state() == ImportJob.State.QUEUED || job.state() == ImportJob.State.RUNNING) {
            o.print("\r" + bar(job));
            o.flush();
            job = imports.await(job.id(), 500);
        }
        o.println("\r" + bar(job));
        o.println(summary(job));
        return null;
    }

    private ImportOptions options() throws CommandException {
        try {
            Map<String, String> mapping = new LinkedHashMap<>();
            if (map != null) {
                for (String m : map) {
                    int eq = m.lastIndexOf('=');
                    if (eq <= 0) {
                        throw new CommandException("--map wants Header=column, not '" + m + "'.");
                    }
                    mapping.put(m.substring(0, eq), m.substring(eq + 1));
                }
            }
            Character d = null;
            if (delimiter != null) {
                String v = delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
                if (v.length() != 1) {
                    throw new CommandException("--delimiter must be ; or , or tab.");
                }
                d = v.charAt(0);
            }
            ImportOptions.Key k = switch (key.toLowerCase(Locale.ROOT)) {
                case "number" -> ImportOptions.Key.NUMBER;
                case "taxid" -> ImportOptions.Key.TAX_ID;
                case "legalname" -> ImportOptions.Key.LEGAL_NAME;
                default -> throw new CommandException("--key must be number, taxId or legalName.");
            };
            return new ImportOptions(dryRun, ImportOptions.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), k,
                    ImportOptions.Blank.valueOf(blank.toUpperCase(Locale.ROOT)),
                    ImportOptions.OnError.valueOf(onError.toUpperCase(Locale.ROOT)), charset, d, mapping);
        } catch (IllegalArgumentException e) {
            throw new CommandException("--mode must be create or upsert, --blank ignore or clear, --on-error abort or skip.");
        }
    }

    static String describe(Map<String, String> dialect) {
        StringBuilder sb = new StringBuilder();
        dialect.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }

    static String bar(ImportJob job) {
        int width = 30;
        long rows = Math.max(job.rows(), 1);
        int filled = (int) Math.min(width, job.done() * width / rows);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + String.format(Locale.ROOT, "%3d%%",
                job.done() * 100 / rows) + " " + job.done() + "/" + job.rows() + " rows " + job.state();
    }

    static String summary(ImportJob job) {
        StringBuilder sb = new StringBuilder();
        sb.append(job.options().dryRun() ? "Dry run: " : "").append(job.state()).append(": ")
                .append(job.counts().getOrDefault(RowOutcome.CREATE, 0L)).append(" created, ")
                .append(job.counts().getOrDefault(RowOutcome.UPDATE, 0L)).append(" updated, ")
                .append(job.counts().getOrDefault(RowOutcome.UNCHANGED, 0L)).append(" unchanged, ")
                .append(job.counts().getOrDefault(RowOutcome.SKIP, 0L)).append(" skipped, ")
                .append(job.counts().getOrDefault(RowOutcome.ERROR, 0L)).append(" failed");
        if (job.message() != null) {
            sb.append(System.lineSeparator()).append(job.message());
        }
        if (!job.unknownColumns().isEmpty()) {
            sb.append(System.lineSeparator()).append("Not imported (unknown columns): ")
                    .append(String.join(", ", job.unknownColumns()));
        }
        for (ImportJob.JobError e : job.errors()) {
            sb.append(System.lineSeparator()).append("  row ").append(e.row()).append(e.column() == null ? "" : " " + e.column())
                    .append(": ").append(e.message());
        }
        return sb.toString();
    }
}
