package org.clientele.io.internal.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.clientele.io.internal.format.SheetWriter;

/**
 * Writes CSV as RFC 4180 ({@code ,}, CRLF, UTF-8) or as German Excel reads it
 * ({@code ;}, CRLF, UTF-8 with BOM). Cells with a delimiter, quote or line break are quoted.
 * Characters are buffered before the encoder: Commons CSV appends every cell, delimiter and
 * quote on its own, and each append straight into an {@link OutputStreamWriter} is an encoder
 * call of its own.
 */
public final class CsvSheetWriter implements SheetWriter {

    private static final int BUFFER_CHARS = 1 << 16;

    private final Writer writer;
    private final CSVPrinter printer;

    public CsvSheetWriter(OutputStream out, boolean excelDe) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
        if (excelDe) {
            writer.write('\uFEFF');
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(excelDe ? ';' : ',')
                .setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .get();
        this.printer = new CSVPrinter(writer, format);
    }

    @Override
    public void row(List<String> cells) throws IOException {
        for (String c : cells) {
            printer.print(c == null ? "" : c);
        }
        printer.println();
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
