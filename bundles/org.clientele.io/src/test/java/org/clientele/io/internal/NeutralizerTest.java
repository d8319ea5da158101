package org.clientele.io.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class NeutralizerTest {

    @Test
    public void dangerousStartsGetAnApostropheThatImportRemoves() {
        assertEquals("'=SUM(A1)", Neutralizer.neutralize("=SUM(A1)"));
        assertEquals("'+49 30 1", Neutralizer.neutralize("+49 30 1"));
        assertEquals("'-x", Neutralizer.neutralize("-x"));
        assertEquals("'@x", Neutralizer.neutralize("@x"));
        assertEquals("'\tx", Neutralizer.neutralize("\tx"));
        assertEquals("'\rx", Neutralizer.neutralize("\rx"));
        assertEquals("Müller", Neutralizer.neutralize("Müller"));
        assertEquals("+49 30 1", Neutralizer.restore("'+49 30 1"));
        assertEquals("'plain", Neutralizer.restore("'plain"));
    }

    @Test
    public void roundTripIsExactForEveryValue() {
        for (String v : new String[] {"=1", "'=1", "''=1", "'", "''", "'a", "a=b", "", "-", "'-", "@", "\t", "x"}) {
            assertEquals(v, Neutralizer.restore(Neutralizer.neutralize(v)));
        }
    }
}
