package org.clientele.shell.internal;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.clientele.api.ClientException;
import org.clientele.api.ClientQuery;
import org.clientele.api.io.ExportService;

@Service
@Command(scope = "clients", name = "export",
        description = "Exports the client list (optionally filtered like clients:list) as CSV or XLSX.")
public class ExportCommand implements Action {

    @Reference
    ExportService export;

    @Argument(index = 0, name = "file", required = true, description = "The file to write.")
    @Completion(FileCompleter.class)
    String file;

    @Argument(index = 1, name = "query", required = false, multiValued = true,
            description = "Words that must start a word of name, number, tax ID, city or e-mail.")
    List<String> words;

    @Option(name = "--format", description = "csv (default) or xlsx; .xlsx files default to xlsx.")
    String format;

    @Option(name = "--dialect", description = "rfc4180 (default) or excel-de (; BOM CRLF).")
    String dialect;

    @Option(name = "-c", aliases = "--country", description = "Only clients in this country.")
    String country;

    @Option(name = "-t", aliases = "--tag", description = "Only clients with this tag.")
    String tag;

    @Option(name = "--all", description = "Active and archived clients.")
    boolean all;

    @Override
    public Object execute() throws Exception {
        Path path = Paths.get(file);
        String f = format != null ? format : path.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? "xlsx" : "csv";
        String q = words == null || words.isEmpty() ? null : String.join(" ", words);
        ClientQuery query = new ClientQuery(q, country, tag, all ? null : Boolean.FALSE, List.of(), ClientQuery.MAX_LIMIT, 0);
        Path tmp = path.resolveSibling(path.getFileName() + ".part");
        long n;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            n = export.export(f, dialect, query, out);
        } catch (ClientException e) {
            Files.deleteIfExists(tmp);
            throw new CommandException(e instanceof org.clientele.api.ValidationException v ? ErrorText.of(v) : e.getMessage(), e);
        }
        Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Exported " + n + " clients to " + path.toAbsolutePath());
        return null;
    }
}
