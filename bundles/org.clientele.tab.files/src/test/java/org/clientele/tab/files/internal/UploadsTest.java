package org.clientele.tab.files.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;

import org.clientele.api.ValidationException;
import org.junit.Test;

public class UploadsTest {

    private final Uploads defaults = Uploads.of(config(10 * 1024 * 1024, FileTypes.DEFAULT_ALLOWED));

    @Test
    public void acceptsAPdfAndHashesIt() throws Exception {
        byte[] pdf = Samples.pdf();
        try (Uploads.Accepted a = defaults.receive(new ByteArrayInputStream(pdf), "C:\\Users\\anna\\Angebot 7.pdf", "application/pdf")) {
            assertEquals("Angebot 7.pdf", a.name());
            assertEquals(pdf.length, a.size());
            assertEquals(FileTypes.PDF, a.contentType());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)), a.sha256());
            assertTrue(java.util.Arrays.equals(pdf, Files.readAllBytes(a.path())));
            a.close();
            assertFalse(Files.exists(a.path()));
        }
    }

    @Test
    public void sizeLimitIsExact() throws IOException {
        Uploads small = Uploads.of(config(100, FileTypes.DEFAULT_ALLOWED));
        byte[] exactly = Samples.text("x".repeat(100));
        try (Uploads.Accepted a = small.receive(new ByteArrayInputStream(exactly), "a.txt", null)) {
            assertEquals(100, a.size());
        }
        UploadRefused r = refused(small, Samples.text("x".repeat(101)), "a.txt", null);
        assertEquals(413, r.status());
        assertTrue(r.getMessage(), r.getMessage().contains("100 bytes"));
    }

    @Test
    public void stopsReadingOnceOverTheLimit() throws IOException {
        Uploads small = Uploads.of(config(1000, FileTypes.DEFAULT_ALLOWED));
        // an endless stream: only a refusal that stops reading ends this test
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        try {
            small.receive(endless, "a.txt", null);
            fail("accepted an endless stream");
        } catch (UploadRefused r) {
            assertEquals(413, r.status());
        }
    }

    @Test
    public void emptyFileIs422() throws IOException {
        try {
            defaults.receive(new ByteArrayInputStream(new byte[0]), "empty.pdf", null);
            fail("accepted an empty file");
        } catch (ValidationException e) {
            assertEquals("file", e.errors().get(0).field());
            assertEquals(Uploads.EMPTY, e.errors().get(0).code());
        }
    }

    @Test
    public void htmlRenamedToPdfIsRefusedNamingWhatItIs() throws IOException {
        UploadRefused r = refused(defaults, Samples.html(), "invoice.pdf", "application/pdf");
        assertEquals(415, r.status());
        assertEquals(FileTypes.HTML, r.extra().get("detectedType"));
        assertTrue(r.getMessage(), r.getMessage().contains("text/html"));
    }

    @Test
    public void executablesAreRefused() throws IOException {
        assertEquals(FileTypes.ELF_EXECUTABLE, refused(defaults, Samples.elf(), "tool", null).extra().get("detectedType"));
        assertEquals(FileTypes.WINDOWS_EXECUTABLE, refused(defaults, Samples.exe(), "setup.exe", null).extra().get("detectedType"));
        assertEquals(FileTypes.WINDOWS_EXECUTABLE, refused(defaults, Samples.exe(), "invoice.pdf", null).extra().get("detectedType"));
        assertEquals(FileTypes.JAR, refused(defaults, Samples.jar(), "tool.zip", null).extra().get("detectedType"));
        assertEquals(FileTypes.DOCM, refused(defaults, Samples.docm(), "letter.docx", null).extra().get("detectedType"));
    }

    @Test
    public void svgAndScriptsAreRefused() throws IOException {
        assertEquals(415, refused(defaults, Samples.svg(), "logo.svg", "image/svg+xml").status());
        assertEquals(415, refused(defaults, Samples.text("alert(1)"), "app.js", null).status());
        assertEquals(415, refused(defaults, Samples.text("@echo off\r\ndel *.*"), "run.bat", null).status());
    }

    @Test
    public void aDeclaredTypeThatContradictsTheBytesIsRefused() throws IOException {
        UploadRefused r = refused(defaults, Samples.pdf(), "offer.pdf", "image/png");
        assertEquals(415, r.status());
        assertTrue(r.getMessage(), r.getMessage().contains("application/pdf") && r.getMessage().contains("image/png"));
    }

    @Test
    public void anExtensionThatContradictsTheBytesIsRefused() throws IOException {
        UploadRefused r = refused(defaults, Samples.png(), "photo.jpg", null);
        assertEquals(415, r.status());
        assertEquals(FileTypes.PNG, r.extra().get("detectedType"));
    }

    @Test
    public void nulInTextIsRefusedAsBinary() throws IOException {
        UploadRefused r = refused(defaults, Samples.concat(Samples.text("a"), Samples.bytes(0), Samples.text("b")),
                "notes.txt", "text/plain");
        assertEquals(FileTypes.BINARY, r.extra().get("detectedType"));
    }

    @Test
    public void textInWindows1252GetsAHint() throws IOException {
        byte[] cp1252 = "Name;Stadt\r\nMüller;Köln\r\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        UploadRefused r = refused(defaults, cp1252, "kunden.csv", "text/csv");
        assertEquals(415, r.status());
        assertTrue(r.getMessage(), r.getMessage().contains("not UTF-8"));
        // binary with control characters gets the plain refusal
        UploadRefused binary = refused(defaults, Samples.bytes(1, 2, 3, 0xFC, 0xFD), "data.csv", null);
        assertTrue(binary.getMessage(), binary.getMessage().contains("application/octet-stream"));
        assertFalse(binary.getMessage(), binary.getMessage().contains("UTF-8"));
    }

    @Test
    public void csvFromWindowsBrowsers() throws IOException {
        try (Uploads.Accepted a = defaults.receive(new ByteArrayInputStream(Samples.text("a;b\r\n1;2\r\n")), "k.csv",
                "application/vnd.ms-excel")) {
            assertEquals(FileTypes.CSV, a.contentType());
        }
    }

    @Test
    public void acceptedTypesComeFromTheConfiguration() throws IOException {
        Uploads pdfOnly = Uploads.of(config(1000, new String[] {"application/pdf, image/png"}));
        assertEquals(Set.of(FileTypes.PDF, FileTypes.PNG), pdfOnly.allowed());
        UploadRefused r = refused(pdfOnly, Samples.text("hello"), "a.txt", null);
        assertTrue(r.getMessage(), r.getMessage().contains("Accepted: application/pdf, image/png."));
    }

    private static UploadRefused refused(Uploads uploads, byte[] bytes, String name, String declared) throws IOException {
        try (Uploads.Accepted a = uploads.receive(new ByteArrayInputStream(bytes), name, declared)) {
            fail("accepted " + name + " as " + a.contentType());
            return null;
        } catch (UploadRefused r) {
            return r;
        }
    }

    static FilesConfig config(long maxBytes, String[] allowed) {
        return new FilesConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FilesConfig.class;
            }

            @Override
            public long maxBytes() {
                return maxBytes;
            }

            @Override
            public String[] allowedTypes() {
                return allowed;
            }
        };
    }
}
