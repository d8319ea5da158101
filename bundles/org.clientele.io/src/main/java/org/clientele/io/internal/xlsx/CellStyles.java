package org.clientele.io.internal.xlsx;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.clientele.io.internal.format.RejectedFileException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The part of {@code styles.xml} a reader needs: the number format of each cell style
 * ({@code cellXfs}) and the workbook's own number formats ({@code numFmts}). Parsed with SAX
 * into an int array and a small map instead of POI's xmlbeans-backed {@code StylesTable}, so
 * that a styles part cannot cost more memory than a few bytes per style.
 */
final class CellStyles extends DefaultHandler {

    private final Map<Integer, String> formats = new HashMap<>();
    private int[] formatIdOfStyle = new int[16];
    private int styleCount;
    private boolean inCellXfs;

    /** Excel allows 64,000 cell formats and about 250 number formats; far more is an attack. */
    static final int MAX_STYLES = 1_000_000;

    private final int maxStyles;

    CellStyles() {
        this(MAX_STYLES);
    }

    CellStyles(int maxStyles) {
        this.maxStyles = maxStyles;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        switch (localName) {
            case "numFmt" -> {
                String id = attributes.getValue("numFmtId");
                String code = attributes.getValue("formatCode");
                if (id != null && code != null) {
                    if (formats.size() >= maxStyles) {
                        throw tooMany("number formats");
                    }
                    formats.put(parseInt(id, 0), code);
                }
            }
            case "cellXfs" -> inCellXfs = true;
            case "xf" -> {
                if (inCellXfs) {
                    if (styleCount >= maxStyles) {
                        throw tooMany("cell styles");
                    }
                    if (styleCount == formatIdOfStyle.length) {
                        formatIdOfStyle = Arrays.copyOf(formatIdOfStyle, styleCount * 2);
                    }
                    String id = attributes.getValue("numFmtId");
                    formatIdOfStyle[styleCount++] = id == null ? 0 : parseInt(id, 0);
                }
            }
            default -> {
                // not needed
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if ("cellXfs".equals(localName)) {
            inCellXfs = false;
        }
    }

    /** The number format id of a cell style index ({@code s} attribute), 0 (General) if unknown. */
    int formatId(int style) {
        return style >= 0 && style < styleCount ? formatIdOfStyle[style] : 0;
    }

    /** The format code of a number format id, from the workbook or Excel's built-in list. */
    String formatCode(int formatId) {
        String code = formats.get(formatId);
        if (code == null) {
            code = BuiltinFormats.getBuiltinFormat(formatId);
        }
        return code == null ? "General" : code;
    }

    private SAXException tooMany(String what) {
        return new SAXException(new RejectedFileException("CORRUPT", "The styles part declares more than "
                + maxStyles + " " + what + "; no real workbook has that many"));
    }

    static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
