package org.clientele.io.internal.format;

import java.io.IOException;
import java.util.List;

/**
 * Reads the rows of one table (a CSV file or an XLSX workbook's first sheet), one at a
 * time, so that memory stays flat whatever the file size.
 */
public interface SheetReader extends AutoCloseable {

    /**
     * The next row's cells as text, exactly as a person sees them in the file (numbers as
     * displayed, dates as ISO yyyy-MM-dd, formulas as their cached value), or null at the end.
     * Trailing empty cells may be missing. Blank rows are returned as an empty list.
     *
     * @throws RejectedFileException when the file is hostile, broken or over a limit
     */
    List<String> next() throws IOException;

    /** The 1-based row number, in the file, of the row {@link #next()} last returned. */
    long rowNumber();

    /** What the reader found out about the file, for people (e.g. "XLSX, sheet 'Kunden'"). */
    String describe();

    @Override
    void close() throws IOException;
}
