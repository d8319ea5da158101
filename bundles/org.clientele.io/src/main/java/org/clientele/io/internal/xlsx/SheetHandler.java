package org.clientele.io.internal.xlsx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.clientele.io.internal.format.Limits;
import org.clientele.io.internal.format.RejectedFileException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX handler for one worksheet part: turns {@code <row>}/{@code <c>} elements into rows of
 * text and hands each finished row to a {@link RowSink}. Checks every limit while it reads, so
 * that no cell, row or file can grow past its cap in memory before it is refused.
 */
final class SheetHandler extends DefaultHandler {

    /** Receives rows in file order. */
    interface RowSink {
        void row(long rowNumber, List<String> cells) throws SAXException;
    }

    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Limits limits;
    private final SharedStringsFile sharedStrings;
    private final CellStyles styles;
    private final boolean date1904;
    private final RowSink sink;
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
    /** Raw text of one cell may be up to 7 times its decoded length ({@code _x000D_}). */
    private final long maxRawCellChars;

    private final StringBuilder text = new StringBuilder();
    private boolean capturing;
    private int phoneticDepth;

    private List<String> cells;
    private long rowNumber;
    private long rowsDelivered;
    private long totalChars;

    private int column;
    private String type;
    private int style;
    private boolean inCell;
    private boolean inInlineString;

    SheetHandler(Limits limits, SharedStringsFile sharedStrings, CellStyles styles, boolean date1904, RowSink sink) {
        this.limits = limits;
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.date1904 = date1904;
        this.sink = sink;
        this.maxRawCellChars = (long) limits.maxCellChars() * 7 + 16;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        switch (localName) {
            case "row" -> startRow(attributes.getValue("r"));
            case "c" -> startCell(attributes);
            case "v" -> {
                if (inCell) {
                    startText();
                }
            }
            case "is" -> inInlineString = inCell;
            case "t" -> {
                if (inInlineString && phoneticDepth == 0) {
                    capturing = true;
                }
            }
            case "rPh" -> phoneticDepth++;
            default -> {
                // f, extLst and the rest: nothing to read
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (localName) {
            case "v", "t" -> capturing = false;
            case "rPh" -> phoneticDepth--;
            case "is" -> inInlineString = false;
            case "c" -> endCell();
            case "row" -> endRow();
            default -> {
                // nothing
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (capturing) {
            if (text.length() + (long) length > maxRawCellChars) {
                throw reject("CELL_TOO_LONG", "Row " + rowNumber + ", column " + columnName(column)
                        + ": the cell has more than " + limits.maxCellChars() + " characters");
            }
            text.append(ch, start, length);
        }
    }

    private void startRow(String r) throws SAXException {
        long number = r == null ? rowNumber + 1 : parseLong(r, rowNumber + 1);
        rowNumber = number;
        if (++rowsDelivered - 1 > limits.maxRows()) {
            throw reject("TOO_MANY_ROWS", "The sheet has more than " + limits.maxRows()
                    + " data rows (the limit for one import)");
        }
        cells = new ArrayList<>();
    }

    private void startCell(Attributes attributes) throws SAXException {
        if (cells == null) {
            // a cell outside a row: malformed, but be lenient and open an implicit row
            startRow(null);
        }
        String ref = attributes.getValue("r");
        column = ref == null ? cells.size() : columnIndex(ref, cells.size());
        if (column >= limits.maxColumns()) {
            throw reject("TOO_MANY_COLUMNS", "Row " + rowNumber + " has a cell in column " + columnName(column)
                    + "; at most " + limits.maxColumns() + " columns are read");
        }
        type = attributes.getValue("t");
        String s = attributes.getValue("s");
        style = s == null ? 0 : CellStyles.parseInt(s, 0);
        inCell = true;
        text.setLength(0);
    }

    private void startText() {
        text.setLength(0);
        capturing = true;
    }

    private void endCell() throws SAXException {
        inCell = false;
        capturing = false;
        String value = cellValue();
        if (value.length() > limits.maxCellChars()) {
            throw reject("CELL_TOO_LONG", "Row " + rowNumber + ", column " + columnName(column)
                    + ": the cell has " + value.length() + " characters; the limit is " + limits.maxCellChars());
        }
        if (value.indexOf('\0') >= 0) {
            throw reject("NUL_BYTE", "Row " + rowNumber + ", column " + columnName(column)
                    + " contains a NUL character");
        }
        totalChars += value.length();
        if (totalChars > limits.maxTotalChars()) {
            throw reject("TEXT_TOO_LONG", "The file holds more than " + limits.maxTotalChars()
                    + " characters of text (the limit for one import)");
        }
        while (cells.size() < column) {
            cells.add("");
        }
        if (column < cells.size()) {
            cells.set(column, value);  // a repeated reference: the last one wins
        } else {
            cells.add(value);
        }
        text.setLength(0);
    }

    private void endRow() throws SAXException {
        if (cells != null) {
            sink.row(rowNumber, cells);
            cells = null;
        }
    }

    private String cellValue() throws SAXException {
        String t = type == null ? "n" : type;
        switch (t) {
            case "s": {
                if (text.length() == 0) {
                    return "";
                }
                int index = (int) parseLong(text.toString().trim(), -1);
                String s = sharedStrings == null ? null : sharedStrings.get(index);
                if (s == null) {
                    throw reject("CORRUPT", "Row " + rowNumber + ", column " + columnName(column)
                            + " refers to shared string " + text + ", which the file does not contain");
                }
                return s;
            }
            case "inlineStr":
            case "str":
                return XlsxText.decode(text);
            case "b":
                return text.length() == 0 ? "" : ("1".contentEquals(text) || "true".contentEquals(text) ? "TRUE" : "FALSE");
            case "e":
                return text.toString();
            case "d": {
                String d = text.toString().trim();
                return d.matches("\\d{4}-\\d{2}-\\d{2}T00:00:00(\\.0+)?Z?") ? d.substring(0, 10) : d;
            }
            default:
                return number(text.toString().trim());
        }
    }

    private String number(String raw) {
        if (raw.isEmpty()) {
            return "";
        }
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
        int formatId = styles == null ? 0 : styles.formatId(style);
        String formatCode = styles == null ? "General" : styles.formatCode(formatId);
        if (formatId == 0 || "General".equalsIgnoreCase(formatCode)) {
            return general(value);
        }
        if (DateUtil.isADateFormat(formatId, formatCode) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime dt = DateUtil.getLocalDateTime(value, date1904, true);
            if (dt.toLocalTime().toSecondOfDay() == 0) {
                return dt.toLocalDate().toString();
            }
            return value < 1 ? dt.format(TIME) : dt.format(DATE_TIME);
        }
        return formatter.formatRawCellContents(value, formatId, formatCode, date1904);
    }

    /**
     * A number in the General format. Unlike Excel's display, whole numbers are given in full
     * (a 13-digit phone number stored as a number stays 4915112345678, not 4.91511E+12);
     * fractions with Excel's 15 significant digits.
     */
    static String general(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value, EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }

    long rowsDelivered() {
        return rowsDelivered;
    }

    private static SAXException reject(String code, String message) {
        return new SAXException(new RejectedFileException(code, message));
    }

    private static long parseLong(String s, long fallback) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Column index (0-based) of a cell reference such as "AB12". */
    static int columnIndex(String ref, int fallback) {
        int col = 0;
        int i = 0;
        for (; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                col = col * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            if (col > 1_000_000) {
                return 1_000_000;
            }
        }
        return i == 0 ? fallback : col - 1;
    }

    static String columnName(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }
}
