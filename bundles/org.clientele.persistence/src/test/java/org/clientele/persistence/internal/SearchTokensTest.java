package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.Test;

public class SearchTokensTest {

    @Test
    public void tokensCoverNameCityNumberTaxIdAndEmail() {
        Set<String> tokens = SearchTokens.of(ClientBuilder.client("Müller & Söhne GmbH")
                .number("K-10023")
                .taxId("DE123456788", "DE")
                .address("Hauptstraße 1", "80331", "München", null, "DE")
                .email("info@mueller-soehne.de")
                .build());
        assertTrue(tokens.containsAll(Set.of("muller", "mueller", "sohne", "soehne", "gmbh")));
        assertTrue(tokens.containsAll(Set.of("munchen", "muenchen")));
        assertTrue(tokens.containsAll(Set.of("k10023", "k", "10023")));
        assertTrue(tokens.containsAll(Set.of("de123456788", "123456788")));
        assertTrue(tokens.containsAll(Set.of("infomuellersoehnede", "info", "mueller", "soehne", "de")));
    }

    @Test
    public void taxIdLosesAThreeLetterPrefixToo() {
        Set<String> tokens = SearchTokens.of(ClientBuilder.client("Zürcher AG").taxId("CHE123456789", "CH").build());
        assertTrue(tokens.contains("123456789"));
        assertTrue(tokens.contains("che123456789"));
    }

    @Test
    public void termsAreFoldedDistinctLongestFirstWithoutPrefixesOfOthers() {
        assertEquals(List.of("muller", "gmbh"), SearchTokens.terms("  Müller GmbH mü müller "));
        assertEquals(List.of("10023", "k"), SearchTokens.terms("K-10023"));
        assertEquals(List.of(), SearchTokens.terms(" &- "));
        assertEquals(List.of(), SearchTokens.terms(null));
    }

    @Test
    public void termsAreCapped() {
        assertEquals(SearchTokens.MAX_TERMS, SearchTokens.terms("a1 b22 c333 d4444 e5 f6 g7 h8 i9 j10").size());
    }

    @Test
    public void upperBoundIsThePrefixWithItsLastCharacterRaised() {
        assertEquals("mullf", SearchTokens.upperBound("mulle"));
        assertEquals("b", SearchTokens.upperBound("a"));
    }
}
