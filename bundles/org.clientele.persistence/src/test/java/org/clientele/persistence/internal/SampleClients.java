package org.clientele.persistence.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.Contact;
import org.clientele.api.TaxIdInfo;

/** Realistic, deterministic clients for the benchmark: European companies, mostly German. */
final class SampleClients {

    static final String[] SURNAMES = {
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
        "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
        "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
        "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin",
        "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich",
        "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl",
        "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer",
        "Dubois", "Lefèvre", "Moreau", "Rossi", "Bianchi", "Ricci", "García", "Fernández", "López", "Novák",
        "Dvořák", "Kowalski", "Nowak", "Wiśniewski", "Jansen", "de Vries", "van den Berg", "Andersson",
        "Johansson", "Nielsen", "Hansen", "Østergaard", "Ødegaard", "Lindqvist", "Bäckström", "Gruber",
        "Pichler", "Steiner", "Moser", "Brunner"};
    static final String[] TRADES = {
        "Bau", "Elektro", "Metallbau", "Holzbau", "Logistik", "Software", "Consulting", "Druck", "Handel",
        "Maschinenbau", "Immobilien", "Gartenbau", "Transporte", "Optik", "Pharma", "Medizintechnik",
        "Bäckerei", "Brauerei", "Autohaus", "Reisen", "Sanitär", "Heizungsbau", "Dachdeckerei", "Werkzeugbau",
        "Kunststofftechnik", "Feinmechanik", "Lebensmittel", "Getränke", "Textil", "Möbel", "Stahlhandel",
        "Energietechnik", "Solartechnik", "Verpackung", "Spedition", "Personaldienste", "Steuerberatung",
        "Ingenieurbüro", "Architektur", "Gebäudereinigung"};
    static final String[] FORMS = {
        "GmbH", "GmbH", "GmbH", "GmbH & Co. KG", "AG", "KG", "e.K.", "OHG", "UG (haftungsbeschränkt)", "SE"};
    /** City, country, postal code prefix, weight. */
    static final String[][] CITIES = {
        {"Berlin", "DE", "10", "8"}, {"Hamburg", "DE", "20", "5"}, {"München", "DE", "80", "6"},
        {"Köln", "DE", "50", "4"}, {"Frankfurt am Main", "DE", "60", "4"}, {"Stuttgart", "DE", "70", "3"},
        {"Düsseldorf", "DE", "40", "3"}, {"Leipzig", "DE", "04", "2"}, {"Dortmund", "DE", "44", "2"},
        {"Essen", "DE", "45", "2"}, {"Bremen", "DE", "28", "2"}, {"Dresden", "DE", "01", "2"},
        {"Hannover", "DE", "30", "2"}, {"Nürnberg", "DE", "90", "2"}, {"Duisburg", "DE", "47", "1"},
        {"Bochum", "DE", "44", "1"}, {"Wuppertal", "DE", "42", "1"}, {"Bielefeld", "DE", "33", "1"},
        {"Bonn", "DE", "53", "1"}, {"Münster", "DE", "48", "1"}, {"Augsburg", "DE", "86", "1"},
        {"Würzburg", "DE", "97", "1"}, {"Lübeck", "DE", "23", "1"}, {"Göttingen", "DE", "37", "1"},
        {"Wien", "AT", "1", "3"}, {"Graz", "AT", "8", "1"}, {"Linz", "AT", "4", "1"}, {"Salzburg", "AT", "5", "1"},
        {"Zürich", "CH", "8", "2"}, {"Genève", "CH", "1", "1"}, {"Basel", "CH", "4", "1"}, {"Bern", "CH", "3", "1"},
        {"Paris", "FR", "75", "2"}, {"Lyon", "FR", "69", "1"}, {"Milano", "IT", "20", "1"}, {"Roma", "IT", "00", "1"},
        {"Madrid", "ES", "28", "1"}, {"Barcelona", "ES", "08", "1"}, {"Amsterdam", "NL", "10", "1"},
        {"Rotterdam", "NL", "30", "1"}, {"Bruxelles", "BE", "10", "1"}, {"Praha", "CZ", "11", "1"},
        {"Warszawa", "PL", "00", "1"}, {"Kraków", "PL", "30", "1"}, {"Łódź", "PL", "90", "1"},
        {"København", "DK", "1", "1"}, {"Stockholm", "SE", "11", "1"}, {"Göteborg", "SE", "41", "1"},
        {"Malmö", "SE", "21", "1"}, {"Oslo", "NO", "01", "1"}};
    static final String[] STREETS = {
        "Hauptstraße", "Bahnhofstraße", "Industriestraße", "Gewerbepark", "Am Markt", "Lindenallee",
        "Schillerstraße", "Goethestraße", "Mühlenweg", "Hafenstraße", "Rue de la Paix", "Via Roma", "Calle Mayor"};
    static final String[] FIRST_NAMES = {
        "Anna", "Lukas", "Sophie", "Jonas", "Marie", "Felix", "Lena", "Paul", "Jürgen", "Sabine", "Björn", "Zoë"};
    static final String[] ROLES = {"Geschäftsführung", "Einkauf", "Buchhaltung", "Vertrieb", null};
    static final String[] TAGS = {"vip", "b2b", "b2c", "partner", "supplier", "reseller", "key-account", "newsletter"};

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final Random random;
    private final int[] cityWeights;
    private final int totalWeight;

