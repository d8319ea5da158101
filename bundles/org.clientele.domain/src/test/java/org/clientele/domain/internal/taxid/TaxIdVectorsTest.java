package org.clientele.domain.internal.taxid;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Collection;
import java.util.stream.Collectors;

import org.clientele.api.TaxIdCheck;
import org.clientele.domain.internal.taxid.TaxIdVectors.Vector;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** Runs every published vector of {@link TaxIdVectors} through {@link TaxIdRules}. */
@RunWith(Parameterized.class)
public class TaxIdVectorsTest {

    private final TaxIdRules rules = new TaxIdRules();

    @Parameter
    public Vector vector;

    @Parameters(name = "{0}")
    public static Collection<Object[]> vectors() {
        return TaxIdVectors.all().stream().map(v -> new Object[] {v}).collect(Collectors.toList());
    }

    @Test
    public void checksAsPublished() {
        TaxIdCheck result = rules.check(vector.input(), vector.hint());

        assertEquals("input", vector.input(), result.input());
        assertEquals("country", expectedCountry(), result.country());
        assertEquals("code", vector.code(), result.code());
        assertEquals("valid", vector.code() == null, result.valid());
        assertNotNull("normalized", result.normalized());
        if (vector.code() == null) {
            assertNull("message", result.message());
            assertEquals("kind", expectedKind(), result.kind());
            assertTrue("canonical form " + result.normalized(), result.normalized().matches("[A-Z0-9]+"));
            assertTrue("prefix of " + result.normalized(), result.normalized().startsWith(expectedPrefix()));
        } else {
            assertNotNull("message", result.message());
            assertFalse("message ends with a full stop", !result.message().endsWith("."));
        }
    }

    private String expectedCountry() {
        return TaxIdVectors.DE_STNR.equals(vector.group()) ? "DE" : vector.group();
    }

    private String expectedKind() {
        switch (vector.group()) {
            case TaxIdVectors.DE_STNR:
                return TaxIdCheck.KIND_DE_STNR;
            case "GB":
                return TaxIdCheck.KIND_GB_VAT;
            case "CH":
                return TaxIdCheck.KIND_CH_UID;
            case "NO":
                return TaxIdCheck.KIND_NO_MVA;
            default:
                return TaxIdCheck.KIND_EU_VAT;
        }
    }

    private String expectedPrefix() {
        switch (vector.group()) {
            case TaxIdVectors.DE_STNR:
                return "";
            case "GR":
                return "EL";
            case "CH":
                return "CHE";
            case "AT":
                return "ATU";
            default:
                return vector.group();
        }
    }
}
