package org.clientele.domain.internal.taxid;

import static org.clientele.api.TaxIdCheck.KIND_CH_UID;
import static org.clientele.api.TaxIdCheck.KIND_DE_STNR;
import static org.clientele.api.TaxIdCheck.KIND_EU_VAT;
import static org.clientele.api.TaxIdCheck.KIND_GB_VAT;
import static org.clientele.api.TaxIdCheck.KIND_NO_MVA;
import static org.clientele.api.TaxIdCheck.KIND_OTHER;
import static org.clientele.api.TaxIdCheck.TAX_ID_CHECKSUM;
import static org.clientele.api.TaxIdCheck.TAX_ID_COUNTRY;
import static org.clientele.api.TaxIdCheck.TAX_ID_FORMAT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.clientele.api.TaxIdCheck;
import org.junit.Test;

/**
 * Normalisation, prefix and country handling of {@link TaxIdRules}. The numbers used as valid here
 * are taken from the published vectors in {@link TaxIdVectors}.
 */
public class TaxIdRulesTest {

    private final TaxIdRules rules = new TaxIdRules();

    private static void assertValid(TaxIdCheck result, String normalized, String country, String kind) {
        assertEquals(result.toString(), normalized, result.normalized());
        assertEquals(result.toString(), country, result.country());
        assertEquals(result.toString(), kind, result.kind());
        assertTrue(result.toString(), result.valid());
        assertNull(result.code());
        assertNull(result.message());
    }

    private static void assertInvalid(TaxIdCheck result, String code) {
        assertFalse(result.toString(), result.valid());
        assertEquals(result.toString(), code, result.code());
        assertTrue(result.toString(), result.message() != null && !result.message().isBlank());
    }

    // --- normalisation

    @Test
    public void lowerCaseWithDotsAndSpacesIsNormalised() {
        TaxIdCheck result = rules.check("de 123.456.788", null);
        assertEquals("DE123456788", result.normalized());
        assertEquals("de 123.456.788", result.input());
        assertEquals("DE", result.country());
        assertEquals(KIND_EU_VAT, result.kind());
    }

    @Test
    public void spacedDashIsRemoved() {
        assertValid(rules.check("DE - 113866163", null), "DE113866163", "DE", KIND_EU_VAT);
    }

    @Test
    public void slashesUnderscoresAndCommasAreRemoved() {
        assertValid(rules.check(" de_136,308/783 ", null), "DE136308783", "DE", KIND_EU_VAT);
    }

    @Test
    public void swissSuffixesAreStripped() {
        assertEquals("CHE123456788", rules.check("CHE-123.456.788 MWST", null).normalized());
        assertValid(rules.check("CHE-105.838.471 MWST", null), "CHE105838471", "CH", KIND_CH_UID);
        assertValid(rules.check("CHE-110.576.236 TVA", null), "CHE110576236", "CH", KIND_CH_UID);
        assertValid(rules.check("CHE-107.787.577 IVA", null), "CHE107787577", "CH", KIND_CH_UID);
        assertValid(rules.check("CHE-105.838.471 HR", null), "CHE105838471", "CH", KIND_CH_UID);
        assertValid(rules.check("CH 105.838.471", null), "CHE105838471", "CH", KIND_CH_UID);
    }

    @Test
    public void greekGrPrefixBecomesEl() {
        assertValid(rules.check("GR 094012834", null), "EL094012834", "GR", KIND_EU_VAT);
        assertValid(rules.check("el094012834", null), "EL094012834", "GR", KIND_EU_VAT);
        assertEquals("EL094013834", rules.check("GR 094013834", null).normalized());
    }

    @Test
    public void legacyShortFormsArePadded() {
        assertValid(rules.check("BE 428759497", null), "BE0428759497", "BE", KIND_EU_VAT);
        assertValid(rules.check("EL 94051189", null), "EL094051189", "GR", KIND_EU_VAT);
    }

