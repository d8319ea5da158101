package org.clientele.tab.files.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class FileNamesTest {

    @Test
    public void keepsOnlyTheLastPathSegment() {
        assertEquals("passwd", FileNames.sanitise("../../etc/passwd"));
        assertEquals("Angebot.pdf", FileNames.sanitise("C:\\Users\\Anna\\Angebot.pdf"));
        assertEquals("file", FileNames.sanitise("uploads/"));
    }

    @Test
    public void dropsControlAndFormattingCharacters() {
        assertEquals("ab.txt", FileNames.sanitise("a\u0000b\r\n.txt"));
        // a right-to-left override would show "invoice‮fdp.exe" as "invoiceexe.pdf"
        assertEquals("invoicefdp.exe", FileNames.sanitise("invoice\u202Efdp.exe"));
        assertEquals("ab.txt", FileNames.sanitise("a\tb.txt"));
        assertEquals("a b.txt", FileNames.sanitise("a\u00A0 b.txt"));
    }

    @Test
    public void replacesCharactersWindowsForbidsAndTrims() {
        assertEquals("a_b_c_.txt", FileNames.sanitise("a:b*c?.txt"));
        assertEquals("report.pdf", FileNames.sanitise("  report.pdf. "));
        assertEquals("file", FileNames.sanitise(".."));
        assertEquals("file", FileNames.sanitise(null));
        assertEquals("file", FileNames.sanitise(" \u0007 "));
    }

    @Test
    public void normalisesToNfc() {
        assertEquals("Gr\u00fc\u00dfe.txt", FileNames.sanitise("Gru\u0308\u00dfe.txt"));
    }

    @Test
    public void cutsLongNamesKeepingTheExtension() {
        String name = FileNames.sanitise("x".repeat(300) + ".pdf");
        assertEquals(255, name.length());
        assertTrue(name.endsWith("x.pdf"));
        String emoji = FileNames.sanitise("😀".repeat(200) + ".txt");
        assertTrue(emoji.length() <= 255);
        assertTrue(emoji.endsWith("😀.txt"));
    }

    @Test
    public void contentDispositionFollowsRfc6266() {
        assertEquals("attachment; filename=\"Gr__e _\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%22", FileNames.contentDisposition("Grüße \""));
        assertEquals("attachment; filename=\"a.pdf\"; filename*=UTF-8''a.pdf", FileNames.contentDisposition("a.pdf"));
    }
}
