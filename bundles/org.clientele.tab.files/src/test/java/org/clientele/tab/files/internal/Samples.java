package org.clientele.tab.files.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real files of each kind, built in code. */
final class Samples {
    private Samples() {
    }

    static byte[] pdf() {
        return FilesDemoData.pdf("Sample", "A one-page PDF.");
    }

    /** A 1×1 PNG: signature, IHDR, IDAT, IEND. */
    static byte[] png() {
        return bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0,
                1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0A, 'I', 'D', 'A', 'T', 0x78, 0x9C, 0x63, 0, 1, 0, 0,
                5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82);
    }

    /** The start of a JFIF JPEG: SOI, APP0 "JFIF". */
    static byte[] jpeg() {
        return bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9);
    }

    static byte[] gif() {
        return concat("GIF89a".getBytes(StandardCharsets.US_ASCII), bytes(1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF,
                0xFF, 0x21, 0xF9, 4, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B));
    }

    static byte[] webp() {
        return concat("RIFF".getBytes(StandardCharsets.US_ASCII), bytes(26, 0, 0, 0),
                "WEBPVP8L".getBytes(StandardCharsets.US_ASCII), bytes(13, 0, 0, 0, 0x2F, 0, 0, 0, 0x10, 7, 0x10, 0x11, 0x11,
                        0x88, 0x88, 0xFE, 7, 0));
    }

    /** An xlsx as Excel lays it out: [Content_Types].xml, _rels, xl/workbook.xml. */
    static byte[] xlsx() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                + ".openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType="
                + "\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
        entries.put("_rels/.rels", "<Relationships/>");
        entries.put("xl/workbook.xml", "<workbook/>");
        return zip(entries, false);
    }

    static byte[] docx() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<Types/>");
        entries.put("word/document.xml", "<document/>");
        return zip(entries, false);
    }

    static byte[] docm() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<Types/>");
        entries.put("word/document.xml", "<document/>");
        entries.put("word/vbaProject.bin", "Attribute VB_Name = \"Module1\"");
        return zip(entries, false);
    }

    /** An ODF spreadsheet: the uncompressed mimetype entry first, as the spec requires. */
    static byte[] ods() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("mimetype", FileTypes.ODS);
        entries.put("META-INF/manifest.xml", "<manifest:manifest/>");
        entries.put("content.xml", "<office:document-content/>");
        return zip(entries, true);
    }

    static byte[] odt() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("mimetype", FileTypes.ODT);
        entries.put("content.xml", "<office:document-content/>");
        return zip(entries, true);
    }

    static byte[] plainZip() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("notes/a.txt", "hello");
        entries.put("b.csv", "a;b\r\n1;2\r\n");
        return zip(entries, false);
    }

    static byte[] jar() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: Evil\r\n");
        entries.put("Evil.class", "\u00ca\u00fe\u00ba\u00be");
        return zip(entries, false);
    }

    /** The start of an ELF executable (64-bit, little-endian, x86-64). */
    static byte[] elf() {
        return bytes(0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0, 1, 0, 0, 0);
    }

    /** The start of a Windows PE: the MZ header with its DOS stub message. */
    static byte[] exe() {
        return concat(bytes('M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0),
                "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] html() {
        return "<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] svg() {
        return "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name);
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, String> entries, boolean storeFirst) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                boolean first = true;
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    byte[] data = e.getValue().getBytes(StandardCharsets.ISO_8859_1);
                    ZipEntry entry = new ZipEntry(e.getKey());
                    if (first && storeFirst) {
                        CRC32 crc = new CRC32();
                        crc.update(data);
                        entry.setMethod(ZipEntry.STORED);
                        entry.setSize(data.length);
                        entry.setCompressedSize(data.length);
                        entry.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(entry);
                    zip.write(data);
                    zip.closeEntry();
                    first = false;
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
