package org.clientele.io.internal;

import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.clientele.api.io.ImportOptions;
import org.junit.Test;

public class JobTextTest {

    @Test
    public void mapsAndOptionsRoundTrip() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("a=b", "line\nbreak\\x");
        m.put("empty", "");
        m.put("none", null);
        assertEquals(m, JobText.read(JobText.write(m)));

        ImportOptions o = new ImportOptions(true, ImportOptions.Mode.CREATE, ImportOptions.Key.LEGAL_NAME,
                ImportOptions.Blank.CLEAR, ImportOptions.OnError.SKIP, "windows-1252", '\t',
                Map.of("Kürzel=1", "number", "Bemerkung", ""));
        assertEquals(o, JobText.options(JobText.options(o)));
        assertEquals(ImportOptions.defaults(), JobText.options(JobText.options(ImportOptions.defaults())));
    }
}
