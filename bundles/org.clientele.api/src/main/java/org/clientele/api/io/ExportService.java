package org.clientele.api.io;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;

/** Writes the client list, page by page, in the canonical columns of {@link ClientColumns}. */
@ProviderType
public interface ExportService {

    /** CSV as RFC 4180 ({@code ,}, CRLF, UTF-8 without BOM). */
    String RFC4180 = "rfc4180";
    /** CSV as German Excel reads it ({@code ;}, CRLF, UTF-8 with BOM). */
    String EXCEL_DE = "excel-de";

    /**
     * Writes every client the query finds (its limit and offset are ignored).
     *
     * @param format  {@code csv} or {@code xlsx}
     * @param dialect for CSV: {@link #RFC4180} or {@link #EXCEL_DE}; null for RFC 4180
     * @param query   the filter, as the list uses it
     * @return how many clients were written
     */
    long export(String format, String dialect, org.clientele.api.ClientQuery query, OutputStream out) throws IOException;
}
