package org.clientele.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;
import org.clientele.api.io.ImportRejectedException;
import org.clientele.io.internal.csv.CsvSheetReader;
import org.clientele.io.internal.csv.CsvSheetWriter;
import org.clientele.io.internal.format.Limits;
import org.clientele.io.internal.format.SheetReader;
import org.clientele.io.internal.format.SheetWriter;
import org.clientele.io.internal.xlsx.XlsxReader;
import org.clientele.io.internal.xlsx.XlsxWriter;

/** Tells CSV from XLSX and opens the readers and writers of both. */
final class Formats {

    static final String CSV = "csv";
    static final String XLSX = "xlsx";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Formats() {
    }

    /**
     * The format of an upload from its first bytes, media type and name. ZIP and OLE2 files
     * (XLSX, and .xls or encrypted files disguised as one) go to the XLSX reader, which
     * refuses what is not a plain XLSX; text goes to CSV; anything else is refused.
     */
    static String detect(byte[] head, String mediaType, String fileName) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        int semi = type.indexOf(';');
        if (semi >= 0) {
            type = type.substring(0, semi).strip();
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean ole2 = head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0;
        if (type.equals("application/vnd.oasis.opendocument.spreadsheet") || name.endsWith(".ods")) {
            throw new ImportRejectedException(ImportRejectedException.UNSUPPORTED_FORMAT,
                    "OpenDocument spreadsheets (.ods) are not supported: save the sheet as XLSX or CSV.");
        }
        if (zip || ole2 || type.equals(XLSX_TYPE) || name.endsWith(".xlsx")) {
            return XLSX;
        }
        boolean textType = type.isEmpty() || type.startsWith("text/") || type.equals("application/csv")
                || type.equals("application/octet-stream") || type.equals("application/vnd.ms-excel");
        if (textType && looksLikeText(head)) {
            return CSV;
        }
        throw new ImportRejectedException(ImportRejectedException.UNSUPPORTED_FORMAT, "Unsupported file"
                + (mediaType == null ? "" : " of type " + mediaType) + ": upload CSV (text/csv) or XLSX (" + XLSX_TYPE + ").");
    }

    /** No NUL bytes and not mostly control characters (UTF-16 with BOM is text too). */
    private static boolean looksLikeText(byte[] head) {
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            return true;
        }
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
            if (b > 0 && b < 32 && b != '\t' && b != '\n' && b != '\r') {
                control++;
            }
        }
        return control * 20 <= head.length;
    }

    static SheetReader reader(String format, InputStream in, Limits limits, String charset, Character delimiter)
            throws IOException {
        if (XLSX.equals(format)) {
            return new XlsxReader(in, limits);
        }
        return new CsvSheetReader(in, limits, charset(charset), delimiter);
    }

    static SheetWriter writer(String format, String dialect, OutputStream out) throws IOException {
        if (XLSX.equals(format)) {
            return new XlsxWriter(out);
        }
        return new CsvSheetWriter(out, "excel-de".equals(dialect));
    }

    /** The dialect of a reader, for the job report. */
    static Map<String, String> dialect(SheetReader reader) {
        if (reader instanceof CsvSheetReader csv) {
            return csv.dialect().describe();
        }
        return Map.of("format", XLSX, "sheet", reader.describe());
    }

    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ValidationException(new FieldError("charset", FieldError.INVALID, "Unknown charset '" + name + "'."));
        }
    }
}