    SampleClients(long seed) {
        this.random = new Random(seed);
        this.cityWeights = new int[CITIES.length];
        int sum = 0;
        for (int i = 0; i < CITIES.length; i++) {
            sum += Integer.parseInt(CITIES[i][3]);
            cityWeights[i] = sum;
        }
        this.totalWeight = sum;
    }

    /** The {@code n}-th client: its number and tax ID derive from {@code n}, so they are unique. */
    Client next(int n) {
        String[] city = city();
        String country = city[1];
        String name = name(city[0]);
        String slug = TextFolding.compact(TextFolding.foldGerman(name.split(" ")[0])) + n;
        String taxId = random.nextInt(10) < 8 ? country + String.format(Locale.ROOT, "%09d", 100_000_000 + n) : null;
        Instant created = EPOCH.minus(Duration.ofMinutes(random.nextInt(5 * 365 * 24 * 60)));
        Instant updated = created.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 90)));
        Address address = new Address(pick(STREETS) + " " + (1 + random.nextInt(180)),
                city[2] + String.format(Locale.ROOT, "%03d", random.nextInt(1000)), city[0], null, country);
        return new Client(new UUID(random.nextLong(), random.nextLong()).toString(),
                "K-" + (100_000 + n), name, taxId,
                taxId == null ? null : new TaxIdInfo(country, "EU_VAT", TaxIdInfo.VALID_FORMAT), address,
                "info@" + slug + "." + country.toLowerCase(Locale.ROOT), "+49 " + (100 + random.nextInt(900)) + " "
                        + (100_000 + random.nextInt(900_000)),
                random.nextBoolean() ? "https://www." + slug + ".example" : null, contacts(slug), tags(),
                random.nextInt(20) == 0, created, updated, 0);
    }

    private String name(String cityName) {
        return switch (random.nextInt(5)) {
            case 0 -> pick(SURNAMES) + " & " + pick(SURNAMES) + " " + pick(FORMS);
            case 1 -> pick(SURNAMES) + " & Söhne " + pick(FORMS);
            case 2 -> pick(TRADES) + " " + cityName + " " + pick(FORMS);
            default -> pick(SURNAMES) + " " + pick(TRADES) + " " + pick(FORMS);
        };
    }

    private List<Contact> contacts(String slug) {
        List<Contact> contacts = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String first = pick(FIRST_NAMES);
            contacts.add(new Contact(first + " " + pick(SURNAMES), pick(ROLES),
                    TextFolding.compact(TextFolding.foldGerman(first)) + "@" + slug + ".example", null));
        }
        return contacts;
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextInt(6) == 0) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private String[] city() {
        int r = random.nextInt(totalWeight);
        for (int i = 0; i < cityWeights.length; i++) {
            if (r < cityWeights[i]) {
                return CITIES[i];
            }
        }
        return CITIES[0];
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
