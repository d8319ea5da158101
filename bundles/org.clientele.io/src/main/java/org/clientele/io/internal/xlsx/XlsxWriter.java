package org.clientele.io.internal.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clientele.io.internal.format.SheetWriter;

/**
 * Writes one sheet of text cells with POI's streaming SXSSF: only a window of 100 rows is held
 * in memory, the rest goes to a temporary file that {@link #close()} deletes.
 *
 * <p>The first row is the header: bold, frozen. Every cell is a string cell (inline string)
 * with the Text number format "@", so leading zeros, long digit strings and dates stay exactly
 * the text they were, also after someone edits the file in Excel. Characters XML cannot carry
 * are written as OOXML {@code _xHHHH_} escapes (which {@link XlsxReader} and Excel decode).
 * Column widths follow the longest first line seen in each column (up to 60 characters).
 */
public final class XlsxWriter implements SheetWriter {

    /** Rows kept in memory before SXSSF flushes them to its temporary file. */
    static final int WINDOW = 100;
    /** Excel's limits. */
    static final int MAX_ROWS = 1_048_576;
    static final int MAX_COLUMNS = 16_384;
    static final int MAX_CELL_CHARS = 32_767;
    private static final int MAX_WIDTH_CHARS = 60;

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle header;
    private final CellStyle text;
    private int[] widths = new int[16];
    private int columns;
    private int rowIndex;
    private boolean finished;

    /** A sheet named "Clients". */
    public XlsxWriter(OutputStream out) {
        this(out, "Clients");
    }

    public XlsxWriter(OutputStream out, String sheetName) {
        PoiLimits.apply();
        this.out = out;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(XSSFWorkbook.class.getClassLoader());
        try {
            workbook = new SXSSFWorkbook(new XSSFWorkbook(), WINDOW, false, false);
            sheet = workbook.createSheet(sheetName);
            short textFormat = (short) BuiltinFormats.getBuiltinFormat("@");
            text = workbook.createCellStyle();
            text.setDataFormat(textFormat);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setDataFormat(textFormat);
            sheet.createFreezePane(0, 1);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public void row(List<String> cells) throws IOException {
        if (finished) {
            throw new IllegalStateException("finish() was called");
        }
        if (rowIndex >= MAX_ROWS) {
            throw new IOException("An XLSX sheet holds at most " + MAX_ROWS + " rows");
        }
        if (cells.size() > MAX_COLUMNS) {
            throw new IOException("An XLSX sheet holds at most " + MAX_COLUMNS + " columns");
        }
        SXSSFRow row = sheet.createRow(rowIndex);
        CellStyle style = rowIndex == 0 ? header : text;
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c);
            if (value == null || value.isEmpty()) {
                if (rowIndex == 0) {
                    row.createCell(c).setCellStyle(style);
                }
                continue;
            }
            String encoded = XlsxText.encode(value);
            if (encoded.length() > MAX_CELL_CHARS) {
                throw new IOException("Row " + (rowIndex + 1) + ", column " + SheetHandler.columnName(c)
                        + ": " + value.length() + " characters do not fit into an XLSX cell (at most "
                        + MAX_CELL_CHARS + ")");
            }
            SXSSFCell cell = row.createCell(c);
            cell.setCellStyle(style);
            cell.setCellValue(encoded);
            trackWidth(c, value);
        }
        columns = Math.max(columns, cells.size());
        rowIndex++;
    }

    private void trackWidth(int column, String value) {
        if (column >= widths.length) {
            widths = Arrays.copyOf(widths, Math.max(column + 1, widths.length * 2));
        }
        if (widths[column] >= MAX_WIDTH_CHARS) {
            return;
        }
        int lineBreak = value.indexOf('\n');
        int length = Math.min(lineBreak < 0 ? value.length() : lineBreak, MAX_WIDTH_CHARS);
        if (length > widths[column]) {
            widths[column] = length;
        }
    }

    @Override
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(XSSFWorkbook.class.getClassLoader());
        try {
            for (int c = 0; c < columns; c++) {
                int chars = Math.max(8, Math.min(MAX_WIDTH_CHARS, widths[c] + 2));
                sheet.setColumnWidth(c, chars * 256);
            }
            workbook.write(out);
            out.flush();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public void close() throws IOException {
        // deletes SXSSF's temporary sheet file; the output stream stays open
        workbook.close();
    }
}
