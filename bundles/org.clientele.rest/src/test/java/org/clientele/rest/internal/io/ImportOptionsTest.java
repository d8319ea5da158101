package org.clientele.rest.internal.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.clientele.api.ValidationException;
import org.clientele.api.io.ImportOptions;
import org.clientele.api.io.ImportRejectedException;
import org.junit.Test;

public class ImportOptionsTest {

    private static MultivaluedMap<String, String> q(String... kv) {
        MultivaluedMap<String, String> m = new MultivaluedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.add(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    public void defaultsAndEveryParameter() {
        ImportOptions d = ImportResource.options(q());
        assertFalse(d.dryRun());
        assertEquals(ImportOptions.Mode.UPSERT, d.mode());
        assertEquals(ImportOptions.Key.NUMBER, d.key());
        assertEquals(ImportOptions.Blank.IGNORE, d.blank());
        assertEquals(ImportOptions.OnError.ABORT, d.onError());

        ImportOptions o = ImportResource.options(q("dryRun", "true", "mode", "create", "key", "taxId", "blank", "clear",
                "onError", "skip", "charset", "windows-1252", "delimiter", "tab", "mapping.Kürzel", "number"));
        assertTrue(o.dryRun());
        assertEquals(ImportOptions.Mode.CREATE, o.mode());
        assertEquals(ImportOptions.Key.TAX_ID, o.key());
        assertEquals(ImportOptions.Blank.CLEAR, o.blank());
        assertEquals(ImportOptions.OnError.SKIP, o.onError());
        assertEquals("windows-1252", o.charset());
        assertEquals(Character.valueOf('\t'), o.delimiter());
        assertEquals(Map.of("Kürzel", "number"), o.mapping());
        assertEquals(ImportOptions.Key.LEGAL_NAME, ImportResource.options(q("key", "legalName")).key());
    }

    @Test
    public void badValuesAreNamedInOneValidationError() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ImportResource.options(q("dryRun", "yes", "mode", "merge", "delimiter", ";;")));
        assertEquals(List.of("dryRun", "mode", "delimiter"), e.errors().stream().map(f -> f.field()).toList());
    }

    @Test
    public void refusedFilesMapToTheirStatus() {
        assertEquals(413, IoJson.refused(new ImportRejectedException(ImportRejectedException.TOO_LARGE, "x")).getResponse().getStatus());
        assertEquals(415, IoJson.refused(new ImportRejectedException(ImportRejectedException.UNSUPPORTED_FORMAT, "x")).getResponse().getStatus());
        assertEquals(415, IoJson.refused(new ImportRejectedException("NOT_XLSX", "x")).getResponse().getStatus());
        assertEquals(422, IoJson.refused(new ImportRejectedException("ZIP_BOMB", "x")).getResponse().getStatus());
    }
}
