package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

public class TextFoldingTest {

    @Test
    public void foldsCaseAccentsAndSharpS() {
        assertEquals("muller & sohne gmbh", TextFolding.fold("Müller & Söhne GmbH"));
        assertEquals("strasse", TextFolding.fold("STRAẞE"));
        assertEquals("societe generale", TextFolding.fold("Société Générale"));
        assertEquals("dvorak", TextFolding.fold("Dvořák"));
        assertEquals("ostergaard lodz", TextFolding.fold("Østergaard Łódź"));
        assertEquals("", TextFolding.fold(null));
    }

    @Test
    public void foldsDecomposedInputLikeComposed() {
        String decomposed = "Mu\u0308ller";
        assertEquals("muller", TextFolding.fold(decomposed));
        assertEquals("mueller", TextFolding.foldGerman(decomposed));
    }

    @Test
    public void germanVariantSpellsUmlautsOut() {
        assertEquals("mueller & soehne", TextFolding.foldGerman("Müller & Söhne"));
        assertEquals("baeckerei koehler", TextFolding.foldGerman("BÄCKEREI Köhler"));
    }

    @Test
    public void wordsAreTheAlphanumericRuns() {
        assertEquals(List.of("info", "mueller", "soehne", "de"), TextFolding.words("info@mueller-soehne.de"));
        assertEquals(List.of(), TextFolding.words("&-."));
    }

    @Test
    public void keysIgnoreCaseAccentsSpacingAndPunctuation() {
        assertEquals("muller & sohne gmbh", TextFolding.sortKey("  Müller   &  Söhne\tGmbH "));
        assertEquals(TextFolding.matchKey("Müller & Söhne GmbH"), TextFolding.matchKey("MUELLER&SOEHNE gmbh."));
    }

    @Test
    public void truncateNeverSplitsASurrogatePair() {
        assertEquals("ab", TextFolding.truncate("ab\uD83D\uDE00", 3));
        assertEquals("abc", TextFolding.truncate("abcdef", 3));
        assertEquals("ab", TextFolding.truncate("ab", 3));
    }
}
