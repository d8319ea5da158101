package org.clientele.persistence.internal;

import static org.clientele.persistence.internal.ClientBuilder.client;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientQuery.Sort;
import org.clientele.api.ClientQuery.SortField;
import org.clientele.api.Page;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** The list search over a small fixed set of clients. */
public class ClientStoreSearchTest {

    private static TestDatabase db;
    private static JpaClientStore store;
    private static final List<Client> ALL = new ArrayList<>();

    @BeforeClass
    public static void fill() {
        db = TestDatabase.inMemory();
        store = new JpaClientStore(db.template());
        List<Client> clients = List.of(
                client("Müller & Söhne GmbH").number("K-1001").taxId("DE123456788", "DE")
                        .address("Hauptstraße 1", "80331", "München", "Bayern", "DE")
                        .email("info@mueller-soehne.de").tags("vip").times(at(1), at(9)).build(),
                client("Mueller Logistik AG").number("K-1002").taxId("DE811111111", "DE")
                        .address("Hafenstraße 5", "20457", "Hamburg", null, "DE").tags("b2b").times(at(2), at(8)).build(),
                client("Schmidt Bau GmbH").number("K-1003")
                        .address("Ring 3", "10115", "Berlin", null, "DE").tags("vip", "b2b").times(at(3), at(7)).build(),
                client("Bäckerei Köhler").number("K-1004").taxId("ATU13585627", "AT")
                        .address("Graben 4", "1010", "Wien", null, "AT").times(at(4), at(6)).build(),
                client("Société Générale Lyon").number("K-1005")
                        .address("Rue 5", "69001", "Lyon", null, "FR").archived(true).times(at(5), at(5)).build(),
                client("Zürcher Stahl AG").number("K-1006").taxId("CHE116281710", "CH")
                        .address("Bahnhofstrasse 6", "8001", "Zürich", null, "CH").times(at(6), at(4)).build());
        clients.forEach(c -> ALL.add(store.write(w -> w.insert(c))));
    }

    @AfterClass
    public static void close() {
        db.close();
    }

    @Test
    public void umlautsMatchWithAndWithoutSpellingThemOut() {
        assertEquals(List.of("Müller & Söhne GmbH"), names(text("muller")));
        assertEquals(List.of("Mueller Logistik AG", "Müller & Söhne GmbH"), names(text("mueller")));
        assertEquals(List.of("Müller & Söhne GmbH"), names(text("Müller")));
        assertEquals(List.of("Müller & Söhne GmbH"), names(text("soehne")));
        assertEquals(List.of("Bäckerei Köhler"), names(text("KOEHLER")));
        assertEquals(List.of("Bäckerei Köhler"), names(text("backerei")));
    }

    @Test
    public void wordsMatchByPrefixAndEveryWordMustMatch() {
        assertEquals(List.of("Müller & Söhne GmbH"), names(text("münch")));
        assertEquals(List.of("Müller & Söhne GmbH"), names(text("muench")));
        assertEquals(List.of("Zürcher Stahl AG"), names(text("zur")));
        assertEquals(List.of("Schmidt Bau GmbH"), names(text("schmidt berl")));
        assertEquals(List.of(), names(text("schmidt hamburg")));
        assertEquals(List.of("Müller & Söhne GmbH", "Schmidt Bau GmbH"), names(text("gmbh")));
    }

    @Test
    public void taxIdsMatchWithAndWithoutCountryPrefix() {
        assertEquals(List.of("Müller & Söhne GmbH"), names(text("DE123456788")));
        assertEquals(List.of("Müller & Söhne GmbH"), names(text("123456788")));
        assertEquals(List.of("Müller & Söhne GmbH"), names(text("1234567")));
        assertEquals(List.of("Zürcher Stahl AG"), names(text("CHE116281710")));
        assertEquals(List.of("Bäckerei Köhler"), names(text("13585627")));
    }

    @Test
    public void numbersAndEmailsMatchWholeAndByPart() {
        assertEquals(List.of("Schmidt Bau GmbH"), names(text("K-1003")));
        assertEquals(List.of("Schmidt Bau GmbH"), names(text("k1003")));
        assertEquals(List.of("Schmidt Bau GmbH"), names(text("1003")));
        assertEquals(List.of("Müller & Söhne GmbH"), names(text("info@mueller-soehne.de")));
        assertEquals(List.of("Müller & Söhne GmbH"), names(text("infomueller")));
    }

