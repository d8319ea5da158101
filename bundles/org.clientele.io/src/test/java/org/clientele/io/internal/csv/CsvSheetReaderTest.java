package org.clientele.io.internal.csv;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.clientele.io.internal.format.Limits;
import org.clientele.io.internal.format.RejectedFileException;
import org.junit.Test;

/** Dialects as Excel and LibreOffice write them, built byte by byte here. */
public class CsvSheetReaderTest {

    private static final Limits LIMITS = new Limits(1000, 50, 100, 100_000, 0);

    private static List<List<String>> read(byte[] bytes) throws IOException {
        return read(bytes, null, null);
    }

    private static List<List<String>> read(byte[] bytes, java.nio.charset.Charset cs, Character d) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvSheetReader r = new CsvSheetReader(new ByteArrayInputStream(bytes), LIMITS, cs, d)) {
            List<String> row;
            while ((row = r.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static CsvDialect dialect(byte[] bytes) throws IOException {
        try (CsvSheetReader r = new CsvSheetReader(new ByteArrayInputStream(bytes), LIMITS, null, null)) {
            return r.dialect();
        }
    }

    private static byte[] bytes(int[] prefix, String text, java.nio.charset.Charset cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b : prefix) {
            out.write(b);
        }
        out.writeBytes(text.getBytes(cs));
        return out.toByteArray();
    }

    @Test
    public void excelGermanUtf8WithBomAndSemicolons() throws IOException {
        byte[] file = bytes(new int[] {0xEF, 0xBB, 0xBF}, "Firma;PLZ;Umsatz\r\nMüller GmbH;01067;\"1.234,50\"\r\n",
                StandardCharsets.UTF_8);
        CsvDialect d = dialect(file);
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertTrue(d.bom());
        assertEquals(';', d.delimiter());
        assertEquals(List.of(List.of("Firma", "PLZ", "Umsatz"), List.of("Müller GmbH", "01067", "1.234,50")), read(file));
    }

    @Test
    public void utf8WithoutBomAndCommas() throws IOException {
        byte[] file = "name,city\nWeiß AG,Köln\n".getBytes(StandardCharsets.UTF_8);
        CsvDialect d = dialect(file);
        assertFalse(d.bom());
        assertEquals(',', d.delimiter());
        assertEquals(List.of("Weiß AG", "Köln"), read(file).get(1));
    }

    @Test
    public void windows1252WhenTheBytesAreNotUtf8() throws IOException {
        byte[] file = {'N', 'a', 'm', 'e', ';', 'O', 'r', 't', '\r', '\n', 'M', (byte) 0xFC, 'l', 'l', 'e', 'r', ';',
            'K', (byte) 0xF6, 'l', 'n', '\r', '\n'};
        CsvDialect d = dialect(file);
        assertEquals("windows-1252", d.charset().name());
        assertEquals(List.of("Müller", "Köln"), read(file).get(1));
    }

    @Test
    public void tabsAndQuotedLineBreaksAndQuotes() throws IOException {
        byte[] file = "name\tstreet\tnote\n\"A; B, C\"\t\"Hof 1\nHinterhaus\"\t\"sagt \"\"hallo\"\"\"\nD\tE\tF\n"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals('\t', dialect(file).delimiter());
        List<List<String>> rows = read(file);
        assertEquals(List.of("A; B, C", "Hof 1\nHinterhaus", "sagt \"hallo\""), rows.get(1));
        assertEquals(List.of("D", "E", "F"), rows.get(2));
    }

    @Test
    public void delimiterCountsOutsideQuotesOnly() {
        // one ';' per record, but more commas inside quotes
        String text = "name;city\n\"a, b, c, d\";x\n\"e, f, g\";y\n";
        assertEquals(';', DialectDetector.delimiter(text, true));
    }

    @Test
    public void rowNumbersCountRecordsAndBlankRowsAreEmpty() throws IOException {
        byte[] file = "a,b\n\"x\ny\",1\n\n3,4\n".getBytes(StandardCharsets.UTF_8);
        try (CsvSheetReader r = new CsvSheetReader(new ByteArrayInputStream(file), LIMITS, null, null)) {
            r.next();
            r.next();
            assertEquals(2, r.rowNumber());
            assertEquals(List.of(), r.next());
            assertEquals(List.of("3", "4"), r.next());
            assertEquals(4, r.rowNumber());
            assertNull(r.next());
        }
    }

    @Test
    public void overridesWin() throws IOException {
        byte[] file = "a;b|c\n1;2|3\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of("a;b", "c"), read(file, StandardCharsets.ISO_8859_1, '|').get(0));
    }

    @Test
    public void hostileOrOversizedInputIsRefused() {
        RejectedFileException nul = assertThrows(RejectedFileException.class,
                () -> read("a,b\n1,\u00002\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("NUL_BYTE", nul.code());
        RejectedFileException cell = assertThrows(RejectedFileException.class,
                () -> read(("a,b\n1," + "x".repeat(101) + "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("CELL_TOO_LONG", cell.code());
        RejectedFileException cols = assertThrows(RejectedFileException.class,
                () -> read((",".repeat(60) + "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("TOO_MANY_COLUMNS", cols.code());
        // valid UTF-8 in the sample, a Windows-1252 byte far behind it
        byte[] late = bytes(new int[0], "a,b\n" + "x,y\n".repeat(20_000), StandardCharsets.UTF_8);
        byte[] bad = new byte[late.length + 4];
        System.arraycopy(late, 0, bad, 0, late.length);
        bad[late.length] = 'M';
        bad[late.length + 1] = (byte) 0xFC;
        bad[late.length + 2] = ',';
        bad[late.length + 3] = '\n';
        Limits big = new Limits(100_000, 50, 100, 10_000_000, 0);
        RejectedFileException charset = assertThrows(RejectedFileException.class, () -> {
            try (CsvSheetReader r = new CsvSheetReader(new ByteArrayInputStream(bad), big, null, null)) {
                while (r.next() != null) {
                    // read to the end
                }
            }
        });
        assertEquals("BAD_CHARSET", charset.code());
    }

    @Test
    public void writerExcelDeRoundTripsThroughTheReader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvSheetWriter w = new CsvSheetWriter(out, true)) {
            w.row(List.of("name", "note"));
            w.row(java.util.Arrays.asList("Müller; \"Söhne\"", "Zeile 1\r\nZeile 2"));
            w.row(java.util.Arrays.asList(null, "00123"));
        }
        byte[] b = out.toByteArray();
        assertEquals(0xEF, b[0] & 0xFF);
        assertTrue(new String(b, StandardCharsets.UTF_8).contains("\r\n"));
        List<List<String>> rows = read(b);
        assertEquals(List.of("Müller; \"Söhne\"", "Zeile 1\r\nZeile 2"), rows.get(1));
        assertEquals(List.of("", "00123"), rows.get(2));
    }
}
