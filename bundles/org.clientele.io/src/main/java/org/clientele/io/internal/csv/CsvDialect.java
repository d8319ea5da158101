package org.clientele.io.internal.csv;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a CSV file is written: its charset, whether it starts with a byte order mark, and
 * its delimiter. Quotes are always {@code "}, doubled inside a quoted cell.
 *
 * @param charset   the charset
 * @param bom       true when the file starts with a byte order mark
 * @param delimiter {@code ;}, {@code ,} or a tab
 * @param detected  true when found out from the file, false when given
 */
public record CsvDialect(Charset charset, boolean bom, char delimiter, boolean detected) {

    /** For people and the job report. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "csv");
        m.put("charset", charset.name());
        m.put("bom", Boolean.toString(bom));
        m.put("delimiter", delimiter == '\t' ? "TAB" : String.valueOf(delimiter));
        m.put("detected", Boolean.toString(detected));
        return m;
    }
}