    @Test
    public void archivedClientsAreLeftOutUnlessAskedFor() {
        assertEquals(List.of(), names(text("lyon")));
        assertEquals(List.of("Société Générale Lyon"), names(query("lyon", null, null, Boolean.TRUE)));
        assertEquals(List.of("Société Générale Lyon"), names(query(null, null, null, Boolean.TRUE)));
        assertEquals(6, store.search(query(null, null, null, null)).total());
        assertEquals(5, store.search(query(null, null, null, Boolean.FALSE)).total());
    }

    @Test
    public void countryAndTagFilterWithAndWithoutText() {
        assertEquals(List.of("Bäckerei Köhler"), names(query(null, "at", null, Boolean.FALSE)));
        assertEquals(List.of("Mueller Logistik AG", "Müller & Söhne GmbH", "Schmidt Bau GmbH"),
                names(query(null, "DE", null, Boolean.FALSE)));
        assertEquals(List.of("Mueller Logistik AG"), names(query("mueller", "DE", "b2b", Boolean.FALSE)));
        assertEquals(List.of("Müller & Söhne GmbH", "Schmidt Bau GmbH"), names(query(null, null, "vip", null)));
        assertEquals(List.of("Schmidt Bau GmbH"), names(query("schmidt", null, "vip", null)));
        assertEquals(List.of(), names(query("zürcher", "DE", null, null)));
    }

    @Test
    public void everySortFieldSortsBothWaysWithAndWithoutText() {
        List<String> companies = List.of("Mueller Logistik AG", "Zürcher Stahl AG");
        for (SortField field : SortField.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                for (String text : new String[] {null, "k", "ag"}) {
                    List<String> expected = ALL.stream()
                            .filter(c -> !"ag".equals(text) || companies.contains(c.legalName()))
                            .sorted(order(field, descending))
                            .map(Client::legalName).toList();
                    ClientQuery query = new ClientQuery(text, null, null, null, List.of(new Sort(field, descending)), 50, 0);
                    assertEquals(field + (descending ? " desc" : " asc") + " '" + text + "'", expected, names(query));
                }
            }
        }
    }

    @Test
    public void pagesCarryTheTotalOfTheWholeList() {
        for (List<Sort> sort : List.of(List.<Sort>of(), List.of(new Sort(SortField.CITY, false)))) {
            for (String text : new String[] {null, "k"}) {
                Page<Client> first = store.search(new ClientQuery(text, null, null, null, sort, 2, 0));
                Page<Client> last = store.search(new ClientQuery(text, null, null, null, sort, 2, 4));
                Page<Client> beyond = store.search(new ClientQuery(text, null, null, null, sort, 2, 6));
                assertEquals(6, first.total());
                assertEquals(2, first.items().size());
                assertTrue(first.hasNext());
                assertEquals(6, last.total());
                assertEquals(2, last.items().size());
                assertEquals(6, beyond.total());
                assertEquals(List.of(), beyond.items());
                List<String> all = names(new ClientQuery(text, null, null, null, sort, 50, 0));
                assertEquals(all.subList(0, 2), first.items().stream().map(Client::legalName).toList());
                assertEquals(all.subList(4, 6), last.items().stream().map(Client::legalName).toList());
            }
        }
    }

    @Test
    public void textWithoutLettersOrDigitsListsEveryone() {
        assertEquals(5, store.search(ClientQuery.text(" & ")).total());
    }

    /** The order the store promises: the field, then the order of insertion (the key), both in one direction. */
    private static Comparator<Client> order(SortField field, boolean descending) {
        Comparator<Client> byField = switch (field) {
            case LEGAL_NAME -> Comparator.comparing(c -> TextFolding.sortKey(c.legalName()));
            case NUMBER -> Comparator.comparing(Client::number);
            case CITY -> Comparator.comparing(c -> TextFolding.sortKey(c.address().city()));
            case COUNTRY -> Comparator.comparing(c -> c.address().country());
            case CREATED_AT -> Comparator.comparing(Client::createdAt);
            case UPDATED_AT -> Comparator.comparing(Client::updatedAt);
        };
        Comparator<Client> order = byField.thenComparing(ALL::indexOf);
        return descending ? order.reversed() : order;
    }

    private static ClientQuery text(String text) {
        return ClientQuery.text(text);
    }

    private static ClientQuery query(String text, String country, String tag, Boolean archived) {
        return new ClientQuery(text, country, tag, archived, List.of(), 50, 0);
    }

    private static List<String> names(ClientQuery query) {
        return store.search(query).items().stream().map(Client::legalName).toList();
    }

    private static Instant at(int day) {
        return Instant.parse("2026-02-01T00:00:00Z").plusSeconds(day * 86_400L);
    }
}
