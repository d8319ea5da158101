package org.clientele.io.internal.xlsx;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/**
 * Files that LibreOffice Calc 7.4 (Debian 12, headless) really wrote, kept as test resources:
 * <ul>
 *   <li>{@code libreoffice-from-csv.xlsx}: {@code libreoffice-from-csv.csv} imported with the
 *       first and third column as Text, then saved as XLSX:
 *       {@code soffice --headless --infilter="CSV:44,34,76,1,1/2/2/1/3/2/4/1/5/1/6/1" --convert-to xlsx kunden.csv}
 *       — shared strings, a custom "General" format (id 164), "@" and "yyyy\-mm\-dd" formats.</li>
 *   <li>{@code libreoffice-resaved-export.xlsx}: an export of {@link XlsxWriter} (header + the
 *       201 rows below) opened and saved again by LibreOffice
 *       ({@code soffice --headless --convert-to xlsx --outdir resaved clientele-export.xlsx}).
 *       Everything survives — umlauts, leading zeros, a 32,767-character cell, control characters
 *       ({@code _x0001_}), a literal {@code _x0041_}, formula-like text — except that LibreOffice
 *       stores a CRLF inside a cell as LF.</li>
 * </ul>
 */
public class XlsxLibreOfficeTest {

    private static List<List<String>> read(String resource) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = XlsxLibreOfficeTest.class.getResourceAsStream(resource);
             XlsxReader reader = new XlsxReader(in, XlsxRoundTripTest.LIMITS)) {
            for (List<String> row; (row = reader.next()) != null; ) {
                rows.add(XlsxRoundTripTest.normalise(row));
            }
        }
        return rows;
    }

    @Test
    public void csvImportedAndSavedByLibreOffice() throws IOException {
        assertEquals(List.of(
                List.of("Kundennummer", "Firma", "PLZ", "Seit", "Umsatz", "Notiz"),
                List.of("00123", "Müller & Söhne GmbH", "01067", "2024-02-29", "1234.5", "Zeile 1\nZeile 2"),
                List.of("00124", "Bäckerei Größe", "80331", "2023-12-01", "99", "Ümläute ß €"),
                List.of("00125", "Comma, Inc.", "", "2022-01-15", "-0.25"),
                List.of("", "Nur Name")), read("libreoffice-from-csv.xlsx"));
    }

    @Test
    public void ourExportSurvivesLibreOffice() throws IOException {
        List<List<String>> expected = new ArrayList<>();
        expected.add(XlsxRoundTripTest.HEADER);
        for (int i = 0; i < 200; i++) {
            // LibreOffice keeps line breaks inside a cell as LF only: its own CRLF -> LF, not ours
            List<String> row = new ArrayList<>();
            for (String cell : XlsxRoundTripTest.normalise(XlsxRoundTripTest.clientRow(i))) {
                row.add(cell.replace("\r\n", "\n"));
            }
            expected.add(row);
        }
        List<String> longRow = new ArrayList<>(XlsxRoundTripTest.clientRow(200));
        longRow.set(9, "Ä".repeat(16_000) + "x".repeat(16_767));
        expected.add(longRow);
        List<List<String>> actual = read("libreoffice-resaved-export.xlsx");
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals("row " + (i + 1), expected.get(i), actual.get(i));
        }
    }
}
