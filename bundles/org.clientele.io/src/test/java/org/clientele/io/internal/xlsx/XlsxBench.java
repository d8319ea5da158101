package org.clientele.io.internal.xlsx;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.clientele.io.internal.format.Limits;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Micro-benchmark: our XlsxReader/XlsxWriter against bare POI on the same 100,000 client rows
 * of 11 columns (the physical limit of the format on this machine).
 *
 * <pre>
 * cd bundles/org.clientele.io && mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.clientele.io.internal.xlsx.XlsxBench [rows] [rounds]
 * java -Xmx256m -cp ... org.clientele.io.internal.xlsx.XlsxBench million   # 1,000,000 rows, heap watched
 * </pre>
 */
public final class XlsxBench {

    private static final Limits LIMITS = new Limits(10_000_000, 1_000, 32_767, 4_000_000_000L, 1L << 30);

    private XlsxBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "million".equals(args[0])) {
            million();
            return;
        }
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("xlsx-bench");
        Path ours = dir.resolve("ours.xlsx");
        Path bareWritten = dir.resolve("bare.xlsx");
        Path shared = dir.resolve("shared-strings.xlsx");
        System.out.printf(Locale.ROOT, "XlsxBench: %,d client rows x 11 columns, best of %d alternating rounds after two warm-up rounds (%s, %d cores, -Xmx%dm)%n",
                rows, rounds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        writeSharedStrings(shared, rows);

        compare("write", rows, rounds, "bare SXSSF (inline strings)", () -> writeBare(bareWritten, rows),
                "XlsxWriter", () -> writeOurs(ours, rows));
        compare("read inline strings", rows, rounds, "bare POI SAX (XSSFSheetXMLHandler)", () -> readBare(ours),
                "XlsxReader", () -> readOurs(ours));
        compare("read shared strings (as Excel writes)", rows, rounds, "bare POI SAX (ReadOnlySharedStringsTable)",
                () -> readBare(shared), "XlsxReader", () -> readOurs(shared));
        System.out.printf(Locale.ROOT, "files: ours %,d bytes, shared-strings %,d bytes%n", Files.size(ours), Files.size(shared));
        for (Path p : List.of(ours, bareWritten, shared)) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    interface Run {
        long run() throws Exception;
    }

    /**
     * Two warm-up rounds of each, then rounds alternating between the bare run and ours (so that
     * load from other processes on the machine hits both alike); the best round of each counts.
     */
    private static void compare(String what, int rows, int rounds, String bareName, Run bare, String oursName, Run ours)
            throws Exception {
        long check = bare.run();
        bare.run();
        ours.run();
        ours.run();
        double bestBare = Double.MAX_VALUE;
        double bestOurs = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            bestBare = Math.min(bestBare, time(bare, check));
            bestOurs = Math.min(bestOurs, time(ours, check));
        }
        System.out.printf(Locale.ROOT, "%-38s %-42s %,9.0f rows/s  (%.2f s)%n", what, bareName, rows / bestBare, bestBare);
        System.out.printf(Locale.ROOT, "%-38s %-42s %,9.0f rows/s  (%.2f s)  = %.0f %% of bare%n", what, oursName,
                rows / bestOurs, bestOurs, 100 * bestBare / bestOurs);
    }

    private static double time(Run run, long expectedRows) throws Exception {
        long start = System.nanoTime();
        long n = run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (n != expectedRows) {
            throw new IllegalStateException("saw " + n + " rows, expected " + expectedRows);
        }
        return seconds;
    }

    static List<String> row(int i) {
        return Arrays.asList(Integer.toString(10_000 + i), "Müller & Söhne Handels-GmbH " + i, "Königsallee " + (i % 300 + 1),
                String.format(Locale.ROOT, "%05d", (i * 37) % 100_000), i % 2 == 0 ? "Düsseldorf" : "Zürich", "DE",
                "DE" + (100_000_000 + i), "kontakt" + i + "@example.de", "+49 211 " + (1_000_000 + i),
                "Kunde seit 2019, Rahmenvertrag " + (i % 17), "2024-0" + (1 + i % 9) + "-1" + (i % 10));
    }

    private static long writeBare(Path file, int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, false, false);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            SXSSFSheet sheet = wb.createSheet("Clients");
            for (int r = 0; r <= rows; r++) {
                SXSSFRow row = sheet.createRow(r);
                List<String> cells = r == 0 ? XlsxRoundTripTest.HEADER : row(r);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            wb.write(out);
        }
        return rows;
    }

    private static long writeOurs(Path file, int rows) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             XlsxWriter writer = new XlsxWriter(out)) {
            writer.row(XlsxRoundTripTest.HEADER);
            for (int r = 1; r <= rows; r++) {
                writer.row(row(r));
            }
            writer.finish();
        }
        return rows;
    }

    /**
     * A file as Excel writes it: every text in the shared strings table, cells refer to it by
     * index. Streamed by hand (POI's own SharedStringsTable holds everything on the heap and
     * cannot write a million rows within -Xmx256m); one table entry per cell, no deduplication.
     */
    private static void writeSharedStrings(Path file, int rows) throws IOException {
        XlsxFiles parts = XlsxFiles.minimal("");
        parts.sheetPart(out -> {
            java.io.Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + XlsxFiles.NS + "\"><sheetData>");
            long index = 0;
            for (int r = 0; r <= rows; r++) {
                w.write("<row r=\"" + (r + 1) + "\">");
                for (int c = 0; c < 11; c++) {
                    w.write("<c r=\"" + SheetHandler.columnName(c) + (r + 1) + "\" t=\"s\"><v>" + index++ + "</v></c>");
                }
                w.write("</row>");
            }
            w.write("</sheetData></worksheet>");
            w.flush();
        });
        parts.sharedStrings(out -> {
            java.io.Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
            long n = (rows + 1L) * 11;
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + XlsxFiles.NS + "\" count=\"" + n
                    + "\" uniqueCount=\"" + n + "\">");
            for (int r = 0; r <= rows; r++) {
                for (String cell : r == 0 ? XlsxRoundTripTest.HEADER : row(r)) {
                    w.write("<si><t>" + cell.replace("&", "&amp;").replace("<", "&lt;") + "</t></si>");
                }
            }
            w.write("</sst>");
            w.flush();
        });
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            parts.writeTo(out);
        }
    }

    /** The bare POI event model, as POI's own XLSX2CSV example does it; data rows only. */
    private static long readBare(Path file) throws Exception {
        long[] count = {0};
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFSheetXMLHandler.SheetContentsHandler rows = new XSSFSheetXMLHandler.SheetContentsHandler() {
                private List<String> current;

                @Override
                public void startRow(int rowNum) {
                    current = new ArrayList<>(11);
                }

                @Override
                public void endRow(int rowNum) {
                    if (rowNum > 0) {
                        count[0]++;
                    }
                }

                @Override
                public void cell(String ref, String value, XSSFComment comment) {
                    current.add(value);
                }
            };
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows, new DataFormatter(), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                xml.parse(new InputSource(sheet));
            }
        }
        return count[0];
    }

    private static long readOurs(Path file) throws IOException {
        long count = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             XlsxReader reader = new XlsxReader(in, LIMITS)) {
            reader.next();   // header
            while (reader.next() != null) {
                count++;
            }
        }
        return count;
    }

    /** 1,000,000 rows written and read back; prints the heap in use after GC every 100,000 rows. */
    private static void million() throws IOException {
        int rows = 1_000_000;
        Path dir = Files.createTempDirectory("xlsx-bench");
        for (boolean sharedStrings : new boolean[] {false, true}) {
            Path file = dir.resolve(sharedStrings ? "million-sst.xlsx" : "million.xlsx");
            long start = System.nanoTime();
            if (sharedStrings) {
                writeSharedStrings(file, rows);
            } else {
                writeOurs(file, rows);
            }
            System.out.printf(Locale.ROOT, "wrote %,d rows (%s) in %.1f s: %,d bytes; heap %d MB%n", rows,
                    sharedStrings ? "shared strings, streamed by hand" : "XlsxWriter", (System.nanoTime() - start) / 1e9, Files.size(file), usedHeapMb());
            start = System.nanoTime();
            long count = 0;
            long maxUsed = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                 XlsxReader reader = new XlsxReader(in, LIMITS)) {
                System.out.printf(Locale.ROOT, "  opened in %.1f s; heap %d MB%n", (System.nanoTime() - start) / 1e9, usedHeapMb());
                while (reader.next() != null) {
                    if (++count % 100_000 == 0) {
                        long used = usedHeapMb();
                        maxUsed = Math.max(maxUsed, used);
                        System.out.printf(Locale.ROOT, "  %,9d rows  heap after GC %3d MB%n", count, used);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "read %,d rows in %.1f s = %,.0f rows/s; max heap after GC %d MB of %d MB; peak heap pools %d MB%n",
                    count, seconds, count / seconds, maxUsed, Runtime.getRuntime().maxMemory() >> 20, peakHeapMb());
            Files.delete(file);
        }
        Files.delete(dir);
    }

    private static long usedHeapMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
