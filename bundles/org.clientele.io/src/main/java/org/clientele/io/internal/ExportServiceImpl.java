package org.clientele.io.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientService;
import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;
import org.clientele.api.io.ClientColumns;
import org.clientele.api.io.ExportService;
import org.clientele.api.store.ClientStore;
import org.clientele.io.internal.format.SheetWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Streams the client list into CSV or XLSX, in the canonical columns, every text cell
 * neutralised against formula injection.
 *
 * <p>The clients come from {@link ClientStore#forEachClient} in chunks in key order (the order
 * they were created in), read by a thread of the export's own while the caller's thread
 * writes the chunk before: reading and writing overlap, and at most {@value #AHEAD} chunks
 * wait between them, so memory stays flat. The filter is checked by {@link ClientService#search}
 * first, so a bad filter is a {@link ValidationException} before the first byte goes out.
 */
@Component(service = ExportService.class, name = "org.clientele.io.export")
public class ExportServiceImpl implements ExportService {

    /** Chunks read ahead of the writer. */
    static final int AHEAD = 2;
    private static final long POLL_MILLIS = 100;

    private final ClientService clients;
    private final ClientStore store;

    @Activate
    public ExportServiceImpl(@Reference ClientService clients, @Reference ClientStore store) {
        this.clients = clients;
        this.store = store;
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
        // validate the filter before the first byte goes out: a list search of one item. Its
        // archived flag is FALSE (the domain does not validate that flag), so that the search
        // reads one entry of a (archived, sort name) index instead of sorting every client.
        clients.search(validation(q));
        ClientQuery normalised = normalised(q);
        long written = 0;
        try (SheetWriter w = Formats.writer(f, d, out); Reader reader = new Reader(normalised)) {
            w.row(ClientColumns.ALL);
            List<String> cells = new ArrayList<>(ClientColumns.ALL.size());
            for (List<Client> chunk = reader.next(); chunk != null; chunk = reader.next()) {
                for (Client c : chunk) {
                    cells(c, cells);
                    w.row(cells);
                    written++;
                }
            }
            w.finish();
        }
        return written;
    }

    /** The search that validates the export's filter: text, country and tag of the export, archived FALSE. */
    static ClientQuery validation(ClientQuery q) {
        return new ClientQuery(q.text(), q.country(), q.tag(), Boolean.FALSE, List.of(), 1, 0);
    }

    /** The query as the domain's search passes it to the store: text and tag cleaned, country upper case. */
    static ClientQuery normalised(ClientQuery q) {
        String country = clean(q.country());
        String tag = clean(q.tag());
        return new ClientQuery(clean(q.text()), country == null ? null : country.toUpperCase(Locale.ROOT),
                tag == null ? null : tag.toLowerCase(Locale.ROOT), q.archived(), q.sort(), ClientQuery.MAX_LIMIT, 0);
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    /**
     * A client's cells in the order of {@link ClientColumns#ALL}, exactly as
     * {@link ClientColumns#values} gives them, neutralised; into {@code cells}, reused per row.
     */
    static void cells(Client c, List<String> cells) {
        cells.clear();
        Address a = c.address();
        cells.add(Neutralizer.neutralize(c.number()));
        cells.add(Neutralizer.neutralize(c.legalName()));
        cells.add(Neutralizer.neutralize(c.taxId()));
        cells.add(Neutralizer.neutralize(a == null ? null : a.street()));
        cells.add(Neutralizer.neutralize(a == null ? null : a.postalCode()));
        cells.add(Neutralizer.neutralize(a == null ? null : a.city()));
        cells.add(Neutralizer.neutralize(a == null ? null : a.region()));
        cells.add(Neutralizer.neutralize(a == null ? null : a.country()));
        cells.add(Neutralizer.neutralize(c.email()));
        cells.add(Neutralizer.neutralize(c.phone()));
        cells.add(Neutralizer.neutralize(c.website()));
        cells.add(Neutralizer.neutralize(ClientColumns.tags(c.tags())));
        cells.add(Neutralizer.neutralize(ClientColumns.contacts(c.contacts())));
    }

    /**
     * Reads the chunks on a thread of its own, at most {@link #AHEAD} ahead of the writer.
     * Closing it early (the writer failed, the client went away) makes the reading thread
     * stop at its next chunk; it is never interrupted, since an interrupt inside Derby's I/O
     * closes the connection.
     */
    private final class Reader implements AutoCloseable {
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
        private final Thread thread;
        private volatile boolean closed;
        private boolean ended;

        Reader(ClientQuery query) {
            thread = new Thread(() -> read(query), "clientele-export-reader");
            thread.setDaemon(true);
            thread.start();
        }

        private void read(ClientQuery query) {
            Object last;
            try {
                store.forEachClient(query, this::put);
                last = End.END;
            } catch (CancellationException stopped) {
                return;
            } catch (RuntimeException | Error e) {
                last = new Failure(e);
            }
            try {
                put(last);
            } catch (CancellationException stopped) {
                // the writer has gone
            }
        }

        private void put(Object item) {
            if (closed) {
                throw new CancellationException("export closed");
            }
            try {
                while (!queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        throw new CancellationException("export closed");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }

        /** The next chunk, or null at the end; a failure of the read is thrown here. */
        @SuppressWarnings("unchecked")
        List<Client> next() throws IOException {
            if (ended) {
                return null;
            }
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("export interrupted", e);
            }
            if (item == End.END) {
                ended = true;
                return null;
            }
            if (item instanceof Failure failure) {
                ended = true;
                Throwable t = failure.cause;
                if (t instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
            return (List<Client>) item;
        }

        @Override
        public void close() {
            closed = true;
            queue.clear();
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join(POLL_MILLIS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                queue.clear();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private enum End {
        END
    }

    private record Failure(Throwable cause) {
    }
}
