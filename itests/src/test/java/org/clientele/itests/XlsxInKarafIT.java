package org.clientele.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * POI inside OSGi: a stock Karaf with only the {@code clientele-io} feature; the io bundle's own
 * XlsxWriter and XlsxReader (loaded through that bundle, as its importer and exporter use them)
 * write and read an XLSX through our POI wrapper bundle — SXSSF and xmlbeans' schema type
 * system on the writing side, the SAX event model on the reading side — and refuse an
 * entity-expansion sheet. The probe's thread context class loader is not POI's.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class XlsxInKarafIT extends KarafTestSupport {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return new Option[] {stockKaraf(), common(),
                features(maven().groupId("org.clientele").artifactId("clientele-features").type("xml")
                        .classifier("features").versionAsInProject(), "clientele-io")};
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    @Test
    public void ourReaderAndWriterWorkThroughTheWrappedPoi() throws Exception {
        Bundle poi = bundle("org.clientele.thirdparty.poi");
        assertEquals(Bundle.ACTIVE, poi.getState());
        Bundle io = bundle("org.clientele.io");
        assertTrue("io bundle state " + io.getState(), io.getState() == Bundle.ACTIVE || io.getState() == Bundle.RESOLVED);

        Class<?> writerClass = io.loadClass("org.clientele.io.internal.xlsx.XlsxWriter");
        Class<?> readerClass = io.loadClass("org.clientele.io.internal.xlsx.XlsxReader");
        Class<?> limitsClass = io.loadClass("org.clientele.io.internal.format.Limits");
        Class<?> rejectedClass = io.loadClass("org.clientele.io.internal.format.RejectedFileException");
        // the reader and the writer see the wrapper's POI, not a copy of their own
        assertEquals(poi, org.osgi.framework.FrameworkUtil.getBundle(
                io.loadClass("org.apache.poi.xssf.streaming.SXSSFWorkbook")));

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Kundennummer", "Firma", "PLZ", "Notiz"));
        for (int i = 0; i < 500; i++) {
            rows.add(Arrays.asList(String.format("%06d", i), "Müller & Söhne " + i, "0" + (1000 + i), "Zeile 1\nZeile 2"));
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Object writer = writerClass.getConstructor(OutputStream.class).newInstance(out);
        Method row = writerClass.getMethod("row", List.class);
        for (List<String> r : rows) {
            row.invoke(writer, r);
        }
        writerClass.getMethod("finish").invoke(writer);
        writerClass.getMethod("close").invoke(writer);
        byte[] file = out.toByteArray();
        assertTrue(file.length > 1000);

        Constructor<?> limits = limitsClass.getConstructor(long.class, int.class, int.class, long.class, long.class);
        Object caps = limits.newInstance(100_000L, 100, 32_767, 10_000_000L, 100_000_000L);
        Constructor<?> newReader = readerClass.getConstructor(InputStream.class, limitsClass);
        Object reader = newReader.newInstance(new ByteArrayInputStream(file), caps);
        Method next = readerClass.getMethod("next");
        try {
            assertEquals("XLSX, sheet 'Clients'", readerClass.getMethod("describe").invoke(reader));
            for (List<String> expected : rows) {
                assertEquals(expected, next.invoke(reader));
            }
            assertNull(next.invoke(reader));
        } finally {
            readerClass.getMethod("close").invoke(reader);
        }

        // a sheet with a DOCTYPE (entity expansion) is refused inside the container too
        byte[] hostile = withDoctypeSheet(file);
        try {
            Object r = newReader.newInstance(new ByteArrayInputStream(hostile), caps);
            try {
                while (next.invoke(r) != null) {
                    // read to the refusal
                }
            } finally {
                readerClass.getMethod("close").invoke(r);
            }
            throw new AssertionError("the entity-expansion sheet was accepted");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            assertTrue(String.valueOf(cause), rejectedClass.isInstance(cause));
            assertEquals("XML_ENTITY", rejectedClass.getMethod("code").invoke(cause));
        }
    }

    /** A minimal workbook, built by hand, whose only sheet declares entities (billion laughs, shortened). */
    private static byte[] withDoctypeSheet(byte[] ignored) throws Exception {
        String[][] parts = {
            {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>"},
            {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>"},
            {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Kunden\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
            {"xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "</Relationships>"},
            {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>"},
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (String[] part : parts) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part[0]));
                zip.write(part[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
