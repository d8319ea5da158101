package org.clientele.domain.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

/** The postal code table of {@link PostalCodes}: valid codes with their canonical form, and invalid ones. */
public class PostalCodesTest {

    /** Country, code as entered (already trimmed and space-collapsed), canonical form. */
    private static final String[][] VALID = {
        {"DE", "10115", "10115"},
        {"DE", "01067", "01067"},
        {"AT", "1010", "1010"},
        {"CH", "8001", "8001"},
        {"CH", "CH-8001", "8001"},
        {"CH", "ch8001", "8001"},
        {"LI", "9490", "9490"},
        {"BE", "1000", "1000"},
        {"DK", "1050", "1050"},
        {"NO", "0150", "0150"},
        {"LU", "L-1009", "1009"},
        {"LU", "1009", "1009"},
        {"HU", "1051", "1051"},
        {"SI", "1000", "1000"},
        {"BG", "1000", "1000"},
        {"CY", "1010", "1010"},
        {"FR", "75001", "75001"},
        {"IT", "00184", "00184"},
        {"ES", "28001", "28001"},
        {"FI", "00100", "00100"},
        {"EE", "10111", "10111"},
        {"HR", "10000", "10000"},
        {"LT", "LT-01100", "01100"},
        {"LT", "01100", "01100"},
        {"GR", "10557", "105 57"},
        {"GR", "105 57", "105 57"},
        {"SE", "11122", "111 22"},
        {"CZ", "110 00", "110 00"},
        {"SK", "81101", "811 01"},
        {"PL", "00950", "00-950"},
        {"PL", "00-950", "00-950"},
        {"PT", "1000001", "1000-001"},
        {"PT", "1000-001", "1000-001"},
        {"NL", "1234ab", "1234 AB"},
        {"NL", "1012 AB", "1012 AB"},
        {"LV", "1050", "LV-1050"},
        {"LV", "lv-1050", "LV-1050"},
        {"LV", "LV1050", "LV-1050"},
        {"RO", "010011", "010011"},
        {"MT", "vlt1117", "VLT 1117"},
        {"MT", "VLT 1117", "VLT 1117"},
        {"IE", "d02x285", "D02 X285"},
        {"IE", "D6W 1234", "D6W 1234"},
        {"IE", "A65 F4E2", "A65 F4E2"},
        {"GB", "sw1a1aa", "SW1A 1AA"},
        {"GB", "SW1A 1AA", "SW1A 1AA"},
        {"GB", "EC1A 1BB", "EC1A 1BB"},
        {"GB", "W1A 0AX", "W1A 0AX"},
        {"GB", "m11ae", "M1 1AE"},
        {"GB", "B33 8TH", "B33 8TH"},
        {"GB", "CR2 6XH", "CR2 6XH"},
        {"GB", "DN55 1PT", "DN55 1PT"},
        {"US", "10001", "10001"},
        {"US", "10001-1234", "10001-1234"},
        {"US", "100011234", "10001-1234"},
        // countries without a format: 2 to 12 letters, digits, blanks and dashes
        {"JP", "100-0001", "100-0001"},
        {"CA", "k1a 0b1", "K1A 0B1"},
        {"BR", "01310-100", "01310-100"},
        {"AR", "c1002aaa", "C1002AAA"},
        {"IS", "10", "10"},
        {"JP", "123456789012", "123456789012"},
        {null, "10115", "10115"},
    };

    private static final String[][] INVALID = {
        {"DE", "1011"},
        {"DE", "101155"},
        {"DE", "1011A"},
        {"DE", "10 115"},
        {"DE", "D-10115"},
        {"AT", "10100"},
        {"CH", "800"},
        {"FR", "7500"},
        {"GR", "1055"},
        {"PL", "009500"},
        {"PT", "1000"},
        {"NL", "1234"},
        {"NL", "1234 A"},
        {"NL", "123 AB"},
        {"NL", "1234 A1"},
        {"LV", "LV-105"},
        {"MT", "VL 1117"},
        {"IE", "B02 X285"},
        {"IE", "D02 X28"},
        {"GB", "SW1A"},
        {"GB", "12345"},
        {"GB", "SW1A 1A"},
        {"GB", "SW1A-1AA"},
        {"US", "1000"},
        {"US", "10001-123"},
        {"US", "ABCDE"},
        {"JP", "1"},
        {"JP", "-1000"},
        {"JP", "1234567890123"},
        {"JP", "100_0001"},
        {"JP", "ÄÖ-1"},
        {null, "#1"},
    };

    @Test
    public void validCodesGetTheirCanonicalForm() {
        for (String[] row : VALID) {
            assertEquals(row[0] + " " + row[1], row[2], PostalCodes.normalize(row[1], row[0]));
        }
    }

    @Test
    public void invalidCodesGiveNull() {
        for (String[] row : INVALID) {
            assertNull(row[0] + " " + row[1], PostalCodes.normalize(row[1], row[0]));
        }
    }

    @Test
    public void everyExampleIsValidAndCanonical() {
        for (String country : new String[] {"DE", "AT", "CH", "LI", "BE", "DK", "NO", "LU", "HU", "SI", "BG", "CY",
            "FR", "IT", "ES", "FI", "EE", "HR", "LT", "GR", "SE", "CZ", "SK", "PL", "PT", "NL", "LV", "RO", "MT", "IE",
            "GB", "US"}) {
            String example = PostalCodes.example(country);
            assertEquals(country, example, PostalCodes.normalize(example, country));
        }
    }

    @Test
    public void examplesExistOnlyForCountriesWithAFormat() {
        assertEquals("10115", PostalCodes.example("DE"));
        assertEquals("1012 AB", PostalCodes.example("NL"));
        assertEquals("SW1A 1AA", PostalCodes.example("GB"));
        assertNull(PostalCodes.example("JP"));
        assertNull(PostalCodes.example(null));
    }
}
