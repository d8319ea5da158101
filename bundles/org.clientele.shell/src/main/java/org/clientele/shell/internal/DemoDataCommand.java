package org.clientele.shell.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.SplittableRandom;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.clientele.api.Actor;
import org.clientele.api.Address;
import org.clientele.api.ClientDraft;
import org.clientele.api.Contact;
import org.clientele.api.DuplicateException;
import org.clientele.api.SaveResult;
import org.clientele.api.spi.DemoData;

/**
 * {@code clients:demo-data}: realistic clients, and through every installed {@link DemoData}
 * service their projects, orders, invoices, files, so that a new user sees a living overview.
 */
@Service
@Command(scope = "clients", name = "demo-data", description = "Creates demo clients with related records.",
        detailedDescription = "Creates realistic demo clients (German, Austrian and Swiss companies with valid "
                + "tax IDs, addresses and contacts) and asks every installed extension (projects, sales, files, …) "
                + "to add its demo records for each. The same seed gives the same data.")
public class DemoDataCommand extends ClientCommand {

    @Option(name = "--count", description = "How many clients to create (1 to 1000).")
    int count = 12;

    @Option(name = "--seed", description = "Seed of the generator: the same seed gives the same clients "
            + "(those already there are skipped). Random when left out.")
    Long seed;

    @Reference(optional = true)
    List<DemoData> extensions;

    @Override
    void run() {
        if (count < 1 || count > 1000) {
            throw new QueryOptions.BadOptionException("--count must be from 1 to 1000, not " + count + ".");
        }
        RandomGenerator random = new SplittableRandom(seed != null ? seed : System.nanoTime());
        Actor actor = ShellUser.actor(session);
        List<DemoData> each = extensions == null ? List.of() : List.copyOf(extensions);
        LocalDate today = LocalDate.now();
        int failures = 0;
        int made = 0;
        for (int i = 0; i < count; i++) {
            ClientDraft draft = DemoClients.draft(random);
            SaveResult created;
            try {
                created = clients.create(draft, actor);
            } catch (DuplicateException e) {
                out().println("Skipped " + draft.legalName() + ": " + e.getMessage());
                continue;
            }
            made++;
            out().println("Created " + created.client().number() + "  " + created.client().legalName());
            for (DemoData d : each) {
                try {
                    d.populate(created.client().id(), random, today, actor.user());
                } catch (RuntimeException e) {
                    failures++;
                    out().println("  " + d.getClass().getSimpleName() + " could not add its records: " + e.getMessage());
                }
            }
        }
        out().println(made + " demo clients created; related records from " + each.size()
                + (each.size() == 1 ? " extension" : " extensions") + (failures == 0 ? "." : ", " + failures + " failed."));
    }

    /** Plausible companies of the DACH region. */
    static final class DemoClients {
        private static final String[] STEMS = {"Müller", "Schmidt", "Becker", "Hoffmann", "Nordlicht", "Alpenblick",
            "Rheinland", "Hanse", "Weber", "Schäfer", "Sonnenhof", "Brückner", "Lindner", "Zimmermann", "Kühn",
            "Elbtal", "Bergmann", "Fischer", "Wagner", "Seeberg"};
        private static final String[] TRADES = {"Maschinenbau", "Logistik", "Bäckerei", "Software", "Elektrotechnik",
            "Gartenbau", "Holzbau", "Medizintechnik", "Druckerei", "Reisen", "Immobilien", "Consulting"};
        private static final String[] FORMS_DE = {"GmbH", "AG", "GmbH & Co. KG", "e.K.", "KG"};
        private static final String[][] PLACES = {
            {"DE", "10115", "Berlin", "Invalidenstraße"}, {"DE", "20095", "Hamburg", "Mönckebergstraße"},
            {"DE", "80331", "München", "Sendlinger Straße"}, {"DE", "50667", "Köln", "Hohe Straße"},
            {"DE", "60311", "Frankfurt am Main", "Berliner Straße"}, {"DE", "70173", "Stuttgart", "Königstraße"},
            {"DE", "04109", "Leipzig", "Grimmaische Straße"}, {"DE", "01067", "Dresden", "Wilsdruffer Straße"},
            {"AT", "1010", "Wien", "Kärntner Straße"}, {"CH", "8001", "Zürich", "Bahnhofstrasse"}};
        private static final String[] FIRST = {"Anna", "Jonas", "Lea", "Felix", "Marie", "Lukas", "Sophie", "Paul",
            "Hannah", "Elias"};
        private static final String[] LAST = {"Krüger", "Neumann", "Schwarz", "Wolf", "Braun", "Hofmann", "Lange",
            "Köhler", "Jäger", "Vogel"};
        private static final String[][] ROLES = {{"Geschäftsführung", "gf"}, {"Buchhaltung", "buchhaltung"},
            {"Einkauf", "einkauf"}, {"Projektleitung", "projekte"}};

        private DemoClients() {
        }

        static ClientDraft draft(RandomGenerator r) {
            String[] place = PLACES[r.nextInt(PLACES.length)];
            String country = place[0];
            String stem = STEMS[r.nextInt(STEMS.length)];
            String trade = TRADES[r.nextInt(TRADES.length)];
            String form = switch (country) {
                case "AT" -> r.nextBoolean() ? "GmbH" : "KG";
                case "CH" -> r.nextBoolean() ? "AG" : "GmbH";
                default -> FORMS_DE[r.nextInt(FORMS_DE.length)];
            };
            String name = stem + " " + trade + " " + form;
            String slug = (stem + "-" + trade).toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe")
                    .replace("ü", "ue").replace("ß", "ss");
            String domain = slug + ("CH".equals(country) ? ".ch" : "AT".equals(country) ? ".at" : ".de");
            Address address = new Address(place[3] + " " + (1 + r.nextInt(120)), place[1], place[2], null, country);
            String phonePrefix = switch (country) {
                case "AT" -> "+43 1 ";
                case "CH" -> "+41 44 ";
                default -> "+49 " + (30 + r.nextInt(60)) + " ";
            };
            List<Contact> contacts = new ArrayList<>();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                String first = FIRST[r.nextInt(FIRST.length)];
                String last = LAST[r.nextInt(LAST.length)];
                String[] role = ROLES[i % ROLES.length];
                contacts.add(new Contact(first + " " + last, role[0], role[1] + "@" + domain,
                        phonePrefix + (100000 + r.nextInt(900000))));
            }
            String taxId = "DE".equals(country) ? germanVatNumber(r) : null;
            List<String> tags = r.nextInt(3) == 0 ? List.of("demo", "key-account") : List.of("demo");
            return new ClientDraft(null, name, taxId, address, "info@" + domain,
                    phonePrefix + (1000000 + r.nextInt(9000000)), "https://www." + domain, contacts, tags);
        }

        /** A German VAT number with a valid check digit (ISO 7064 MOD 11,10), e.g. DE136695976. */
        static String germanVatNumber(RandomGenerator r) {
            StringBuilder digits = new StringBuilder();
            digits.append(1 + r.nextInt(9));
            for (int i = 0; i < 7; i++) {
                digits.append(r.nextInt(10));
            }
            return "DE" + digits + checkDigit(digits);
        }

        /** The check digit of a German VAT number's eight digits. */
        static int checkDigit(CharSequence digits) {
            int product = 10;
            for (int i = 0; i < digits.length(); i++) {
                int sum = (digits.charAt(i) - '0' + product) % 10;
                if (sum == 0) {
                    sum = 10;
                }
                product = (2 * sum) % 11;
            }
            int check = 11 - product;
            return check == 10 ? 0 : check;
        }
    }
}
