package org.clientele.io.internal.xlsx;

import java.io.IOException;

import org.clientele.io.internal.format.Limits;
import org.clientele.io.internal.format.RejectedFileException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX handler for {@code sharedStrings.xml}: writes each {@code <si>} (plain or rich text, without
 * phonetic runs) to a {@link SharedStringsFile}. The declared {@code count}/{@code uniqueCount}
 * are ignored (a hostile file may claim billions); instead every string is held to the cell
 * limit and all of them together to the file's text limit, so a small file cannot amplify
 * into a huge table.
 */
final class SharedStringsHandler extends DefaultHandler {

    private final Limits limits;
    private final SharedStringsFile out;
    private final long maxRawChars;
    private final StringBuilder text = new StringBuilder();
    private boolean inItem;
    private boolean capturing;
    private int phoneticDepth;

    SharedStringsHandler(Limits limits, SharedStringsFile out) {
        this.limits = limits;
        this.out = out;
        this.maxRawChars = (long) limits.maxCellChars() * 7 + 16;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "si" -> {
                inItem = true;
                text.setLength(0);
            }
            case "rPh" -> phoneticDepth++;
            case "t" -> capturing = inItem && phoneticDepth == 0;
            default -> {
                // r, rPr and formatting: nothing to read
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (localName) {
            case "t" -> capturing = false;
            case "rPh" -> phoneticDepth--;
            case "si" -> {
                inItem = false;
                String s = XlsxText.decode(text);
                if (s.length() > limits.maxCellChars()) {
                    throw reject("CELL_TOO_LONG", "Shared string " + out.size() + " has " + s.length()
                            + " characters; the limit per cell is " + limits.maxCellChars());
                }
                if (out.totalChars() + s.length() > limits.maxTotalChars()) {
                    throw reject("TEXT_TOO_LONG", "The shared strings table holds more than " + limits.maxTotalChars()
                            + " characters of text (the limit for one import)");
                }
                try {
                    out.add(s);
                } catch (IOException e) {
                    throw new SAXException(e);
                }
            }
            default -> {
                // nothing
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (capturing) {
            if (text.length() + (long) length > maxRawChars) {
                throw reject("CELL_TOO_LONG", "Shared string " + out.size() + " has more than "
                        + limits.maxCellChars() + " characters");
            }
            text.append(ch, start, length);
        }
    }

    private static SAXException reject(String code, String message) {
        return new SAXException(new RejectedFileException(code, message));
    }
}