    @Test
    public void northernIrelandUsesUkRules() {
        assertValid(rules.check("XI 925 9016 18", null), "XI925901618", "XI", KIND_EU_VAT);
        assertValid(rules.check("xi gd001", null), "XIGD001", "XI", KIND_EU_VAT);
        assertInvalid(rules.check("XI434031493", null), TAX_ID_CHECKSUM);
        assertValid(rules.check("GB 980 7806 84", null), "GB980780684", "GB", KIND_GB_VAT);
    }

    @Test
    public void norwegianNumbersEndInMva() {
        assertValid(rules.check("NO 995 525 828 MVA", null), "NO995525828MVA", "NO", KIND_NO_MVA);
        assertValid(rules.check("NO 995 525 828", null), "NO995525828MVA", "NO", KIND_NO_MVA);
        assertValid(rules.check("995525828", "no"), "NO995525828MVA", "NO", KIND_NO_MVA);
    }

    @Test
    public void irishLettersAreUpperCased() {
        assertValid(rules.check("IE 8223200u", null), "IE8223200U", "IE", KIND_EU_VAT);
    }

    // --- country argument against prefix

    @Test
    public void contradictingCountryIsReported() {
        TaxIdCheck result = rules.check("DE136308783", "FR");
        assertInvalid(result, TAX_ID_COUNTRY);
        assertEquals("DE", result.country());
        assertEquals("DE136308783", result.normalized());
        assertInvalid(rules.check("ATU13585627", "de"), TAX_ID_COUNTRY);
        assertInvalid(rules.check("CHE-105.838.471", "AT"), TAX_ID_COUNTRY);
    }

    @Test
    public void validNumberOfAnotherCountryIsReportedForUnsupportedCountry() {
        assertInvalid(rules.check("DE136308783", "US"), TAX_ID_COUNTRY);
    }

    @Test
    public void lettersThatOnlyLookLikeAPrefixAreKeptForUnsupportedCountry() {
        assertValid(rules.check("PLAIN123", "US"), "PLAIN123", "US", KIND_OTHER);
    }

    @Test
    public void matchingCountryIsAccepted() {
        assertValid(rules.check("DE136308783", "de"), "DE136308783", "DE", KIND_EU_VAT);
        assertValid(rules.check("ATU13585627", " AT "), "ATU13585627", "AT", KIND_EU_VAT);
    }

    @Test
    public void greeceIsGrAndEl() {
        assertValid(rules.check("EL 094012834", "GR"), "EL094012834", "GR", KIND_EU_VAT);
        assertValid(rules.check("GR 094012834", "EL"), "EL094012834", "GR", KIND_EU_VAT);
        assertValid(rules.check("EL 094012834", "el"), "EL094012834", "GR", KIND_EU_VAT);
    }

    @Test
    public void gbAndXiAreCompatible() {
        assertValid(rules.check("XI925901618", "GB"), "XI925901618", "XI", KIND_EU_VAT);
        assertValid(rules.check("GB980780684", "XI"), "GB980780684", "GB", KIND_GB_VAT);
    }

    @Test
    public void countryThatIsNoIsoCodeIsReported() {
        TaxIdCheck result = rules.check("ATU13585627", "ZZ");
        assertInvalid(result, TAX_ID_COUNTRY);
        assertNull(result.country());
        assertInvalid(rules.check("12345", "Germany"), TAX_ID_COUNTRY);
    }

    // --- country argument without prefix

    @Test
    public void countryGivesThePrefix() {
        assertValid(rules.check("136308783", "DE"), "DE136308783", "DE", KIND_EU_VAT);
        assertValid(rules.check("U13585627", "at"), "ATU13585627", "AT", KIND_EU_VAT);
        assertValid(rules.check("094012834", "gr"), "EL094012834", "GR", KIND_EU_VAT);
        assertValid(rules.check("B64240914", "ES"), "ESB64240914", "ES", KIND_EU_VAT);
        assertValid(rules.check("925901618", "XI"), "XI925901618", "XI", KIND_EU_VAT);
        assertValid(rules.check("980 7806 84", "GB"), "GB980780684", "GB", KIND_GB_VAT);
        assertValid(rules.check("105.838.471 MWST", "CH"), "CHE105838471", "CH", KIND_CH_UID);
    }

