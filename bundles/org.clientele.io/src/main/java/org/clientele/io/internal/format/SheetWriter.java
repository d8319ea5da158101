package org.clientele.io.internal.format;

import java.io.IOException;
import java.util.List;

/** Writes rows of text cells to a CSV or XLSX output stream, streaming. */
public interface SheetWriter extends AutoCloseable {

    /** Writes one row. Cells may be null (empty). Formula-injection neutralisation is the caller's job. */
    void row(List<String> cells) throws IOException;

    /** Finishes the file and flushes it to the stream; the stream itself is not closed. */
    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
