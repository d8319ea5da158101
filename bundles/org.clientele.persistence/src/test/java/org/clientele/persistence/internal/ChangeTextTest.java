package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.clientele.api.FieldChange;
import org.junit.Test;

public class ChangeTextTest {

    @Test
    public void randomChangesComeBackExactly() {
        Random random = new Random(4);
        String alphabet = "ab:~0123456789;,\u001e\u001f\u0000\n\r\tÄöß€😀 ";
        for (int round = 0; round < 2000; round++) {
            List<FieldChange> changes = new ArrayList<>();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                changes.add(new FieldChange(text(random, alphabet), text(random, alphabet), text(random, alphabet)));
            }
            assertEquals(changes, ChangeText.decode(ChangeText.encode(changes)));
        }
    }

    @Test
    public void nullsEmptiesAndDigitsAreKeptApart() {
        List<FieldChange> changes = List.of(new FieldChange("a", null, ""), new FieldChange("1:", "~", "12:x"),
                new FieldChange("", null, null));
        assertEquals(changes, ChangeText.decode(ChangeText.encode(changes)));
        assertEquals(List.of(), ChangeText.decode(ChangeText.encode(List.of())));
    }

    @Test
    public void aTruncatedTextIsRefused() {
        String text = ChangeText.encode(List.of(new FieldChange("email", "a@b.de", "c@d.de")));
        assertThrows(RuntimeException.class, () -> ChangeText.decode(text.substring(0, text.length() - 3)));
        assertThrows(RuntimeException.class, () -> ChangeText.decode("5:email~"));
    }

    private static String text(Random random, String alphabet) {
        if (random.nextInt(6) == 0) {
            return null;
        }
        int length = random.nextInt(3) == 0 ? random.nextInt(40) : random.nextInt(4);
        StringBuilder sb = new StringBuilder();
        int[] cps = alphabet.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            sb.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return sb.toString();
    }
}
