package org.clientele.tab.files.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FileTypesTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private String detect(String name, byte[] bytes) throws IOException {
        Path p = Samples.write(tmp.getRoot().toPath(), "sample.bin", bytes);
        return FileTypes.detect(p, name);
    }

    @Test
    public void imagesAndPdfByMagicNumber() throws IOException {
        assertEquals(FileTypes.PDF, detect("offer.pdf", Samples.pdf()));
        assertEquals(FileTypes.PNG, detect("logo.png", Samples.png()));
        assertEquals(FileTypes.JPEG, detect("photo.jpg", Samples.jpeg()));
        assertEquals(FileTypes.GIF, detect("anim.gif", Samples.gif()));
        assertEquals(FileTypes.WEBP, detect("pic.webp", Samples.webp()));
    }

    @Test
    public void theNameDoesNotChangeWhatBinaryBytesAre() throws IOException {
        assertEquals(FileTypes.PDF, detect("offer.txt", Samples.pdf()));
        assertEquals(FileTypes.PNG, detect("no-extension", Samples.png()));
    }

    @Test
    public void officeFormatsByTheirZipEntries() throws IOException {
        assertEquals(FileTypes.XLSX, detect("sheet.xlsx", Samples.xlsx()));
        assertEquals(FileTypes.DOCX, detect("letter.docx", Samples.docx()));
        assertEquals(FileTypes.ODS, detect("sheet.ods", Samples.ods()));
        assertEquals(FileTypes.ODT, detect("letter.odt", Samples.odt()));
        assertEquals(FileTypes.ZIP, detect("archive.zip", Samples.plainZip()));
        // the same bytes under another name are still what their entries say
        assertEquals(FileTypes.XLSX, detect("sheet.zip", Samples.xlsx()));
    }

    @Test
    public void macrosAndJarsAreTheirOwnTypes() throws IOException {
        assertEquals(FileTypes.DOCM, detect("letter.docx", Samples.docm()));
        assertEquals(FileTypes.JAR, detect("tool.zip", Samples.jar()));
    }

    @Test
    public void aBrokenZipIsUnknownBinary() throws IOException {
        byte[] zip = Samples.plainZip();
        byte[] cut = java.util.Arrays.copyOf(zip, zip.length - 30);
        assertEquals(FileTypes.BINARY, detect("archive.zip", cut));
    }

    @Test
    public void executablesAreRecognised() throws IOException {
        assertEquals(FileTypes.ELF_EXECUTABLE, detect("report.pdf", Samples.elf()));
        assertEquals(FileTypes.WINDOWS_EXECUTABLE, detect("invoice.pdf", Samples.exe()));
        assertEquals(FileTypes.SCRIPT, detect("notes.txt", Samples.text("#!/bin/sh\nrm -rf /\n")));
    }

    @Test
    public void markupIsRecognisedWhateverTheName() throws IOException {
        assertEquals(FileTypes.HTML, detect("offer.pdf", Samples.html()));
        assertEquals(FileTypes.HTML, detect("notes.txt", Samples.text("  \n<HTML><body>hi</body></HTML>")));
        assertEquals(FileTypes.SVG, detect("logo.png", Samples.svg()));
        assertEquals(FileTypes.SVG, detect("logo.txt", Samples.text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")));
        assertEquals(FileTypes.XML, detect("data.txt", Samples.text("<?xml version=\"1.0\"?><a/>")));
    }

    @Test
    public void textByExtension() throws IOException {
        byte[] rows = Samples.text("Name;Stadt\r\nMüller;Köln\r\n");
        assertEquals(FileTypes.CSV, detect("kunden.csv", rows));
        assertEquals(FileTypes.TEXT, detect("kunden.txt", rows));
        assertEquals(FileTypes.TEXT, detect("README", rows));
        assertEquals(FileTypes.JAVASCRIPT, detect("app.js", Samples.text("alert(1)")));
        assertEquals(FileTypes.EML, detect("mail.eml", Samples.text("From: a@example.com\r\nSubject: Hi\r\n\r\nHello")));
    }

    @Test
    public void aMailInLatin1IsStillAMail() throws IOException {
        byte[] mail = Samples.concat(Samples.text("Subject: Gr"), Samples.bytes(0xFC), Samples.text("\u00df\r\n\r\nx"));
        assertEquals(FileTypes.EML, detect("mail.eml", mail));
    }

    @Test
    public void nulBytesOrBrokenUtf8AreNotText() throws IOException {
        assertEquals(FileTypes.BINARY, detect("notes.txt", Samples.concat(Samples.text("hello"), Samples.bytes(0),
                Samples.text("world"))));
        assertEquals(FileTypes.BINARY, detect("notes.txt", Samples.concat(Samples.text("Gr"), Samples.bytes(0xFC),
                Samples.text("ße"))));
        // a NUL far beyond the first block is found too
        byte[] late = new byte[100_000];
        java.util.Arrays.fill(late, (byte) 'a');
        late[99_000] = 0;
        assertEquals(FileTypes.BINARY, detect("notes.txt", late));
    }

    @Test
    public void utf8ThatSpansBlockBoundariesIsText() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 50_000) {
            sb.append("Grüße aus Köln – 日本語 😀 ");
        }
        assertEquals(FileTypes.TEXT, detect("greetings.txt", Samples.text(sb.toString())));
    }

    @Test
    public void declaredTypes() {
        assertTrue(FileTypes.declaredFits(null, FileTypes.PDF));
        assertTrue(FileTypes.declaredFits("application/octet-stream", FileTypes.PDF));
        assertTrue(FileTypes.declaredFits("Application/PDF; name=x", FileTypes.PDF));
        assertTrue(FileTypes.declaredFits("image/jpg", FileTypes.JPEG));
        assertTrue(FileTypes.declaredFits("application/vnd.ms-excel", FileTypes.CSV));
        assertTrue(FileTypes.declaredFits("text/markdown", FileTypes.TEXT));
        assertFalse(FileTypes.declaredFits("text/html", FileTypes.TEXT));
        assertFalse(FileTypes.declaredFits("image/png", FileTypes.PDF));
        assertFalse(FileTypes.declaredFits("application/pdf", FileTypes.HTML));
    }
}
