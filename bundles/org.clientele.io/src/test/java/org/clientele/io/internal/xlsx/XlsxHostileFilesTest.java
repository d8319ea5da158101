package org.clientele.io.internal.xlsx;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.clientele.io.internal.format.Limits;
import org.clientele.io.internal.format.RejectedFileException;
import org.junit.Test;

/** Hostile and broken files, all built here; each must be refused quickly with the right code. */
public class XlsxHostileFilesTest {

    private static final Limits LIMITS = XlsxRoundTripTest.LIMITS;
    private static final long MAX_MILLIS = 5_000;

    /** Reads the whole file and returns the rejection; fails if there is none or it is slow. */
    private static RejectedFileException rejected(byte[] file, Limits limits, String expectedCode) {
        long start = System.nanoTime();
        RejectedFileException rejection = null;
        int rows = 0;
        try (XlsxReader reader = new XlsxReader(new ByteArrayInputStream(file), limits)) {
            while (reader.next() != null) {
                rows++;
            }
        } catch (RejectedFileException e) {
            rejection = e;
        } catch (IOException e) {
            throw new AssertionError("expected a RejectedFileException, got " + e, e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (rejection == null) {
            fail("the file was accepted (" + rows + " rows)");
        }
        assertEquals(rejection.getMessage(), expectedCode, rejection.code());
        assertTrue("took " + millis + " ms", millis < MAX_MILLIS);
        assertTrue(rejection.getMessage(), rejection.getMessage().length() > 20);
        return rejection;
    }

    private static byte[] validFile() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(XlsxRoundTripTest.HEADER);
        for (int i = 0; i < 2_000; i++) {
            rows.add(XlsxRoundTripTest.clientRow(i));
        }
        return XlsxRoundTripTest.write(rows);
    }

    @Test
    public void zipBomb() throws IOException {
        // ~200 MB of identical cells, deflated to a few hundred KB (deflate's best is ~1:1000)
        byte[] row = ("<row>" + XlsxFiles.inline("A1", "x".repeat(100)) + "</row>").getBytes(StandardCharsets.UTF_8);
        byte[] file = XlsxFiles.minimal("").sheetPart(out -> {
            out.write(("<?xml version=\"1.0\"?><worksheet xmlns=\"" + XlsxFiles.NS + "\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[row.length * 1000];
            for (int i = 0; i < 1000; i++) {
                System.arraycopy(row, 0, block, i * row.length, row.length);
            }
            for (long written = 0; written < 200L << 20; written += block.length) {
                out.write(block);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }).bytes();
        assertTrue("compressed to " + file.length, file.length < 1 << 20);
        RejectedFileException e = rejected(file, LIMITS, "ZIP_BOMB");
        assertTrue(e.getMessage(), e.getMessage().contains("zip bomb"));
    }

    @Test
    public void partOverTheConfiguredUncompressedSize() throws IOException {
        Random random = new Random(1);
        StringBuilder sheet = new StringBuilder();
        for (int i = 1; i <= 20_000; i++) {
            sheet.append("<row>").append(XlsxFiles.inline("A" + i, Long.toString(random.nextLong(), 36))).append("</row>");
        }
        byte[] file = XlsxFiles.minimal(sheet.toString()).bytes();
        rejected(file, new Limits(1_000_000, 100, 32_767, 1_000_000_000L, 200_000), "FILE_TOO_LARGE");
    }

    @Test
    public void hugeRelationshipsPartIsRefusedBeforePoiParsesIt() throws IOException {
        // POI would build a DOM of this: 8 MB of relationships, random enough to pass the ratio check
        Random random = new Random(5);
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>");
        while (rels.length() < 8 << 20) {
            rels.append("<Relationship Id=\"x").append(Long.toString(random.nextLong(), 36))
                    .append("\" Type=\"urn:").append(Long.toString(random.nextLong(), 36)).append("\" Target=\"")
                    .append(Long.toString(random.nextLong(), 36)).append(".xml\"/>");
        }
        rels.append("</Relationships>");
        byte[] file = XlsxFiles.minimal("<row>" + XlsxFiles.inline("A1", "a") + "</row>").put("_rels/.rels", rels.toString()).bytes();
        RejectedFileException e = rejected(file, LIMITS, "FILE_TOO_LARGE");
        assertTrue(e.getMessage(), e.getMessage().contains("_rels/.rels"));
    }

    @Test
    public void tooManyStyles() throws Exception {
        // a million styles compress too well to get past the zip bomb guard, so the cap is tested alone
        CellStyles styles = new CellStyles(1_000);
        org.xml.sax.helpers.AttributesImpl xf = new org.xml.sax.helpers.AttributesImpl();
        xf.addAttribute("", "numFmtId", "numFmtId", "CDATA", "14");
        styles.startElement(XlsxFiles.NS, "cellXfs", "cellXfs", new org.xml.sax.helpers.AttributesImpl());
        for (int i = 0; i < 1_000; i++) {
            styles.startElement(XlsxFiles.NS, "xf", "xf", xf);
        }
        assertEquals(14, styles.formatId(999));
        try {
            styles.startElement(XlsxFiles.NS, "xf", "xf", xf);
            fail("accepted style 1,001");
        } catch (org.xml.sax.SAXException e) {
            assertEquals("CORRUPT", ((RejectedFileException) e.getException()).code());
        }
    }

    @Test
    public void billionLaughsInTheSheet() throws IOException {
        String doctype = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                """;
        byte[] file = XlsxFiles.minimal("").sheetPart(out -> out.write((doctype + "<worksheet xmlns=\"" + XlsxFiles.NS
                + "\"><sheetData><row>" + XlsxFiles.inline("A1", "&lol9;") + "</row></sheetData></worksheet>")
                .getBytes(StandardCharsets.UTF_8))).bytes();
        rejected(file, LIMITS, "XML_ENTITY");
    }

    @Test
    public void externalEntityInTheSharedStrings() throws IOException {
        byte[] file = XlsxFiles.minimal("<row><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
                .sharedStrings(out -> out.write(("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<sst xmlns=\"" + XlsxFiles.NS + "\"><si><t>&xxe;</t></si></sst>").getBytes(StandardCharsets.UTF_8)))
                .bytes();
        rejected(file, LIMITS, "XML_ENTITY");
    }

    @Test
    public void sharedStringAmplification() throws IOException {
        // a claimed uniqueCount of 2^31-1 must not pre-size anything; the real text exceeds the cap
        Random random = new Random(2);
        byte[] file = XlsxFiles.minimal("<row><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
                .sharedStrings(out -> {
                    out.write(("<?xml version=\"1.0\"?><sst xmlns=\"" + XlsxFiles.NS + "\" count=\"2147483647\" uniqueCount=\"2147483647\">")
                            .getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 3_000; i++) {
                        StringBuilder s = new StringBuilder();
                        for (int k = 0; k < 40; k++) {
                            s.append(Long.toString(random.nextLong(), 36));
                        }
                        out.write(("<si><t>" + s + "</t></si>").getBytes(StandardCharsets.UTF_8));
                    }
                    out.write("</sst>".getBytes(StandardCharsets.UTF_8));
                })
                .bytes();
        rejected(file, new Limits(1_000, 100, 32_767, 1_000_000, 1L << 30), "TEXT_TOO_LONG");
    }

    @Test
    public void legacyXlsRenamed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("Kunden").createRow(0).createCell(0).setCellValue("Name");
            wb.write(out);
        }
        RejectedFileException e = rejected(out.toByteArray(), LIMITS, "NOT_XLSX");
        assertTrue(e.getMessage(), e.getMessage().contains(".xls"));
    }

    @Test
    public void randomBytes() {
        byte[] bytes = new byte[64 * 1024];
        new Random(3).nextBytes(bytes);
        bytes[0] = 'X';
        rejected(bytes, LIMITS, "NOT_XLSX");
        rejected(new byte[0], LIMITS, "NOT_XLSX");
        rejected("Name;Ort\nMeier;Köln\n".getBytes(StandardCharsets.UTF_8), LIMITS, "NOT_XLSX");
    }

    @Test
    public void zipThatIsNoWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        rejected(out.toByteArray(), LIMITS, "NOT_XLSX");
    }

    @Test
    public void truncatedFile() throws IOException {
        byte[] valid = validFile();
        rejected(Arrays.copyOf(valid, valid.length / 2), LIMITS, "TRUNCATED");
        rejected(Arrays.copyOf(valid, valid.length - 10), LIMITS, "TRUNCATED");
        rejected(Arrays.copyOf(valid, 100), LIMITS, "TRUNCATED");
    }

    @Test
    public void encryptedWorkbook() throws Exception {
        byte[] valid = validFile();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("geheim");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(valid);
            }
            fs.writeFilesystem(out);
        }
        RejectedFileException e = rejected(out.toByteArray(), LIMITS, "ENCRYPTED");
        assertTrue(e.getMessage(), e.getMessage().contains("password"));
    }

    @Test
    public void tooManyRowsAfterTheAllowedOnes() throws IOException {
        byte[] valid = validFile();   // header + 2,000 rows
        List<List<String>> seen = new ArrayList<>();
        try (XlsxReader reader = new XlsxReader(new ByteArrayInputStream(valid), new Limits(1_500, 100, 32_767, 1L << 40, 1L << 30))) {
            for (List<String> row; (row = reader.next()) != null; ) {
                seen.add(row);
            }
            fail("accepted");
        } catch (RejectedFileException e) {
            assertEquals("TOO_MANY_ROWS", e.code());
            assertEquals(1_501, seen.size());   // header + the 1,500 allowed rows came first
        }
        rejected(valid, new Limits(1_999, 100, 32_767, 1L << 40, 1L << 30), "TOO_MANY_ROWS");
        assertEquals(2_001, XlsxRoundTripTest.readAll(valid, new Limits(2_000, 100, 32_767, 1L << 40, 1L << 30)).size());
    }

    @Test
    public void tooManyColumns() throws IOException {
        rejected(validFile(), new Limits(10_000, 10, 32_767, 1L << 40, 1L << 30), "TOO_MANY_COLUMNS");
        byte[] far = XlsxFiles.minimal("<row>" + XlsxFiles.inline("XFD1", "far away") + "</row>").bytes();
        rejected(far, LIMITS, "TOO_MANY_COLUMNS");
    }

    @Test
    public void cellOverTheCharacterLimit() throws IOException {
        byte[] inline = XlsxFiles.minimal("<row>" + XlsxFiles.inline("A1", "y".repeat(2_000)) + "</row>").bytes();
        rejected(inline, new Limits(10, 10, 1_000, 1L << 40, 1L << 30), "CELL_TOO_LONG");
        byte[] shared = XlsxFiles.minimal("<row><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
                .sharedStrings(out -> out.write(("<sst xmlns=\"" + XlsxFiles.NS + "\"><si><t>" + "z".repeat(40_000) + "</t></si></sst>")
                        .getBytes(StandardCharsets.UTF_8)))
                .bytes();
        rejected(shared, LIMITS, "CELL_TOO_LONG");
        // one cell of 50 million characters must be refused before it is held in memory
        byte[] huge = XlsxFiles.minimal("").sheetPart(out -> {
            out.write(("<worksheet xmlns=\"" + XlsxFiles.NS + "\"><sheetData><row><c r=\"A1\" t=\"inlineStr\"><is><t>")
                    .getBytes(StandardCharsets.UTF_8));
            Random random = new Random(4);
            byte[] chunk = new byte[1 << 16];
            for (int i = 0; i < 50_000_000 / chunk.length; i++) {
                for (int k = 0; k < chunk.length; k++) {
                    chunk[k] = (byte) ('a' + random.nextInt(26));
                }
                out.write(chunk);
            }
            out.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }).bytes();
        rejected(huge, LIMITS, "CELL_TOO_LONG");
    }

    @Test
    public void totalTextOverTheLimit() throws IOException {
        rejected(validFile(), new Limits(10_000, 100, 32_767, 50_000, 1L << 30), "TEXT_TOO_LONG");
    }

    @Test
    public void nulCharacters() throws IOException {
        byte[] escaped = XlsxFiles.minimal("<row>" + XlsxFiles.inline("A1", "Meier_x0000_GmbH") + "</row>").bytes();
        RejectedFileException e = rejected(escaped, LIMITS, "NUL_BYTE");
        assertTrue(e.getMessage(), e.getMessage().contains("A"));
        byte[] raw = XlsxFiles.minimal("<row>" + XlsxFiles.inline("A1", "Meier\u0000GmbH") + "</row>").bytes();
        rejected(raw, LIMITS, "NUL_BYTE");
    }

    @Test
    public void raggedRowsAreFine() throws IOException {
        byte[] file = XlsxFiles.minimal("<row>" + XlsxFiles.inline("A1", "a") + XlsxFiles.inline("B1", "b") + XlsxFiles.inline("C1", "c")
                + "</row><row>" + XlsxFiles.inline("A2", "1") + "</row><row>" + XlsxFiles.inline("B3", "2") + "</row>").bytes();
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1"), List.of("", "2")), XlsxRoundTripTest.readAll(file, LIMITS));
    }
}