    @Test
    public void countryRulesApplyWithoutPrefix() {
        assertInvalid(rules.check("136308784", "DE"), TAX_ID_CHECKSUM);
        TaxIdCheck result = rules.check("13630878", "DE");
        assertInvalid(result, TAX_ID_FORMAT);
        assertEquals("A German VAT number is DE followed by 9 digits.", result.message());
        assertEquals("DE13630878", result.normalized());
    }

    @Test
    public void germanTaxNumberByLength() {
        assertValid(rules.check("93815/08152", "DE"), "9381508152", "DE", KIND_DE_STNR);
        assertValid(rules.check("181/815/08155", "DE"), "18181508155", "DE", KIND_DE_STNR);
        assertValid(rules.check("2893081508152", "DE"), "2893081508152", "DE", KIND_DE_STNR);
        TaxIdCheck wrong = rules.check("4151181508156", "DE");
        assertInvalid(wrong, TAX_ID_FORMAT);
        assertEquals(KIND_DE_STNR, wrong.kind());
        assertEquals("4151181508156", wrong.normalized());
    }

    @Test
    public void germanTaxNumberNeedsTheCountry() {
        assertValid(rules.check("93815/08152", null), "9381508152", null, KIND_OTHER);
        assertInvalid(rules.check("DE 93815/08152", null), TAX_ID_FORMAT);
    }

    // --- other countries

    @Test
    public void unsupportedCountryIsAcceptedUnchecked() {
        TaxIdCheck result = rules.check("12-3456789", "us");
        assertValid(result, "123456789", "US", KIND_OTHER);
        assertEquals(TaxIdCheck.KIND_OTHER, result.info().kind());
    }

    @Test
    public void noCountryAndNoPrefixIsOther() {
        assertValid(rules.check("ABC 123", null), "ABC123", null, KIND_OTHER);
        assertValid(rules.check("QQ 124567", null), "QQ124567", null, KIND_OTHER);
        assertValid(rules.check("US 12-3456789", null), "US123456789", null, KIND_OTHER);
    }

    @Test
    public void otherMustBeTwoToThirtyLettersAndDigits() {
        assertInvalid(rules.check("X", null), TAX_ID_FORMAT);
        assertInvalid(rules.check("1234567890123456789012345678901", "JP"), TAX_ID_FORMAT);
        assertInvalid(rules.check("AB#123", null), TAX_ID_FORMAT);
        assertValid(rules.check("123456789012345678901234567890", "JP"), "123456789012345678901234567890", "JP",
                KIND_OTHER);
    }

    // --- blank input and messages

    @Test
    public void blankValueIsAFormatError() {
        for (String blank : new String[] {null, "", "   ", " - . "}) {
            TaxIdCheck result = rules.check(blank, "DE");
            assertInvalid(result, TAX_ID_FORMAT);
            assertNull(result.normalized());
            assertEquals(blank, result.input());
        }
        assertInvalid(rules.check(null, null), TAX_ID_FORMAT);
    }

    @Test
    public void messagesNameTheRule() {
        assertEquals("The check digit of this Austrian VAT number is wrong.",
                rules.check("ATU 143 43 102", null).message());
        assertEquals("An Austrian VAT number is ATU followed by 8 digits.",
                rules.check("AT1 142 43 102", null).message());
        assertEquals("The check letter of this Irish VAT number is wrong.",
                rules.check("IE 4731823H", null).message());
        assertEquals("The birth date in this Czech VAT number is not a valid date.",
                rules.check("CZ 1103492745", null).message());
    }

    @Test
    public void everyPrefixIsRecognised() {
        String[] prefixes = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU",
            "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI", "GB", "NO", "CHE"};
        for (String prefix : prefixes) {
            TaxIdCheck result = rules.check(prefix + "-", null);
            assertInvalid(result, TAX_ID_FORMAT);
            String written = "AT".equals(prefix) ? "ATU" : prefix;
            assertTrue(prefix, result.message().contains(written + " followed by"));
        }
    }
}
