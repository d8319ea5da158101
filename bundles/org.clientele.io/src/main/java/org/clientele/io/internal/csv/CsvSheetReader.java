package org.clientele.io.internal.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clientele.io.internal.format.Limits;
import org.clientele.io.internal.format.RejectedFileException;
import org.clientele.io.internal.format.SheetReader;

/**
 * Reads a CSV file with Commons CSV in a given or detected dialect, one record at a time.
 * Bytes that are not in the charset, NUL characters and cells, rows or text over the
 * limits refuse the file. The row number is the record number (a quoted line break does
 * not start a new row), as a spreadsheet counts rows.
 */
public final class CsvSheetReader implements SheetReader {

    private final CsvDialect dialect;
    private final Limits limits;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long row;
    private long totalChars;

    public CsvSheetReader(InputStream in, Limits limits, java.nio.charset.Charset charset, Character delimiter)
            throws IOException {
        this.limits = limits;
        BufferedInputStream buffered = new BufferedInputStream(in, DialectDetector.SAMPLE + 16);
        buffered.mark(DialectDetector.SAMPLE + 8);
        byte[] head = buffered.readNBytes(DialectDetector.SAMPLE);
        boolean complete = buffered.read() < 0;
        buffered.reset();
        this.dialect = DialectDetector.detect(head, complete, charset, delimiter);
        if (dialect.bom()) {
            buffered.skipNBytes(dialect.charset().name().startsWith("UTF-16") ? 2 : 3);
        }
        Reader reader = new NulGuard(new InputStreamReader(buffered, DialectDetector.strict(dialect.charset())));
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(dialect.delimiter())
                .setIgnoreEmptyLines(false)
                .setTrim(false)
                .get();
        this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        this.records = parser.iterator();
    }

    public CsvDialect dialect() {
        return dialect;
    }

    @Override
    public List<String> next() throws IOException {
        CSVRecord r;
        try {
            if (!records.hasNext()) {
                return null;
            }
            r = records.next();
        } catch (UncheckedIOException e) {
            throw translate(e.getCause());
        } catch (IllegalStateException e) {
            Throwable cause = e.getCause() instanceof IOException io ? io : e;
            if (cause instanceof IOException io) {
                throw translate(io);
            }
            throw new RejectedFileException("MALFORMED_CSV", "The CSV file cannot be read after row " + row + ": "
                    + e.getMessage());
        }
        row++;
        if (row > limits.maxRows() + 1) {
            throw new RejectedFileException("TOO_MANY_ROWS", "The file has more than " + limits.maxRows() + " rows.");
        }
        if (r.size() > limits.maxColumns()) {
            throw new RejectedFileException("TOO_MANY_COLUMNS", "Row " + row + " has " + r.size()
                    + " columns; at most " + limits.maxColumns() + " are allowed.");
        }
        List<String> cells = new ArrayList<>(r.size());
        for (String v : r) {
            if (v.length() > limits.maxCellChars()) {
                throw new RejectedFileException("CELL_TOO_LONG", "Row " + row + " has a cell of " + v.length()
                        + " characters; at most " + limits.maxCellChars() + " are allowed.");
            }
            totalChars += v.length();
            cells.add(v);
        }
        if (totalChars > limits.maxTotalChars()) {
            throw new RejectedFileException("TEXT_TOO_LONG", "The file holds more than " + limits.maxTotalChars()
                    + " characters of text.");
        }
        if (cells.size() == 1 && cells.get(0).isEmpty()) {
            return List.of();
        }
        return cells;
    }

    private RejectedFileException translate(Throwable e) {
        if (e instanceof RejectedFileException r) {
            return r;
        }
        if (e instanceof CharacterCodingException) {
            return new RejectedFileException("BAD_CHARSET", "Row " + (row + 1) + " has bytes that are not "
                    + dialect.charset().name() + "; give the file's charset (e.g. charset=windows-1252).", e);
        }
        return new RejectedFileException("MALFORMED_CSV", "The CSV file cannot be read after row " + row + ": "
                + e.getMessage(), e);
    }

    @Override
    public long rowNumber() {
        return row;
    }

    @Override
    public String describe() {
        return "CSV, " + dialect.charset().name() + (dialect.bom() ? " with BOM" : "") + ", delimiter '"
                + (dialect.delimiter() == '\t' ? "TAB" : String.valueOf(dialect.delimiter())) + "'";
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Refuses NUL characters, which no text file of clients has. */
    private static final class NulGuard extends java.io.FilterReader {
        NulGuard(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c == 0) {
                throw nul();
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = off; i < off + n; i++) {
                if (buf[i] == 0) {
                    throw nul();
                }
            }
            return n;
        }

        private static RejectedFileException nul() {
            return new RejectedFileException("NUL_BYTE", "The file contains NUL characters: it is not a text (CSV) file.");
        }
    }
}
