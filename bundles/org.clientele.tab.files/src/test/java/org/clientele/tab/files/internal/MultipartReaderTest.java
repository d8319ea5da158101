package org.clientele.tab.files.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.Test;

public class MultipartReaderTest {
    private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    /** A body as browsers send it: a text field, then the file. */
    static byte[] body(String boundary, String disposition, String type, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nhello\r\n"
                + "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Hands out at most {@code chunk} bytes per read, as a network does. */
    static InputStream trickle(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    public void findsTheFileAndReadsItExactly() throws IOException {
        // content full of near-boundaries: CRLF, dashes, the boundary without its CRLF
        // (but never the delimiter itself, CRLF "--" boundary, which a sender must avoid)
        byte[] content = Samples.concat(Samples.text("line\r\n--" + BOUNDARY.substring(0, 20) + "\r\n\r\n--\r\nx"),
                Samples.text("--" + BOUNDARY + "x\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "Z"),
                new byte[] {0, (byte) 0xFF, '\r'});
        for (int chunk : new int[] {1, 7, 100, 100_000}) {
            MultipartReader reader = new MultipartReader(trickle(body(BOUNDARY,
                    "form-data; name=\"file\"; filename=\"a b.pdf\"", "application/pdf", content), chunk), BOUNDARY);
            MultipartReader.Part comment = reader.next(1000);
            assertEquals("comment", comment.name());
            MultipartReader.Part file = reader.next(1000);
            assertEquals("file", file.name());
            assertEquals("a b.pdf", file.filename());
            assertEquals("application/pdf", file.contentType());
            assertArrayEquals("chunk " + chunk, content, file.content().readAllBytes());
            assertNull(reader.next(1000));
        }
    }

    @Test
    public void largeRandomContentSurvives() throws IOException {
        byte[] content = new byte[300_000];
        new Random(42).nextBytes(content);
        MultipartReader reader = new MultipartReader(trickle(body(BOUNDARY,
                "form-data; name=\"file\"; filename=\"r.bin\"", null, content), 4093), BOUNDARY);
        reader.next(1000);
        MultipartReader.Part file = reader.next(1000);
        assertArrayEquals(content, file.content().readAllBytes());
    }

    @Test
    public void emptyFileAndExtendedFileName() throws IOException {
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(BOUNDARY,
                "form-data; name=\"file\"; filename=\"Gr__e.txt\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe+1.txt", "text/plain",
                new byte[0])), BOUNDARY);
        reader.next(1000);
        MultipartReader.Part file = reader.next(1000);
        assertEquals("Grüße+1.txt", file.filename());
        assertEquals(0, file.content().readAllBytes().length);
    }

    @Test
    public void percentEncodedQuotesInFileNames() throws IOException {
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(BOUNDARY,
                "form-data; name=\"file\"; filename=\"Notiz %22x%22%0D%0A.txt\"", "text/plain", Samples.text("x"))), BOUNDARY);
        reader.next(1000);
        assertEquals("Notiz \"x\".txt", reader.next(1000).filename());
    }

    @Test
    public void quotedParameters() {
        assertEquals("C:\\path\\a\"b.pdf", MultipartReader.parameters(
                "form-data; name=\"file\"; filename=\"C:\\path\\a\\\"b.pdf\"").get("filename"));
        assertEquals("file", MultipartReader.parameters("form-data; NAME=file; filename=\"x;y.txt\"").get("name"));
        assertEquals("x;y.txt", MultipartReader.parameters("form-data; name=file; filename=\"x;y.txt\"").get("filename"));
    }

    @Test
    public void truncatedBodyIs400() throws IOException {
        byte[] whole = body(BOUNDARY, "form-data; name=\"file\"; filename=\"a.txt\"", null, Samples.text("hello world"));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 20);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(cut), BOUNDARY);
        reader.next(1000);
        MultipartReader.Part file = reader.next(1000);
        try {
            file.content().readAllBytes();
            fail("read a truncated part");
        } catch (UploadRefused e) {
            assertEquals(400, e.status());
        }
    }

    @Test
    public void tooLargeOtherPartsAreRefused() throws IOException {
        String big = "x".repeat(5000);
        byte[] b = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"junk\"\r\n\r\n" + big + "\r\n--"
                + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(b), BOUNDARY);
        reader.next(1000);
        try {
            reader.next(1000);
            fail("skipped an oversized part");
        } catch (UploadRefused e) {
            assertEquals(400, e.status());
        }
    }

    @Test
    public void aBrokenConnectionIs400() throws IOException {
        byte[] whole = body(BOUNDARY, "form-data; name=\"file\"; filename=\"a.txt\"", null, new byte[100_000]);
        InputStream breaking = new FilterInputStream(new ByteArrayInputStream(whole, 0, 50_000)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new java.io.EOFException("early EOF");
                }
                return n;
            }
        };
        MultipartReader reader = new MultipartReader(breaking, BOUNDARY);
        reader.next(1000);
        MultipartReader.Part file = reader.next(1000);
        try {
            file.content().readAllBytes();
            fail("read a broken upload");
        } catch (UploadRefused e) {
            assertEquals(400, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains("interrupted"));
        }
    }

    @Test
    public void missingBoundaryIs400() {
        try {
            new MultipartReader(new ByteArrayInputStream(new byte[0]), null);
            fail();
        } catch (UploadRefused e) {
            assertEquals(400, e.status());
        }
    }
}
