package org.clientele.io.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class KeySetTest {

    @Test
    public void remembersEveryKeyThroughGrowth() {
        KeySet keys = new KeySet();
        for (int i = 0; i < 200_000; i++) {
            assertTrue(keys.add("n:K-" + i));
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertFalse(keys.add("n:K-" + i));
        }
        assertEquals(200_000, keys.size());
        assertTrue(keys.add("n:Ä"));
        assertFalse(keys.add("n:Ä"));
        assertTrue(keys.add("n:ä"));
    }
}
