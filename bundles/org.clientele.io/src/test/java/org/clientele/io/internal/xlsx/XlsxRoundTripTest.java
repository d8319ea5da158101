package org.clientele.io.internal.xlsx;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFCreationHelper;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clientele.io.internal.format.Limits;
import org.junit.Test;

public class XlsxRoundTripTest {

    static final Limits LIMITS = new Limits(1_000_000, 1_000, 32_767, 2_000_000_000L, 1L << 30);

    static final List<String> HEADER = List.of("Kundennummer", "Firma", "Straße", "PLZ", "Ort", "Land",
            "USt-IdNr.", "E-Mail", "Telefon", "Notiz", "Angelegt");

    static List<String> clientRow(int i) {
        String note = switch (i % 7) {
            case 0 -> "Zeile 1\nZeile 2\nZeile 3";
            case 1 -> "Windows\r\nZeilenumbruch";
            case 2 -> "  führende und folgende Leerzeichen  ";
            case 3 -> "=SUM(A1:A2) bleibt Text";
            case 4 -> "Steuerzeichen \u0001\u001f und _x0041_ wörtlich";
            case 5 -> "Tab\tgetrennt & <xml> \"quoted\" '";
            default -> "";
        };
        return Arrays.asList(String.format("%07d", i), "Müller & Söhne GmbH " + i, "Königsallee " + (i % 300),
                String.format("%05d", (i * 37) % 100_000), i % 2 == 0 ? "Düsseldorf" : "Zürich", "DE",
                "DE" + (100_000_000 + i), "kontakt" + i + "@example.de", "+49 211 " + (1_000_000 + i), note,
                "2024-0" + (1 + i % 9) + "-1" + (i % 10));
    }

