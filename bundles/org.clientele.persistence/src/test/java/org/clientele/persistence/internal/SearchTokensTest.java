package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.clientele.api.Client;

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
        assertTrue(tokens.containsAll(Set.of("k10023", "10023")));
        assertTrue(tokens.containsAll(Set.of("de123456788", "123456788")));
        assertTrue(tokens.containsAll(Set.of("infomuellersoehnede", "mueller", "soehne", "de")));
    }

    @Test
    public void aCodesFirstWordIsLeftToTheWholeCodeItStarts() {
        Set<String> tokens = SearchTokens.of(ClientBuilder.client("Alpha GmbH").number("K-000001")
                .email("info@alpha.de").build());
        assertFalse(tokens.contains("k"));
        assertFalse(tokens.contains("info"));
        // what the dropped words matched, the whole codes still match
        assertTrue(matches(tokens, "k"));
        assertTrue(matches(tokens, "info"));
        assertTrue(matches(tokens, "inf"));
        assertTrue(matches(tokens, "000001"));
        assertTrue(matches(tokens, "alpha"));
    }

    @Test
    public void everyTermAClientMatchedWithAllWordsItStillMatches() {
        List<Client> clients = List.of(
                ClientBuilder.client("Müller & Söhne GmbH").number("K-10023").taxId("DE123456788", "DE")
                        .address("Hauptstraße 1", "80331", "München", null, "DE").email("info@mueller-soehne.de").build(),
                ClientBuilder.client("Ørsted A/S").number("DK/2024/17").email("-x.y_z@o.dk").build(),
                ClientBuilder.client("Zürcher AG").number("ZH 9").taxId("CHE123456789", "CH").email("a@b").build());
        for (Client client : clients) {
            Set<String> kept = SearchTokens.of(client);
            Set<String> all = new TreeSet<>(kept);
            for (String code : new String[] {client.number(), client.email(), client.taxId()}) {
                all.addAll(TextFolding.words(TextFolding.fold(code)));
            }
            for (String token : all) {
                for (int end = 1; end <= token.length(); end++) {
                    String term = token.substring(0, end);
                    assertTrue(client.legalName() + ": " + term, matches(kept, term));
                }
            }
        }
    }

    private static boolean matches(Set<String> tokens, String term) {
        return tokens.stream().anyMatch(token -> token.startsWith(term));
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
