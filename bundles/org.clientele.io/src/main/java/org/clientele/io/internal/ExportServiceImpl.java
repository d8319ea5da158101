package org.clientele.io.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientService;
import org.clientele.api.FieldError;
import org.clientele.api.Page;
import org.clientele.api.ValidationException;
import org.clientele.api.io.ClientColumns;
import org.clientele.api.io.ExportService;
import org.clientele.io.internal.format.SheetWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Streams the client list page by page through {@link ClientService#search} into CSV or
 * XLSX, in the canonical columns, every text cell neutralised against formula injection.
 */
@Component(service = ExportService.class, name = "org.clientele.io.export")
public class ExportServiceImpl implements ExportService {

    static final int PAGE = ClientQuery.MAX_LIMIT;

    private final ClientService clients;

    @Activate
    public ExportServiceImpl(@Reference ClientService clients) {
        this.clients = clients;
    }

    @Override
    public long export(String format, String dialect, ClientQuery query, OutputStream out) throws IOException {
        String f = format == null || format.isBlank() ? Formats.CSV : format.strip().toLowerCase(Locale.ROOT);
        String d = dialect == null || dialect.isBlank() ? RFC4180 : dialect.strip().toLowerCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (!f.equals(Formats.CSV) && !f.equals(Formats.XLSX)) {
            errors.add(new FieldError("format", FieldError.INVALID, "format must be csv or xlsx."));
        }
        if (!d.equals(RFC4180) && !d.equals(EXCEL_DE)) {
            errors.add(new FieldError("dialect", FieldError.INVALID, "dialect must be rfc4180 or excel-de."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ClientQuery q = query == null ? ClientQuery.text(null) : query;
        // validate the filter before the first byte goes out
        Page<Client> page = clients.search(new ClientQuery(q.text(), q.country(), q.tag(), q.archived(), q.sort(), PAGE, 0));
        long written = 0;
        try (SheetWriter w = Formats.writer(f, d, out)) {
            w.row(ClientColumns.ALL);
            while (true) {
                for (Client c : page.items()) {
                    List<String> cells = new ArrayList<>(ClientColumns.ALL.size());
                    ClientColumns.values(c).values().forEach(v -> cells.add(Neutralizer.neutralize(v)));
                    w.row(cells);
                    written++;
                }
                if (!page.hasNext() || page.items().isEmpty()) {
                    break;
                }
                page = clients.search(new ClientQuery(q.text(), q.country(), q.tag(), q.archived(), q.sort(), PAGE,
                        page.offset() + page.items().size()));
            }
            w.finish();
        }
        return written;
    }
}