    static byte[] write(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter writer = new XlsxWriter(out)) {
            for (List<String> row : rows) {
                writer.row(row);
            }
            writer.finish();
        }
        return out.toByteArray();
    }

    static List<List<String>> readAll(byte[] file, Limits limits) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XlsxReader reader = new XlsxReader(new ByteArrayInputStream(file), limits)) {
            for (List<String> row; (row = reader.next()) != null; ) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** null and missing trailing cells are "" in a file: compare without them. */
    static List<String> normalise(List<String> row) {
        List<String> r = new ArrayList<>();
        for (String c : row) {
            r.add(c == null ? "" : c);
        }
        while (!r.isEmpty() && r.get(r.size() - 1).isEmpty()) {
            r.remove(r.size() - 1);
        }
        return r;
    }

    @Test
    public void tenThousandRowsComeBackExactly() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 0; i < 10_000; i++) {
            rows.add(clientRow(i));
        }
        String longCell = "Ä".repeat(16_000) + "x".repeat(16_767);
        assertEquals(32_767, longCell.length());
        rows.get(5000).set(9, longCell);
        rows.get(5001).set(3, null);          // a gap in the middle of a row
        rows.add(Arrays.asList("0001", null, null)); // ragged, trailing empties

        byte[] file = write(rows);
        try (XlsxReader reader = new XlsxReader(new ByteArrayInputStream(file), LIMITS)) {
            assertEquals("XLSX, sheet 'Clients'", reader.describe());
            for (int i = 0; i < rows.size(); i++) {
                List<String> row = reader.next();
                assertEquals("row " + (i + 1), normalise(rows.get(i)), normalise(row));
                assertEquals(i + 1, reader.rowNumber());
            }
            assertNull(reader.next());
            assertNull(reader.next());
        }
    }

    @Test
    public void headerIsBoldFrozenAndCellsAreText() throws IOException {
        byte[] file = write(List.of(HEADER, clientRow(7), clientRow(8)));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertTrue(sheet.getPaneInformation().isFreezePane());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            XSSFCell header = sheet.getRow(0).getCell(0);
            assertTrue(header.getCellStyle().getFont().getBold());
            XSSFCell zip = sheet.getRow(1).getCell(3);
            assertEquals(CellType.STRING, zip.getCellType());
            assertEquals("@", zip.getCellStyle().getDataFormatString());
            assertTrue(sheet.getColumnWidth(1) > sheet.getColumnWidth(5));
            assertTrue(sheet.getColumnWidth(1) <= 60 * 256);
        }
    }

    @Test
    public void excelStyleWorkbookIsReadAsDisplayed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFCreationHelper helper = wb.getCreationHelper();
            XSSFSheet sheet = wb.createSheet("Kunden");
            XSSFRow h = sheet.createRow(0);
            h.createCell(0).setCellValue("Nummer");
            h.createCell(1).setCellValue("PLZ");
            h.createCell(2).setCellValue("Seit");
            h.createCell(3).setCellValue("Umsatz");
            h.createCell(4).setCellValue("Telefon");
            h.createCell(5).setCellValue("Summe");
            h.createCell(6).setCellValue("Aktiv");
            h.createCell(7).setCellValue("Name");
            XSSFRow r = sheet.createRow(1);
            r.createCell(0).setCellValue(10042);
            XSSFCellStyle zip = wb.createCellStyle();
            zip.setDataFormat(helper.createDataFormat().getFormat("00000"));
            XSSFCell z = r.createCell(1);
            z.setCellValue(1234);
            z.setCellStyle(zip);
            XSSFCellStyle date = wb.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("dd.mm.yyyy"));
            XSSFCell d = r.createCell(2);
            d.setCellValue(java.time.LocalDate.of(2024, 2, 29));
            d.setCellStyle(date);
            XSSFCellStyle money = wb.createCellStyle();
            money.setDataFormat(helper.createDataFormat().getFormat("#,##0.00"));
            XSSFCell m = r.createCell(3);
            m.setCellValue(1234.5);
            m.setCellStyle(money);
            r.createCell(4).setCellValue(4915112345678d);
            r.createCell(5).setCellFormula("A2+B2");
            r.createCell(6).setCellValue(true);
            XSSFRichTextString rich = new XSSFRichTextString("Groß");
            rich.append("händler", wb.createFont());
            r.createCell(7).setCellValue(rich);
            sheet.createRow(3).createCell(2).setCellValue(0.1 + 0.2);   // row 3 missing, ragged row 4
            sheet.addMergedRegion(new CellRangeAddress(5, 5, 0, 1));
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        try (XlsxReader reader = new XlsxReader(new ByteArrayInputStream(out.toByteArray()), LIMITS)) {
            assertEquals("XLSX, sheet 'Kunden'", reader.describe());
            assertEquals(List.of("Nummer", "PLZ", "Seit", "Umsatz", "Telefon", "Summe", "Aktiv", "Name"), reader.next());
            assertEquals(List.of("10042", "01234", "2024-02-29", "1,234.50", "4915112345678", "11276", "TRUE",
                    "Großhändler"), reader.next());
            assertEquals(2, reader.rowNumber());
            assertEquals(List.of("", "", "0.3"), reader.next());
            assertEquals(4, reader.rowNumber());
            assertNull(reader.next());
        }
    }

    @Test
    public void handBuiltInlineStringWorkbookWithoutStylesOrSharedStrings() throws IOException {
        byte[] file = XlsxFiles.minimal("<row r=\"1\">" + XlsxFiles.inline("A1", "Name") + XlsxFiles.inline("B1", "Ort") + "</row>"
                + "<row r=\"2\">" + XlsxFiles.inline("A2", "Bäckerei_x000D_\nMeier") + "<c r=\"C2\"><v>7</v></c></row>"
                + "<row r=\"3\"/>").bytes();
        assertEquals(List.of(List.of("Name", "Ort"), List.of("Bäckerei\r\nMeier", "", "7"), List.of()), readAll(file, LIMITS));
    }

    @Test
    public void sharedStringsWithRichTextAndPhoneticRuns() throws IOException {
        byte[] file = XlsxFiles.minimal("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>")
                .sharedStrings(out -> out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + XlsxFiles.NS
                        + "\" count=\"2\" uniqueCount=\"2000000000\"><si><t>Köln</t></si><si><r><t>Fa.</t></r><r><rPr><b/></rPr>"
                        + "<t xml:space=\"preserve\"> Schmidt</t></r><rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></si></sst>")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .bytes();
        assertEquals(List.of(List.of("Köln", "Fa. Schmidt")), readAll(file, LIMITS));
    }

    @Test
    public void closingEarlyStopsTheProducer() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 0; i < 20_000; i++) {
            rows.add(clientRow(i));
        }
        byte[] file = write(rows);
        XlsxReader reader = new XlsxReader(new ByteArrayInputStream(file), LIMITS);
        for (int i = 0; i < 10; i++) {
            reader.next();
        }
        reader.close();
        assertTrue(reader.producerDone());
        assertNull(reader.next());
    }

    @Test
    public void textEscapes() {
        assertEquals("a_x005F_x0041_b", XlsxText.encode("a_x0041_b"));
        assertEquals("a_x0041_b", XlsxText.decode(XlsxText.encode("a_x0041_b")));
        assertEquals("_x0001__x0000_", XlsxText.encode("\u0001\u0000"));
        assertEquals("x\r\ny", XlsxText.decode("x_x000D_\ny"));
        assertEquals("plain", XlsxText.encode("plain"));
    }
}
