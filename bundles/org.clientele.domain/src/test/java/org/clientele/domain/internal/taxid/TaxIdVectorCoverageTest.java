package org.clientele.domain.internal.taxid;

import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.function.Predicate;

import org.clientele.api.TaxIdCheck;
import org.clientele.domain.internal.taxid.TaxIdVectors.Vector;
import org.junit.Test;

/** Keeps {@link TaxIdVectors} complete: enough published vectors for every supported country. */
public class TaxIdVectorCoverageTest {

    private static final List<String> GROUPS = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "GR", "ES",
            "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
            "GB", "CH", "NO", TaxIdVectors.DE_STNR);

    @Test
    public void everyCountryHasThreeValidVectors() {
        for (String group : GROUPS) {
            assertTrue(group, count(group, v -> v.code() == null) >= 3);
        }
    }

    @Test
    public void everyCountryHasAChecksumAndAFormatFailure() {
        for (String group : GROUPS) {
            assertTrue(group, count(group, v -> TaxIdCheck.TAX_ID_FORMAT.equals(v.code())) >= 1);
            if (!TaxIdVectors.DE_STNR.equals(group)) {
                assertTrue(group, count(group, v -> TaxIdCheck.TAX_ID_CHECKSUM.equals(v.code())) >= 1);
            }
        }
    }

    private static long count(String group, Predicate<Vector> filter) {
        return TaxIdVectors.all().stream().filter(v -> v.group().equals(group)).filter(filter).count();
    }
}
