package org.clientele.domain.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.clientele.api.Activity;
import org.clientele.api.Actor;
import org.clientele.api.Address;
import org.clientele.api.Channel;
import org.clientele.api.Client;
import org.clientele.api.ClientDraft;
import org.clientele.api.ClientQuery;
import org.clientele.api.Contact;
import org.clientele.api.DuplicateException;
import org.clientele.api.FieldChange;
import org.clientele.api.FieldError;
import org.clientele.api.Health;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.SaveResult;
import org.clientele.api.TaxIdCheck;
import org.clientele.api.TaxIdInfo;
import org.clientele.api.ValidationException;
import org.clientele.api.VersionConflictException;
import org.clientele.api.Warning;
import org.clientele.api.spi.ClientErasure;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;

/**
 * The domain rules of {@link ClientServiceImpl}, run against {@link InMemoryClientStore} and the
 * real {@link TaxIdValidatorImpl}. DE136695976, DE129273398 and ATU13585627 are published example
 * tax IDs; DE123456788 is the classic documentation example and also has a valid check digit.
 */
public class ClientServiceImplTest {

    private static final Instant T0 = Instant.parse("2024-03-01T09:30:00.123456Z");
    private static final Actor ALICE = Actor.of("alice", Channel.REST);
    private static final Actor BOB = Actor.of("bob", Channel.SHELL);
    private static final String COUNTER = ClientServiceImpl.NUMBER_COUNTER;

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryClientStore store = new InMemoryClientStore();
    private ClientServiceImpl service = serviceWith(TestConfig.defaults());

    private ClientServiceImpl serviceWith(DomainConfig config) {
        return new ClientServiceImpl(store, new TaxIdValidatorImpl(), config, clock);
    }

    // ------------------------------------------------------------------ fixtures and helpers

    private static Address berlin() {
        return new Address("Invalidenstraße 116", "10115", "Berlin", null, "DE");
    }

    private static Address address(String postalCode, String country) {
        return new Address("Hauptstraße 1", postalCode, "Stadt", null, country);
    }

    private static ClientDraft draft(String legalName) {
        return ClientDraft.of(legalName, berlin());
    }

    private static ClientDraft full(String legalName, String taxId, Address address, String email, String phone,
            String website, List<Contact> contacts, List<String> tags) {
        return new ClientDraft(null, legalName, taxId, address, email, phone, website, contacts, tags);
    }

    private static ClientDraft withAddress(ClientDraft d, Address a) {
        return new ClientDraft(d.number(), d.legalName(), d.taxId(), a, d.email(), d.phone(), d.website(),
                d.contacts(), d.tags());
    }

    private static ClientDraft withPhone(ClientDraft d, String phone) {
        return new ClientDraft(d.number(), d.legalName(), d.taxId(), d.address(), d.email(), phone, d.website(),
                d.contacts(), d.tags());
    }

    private static ClientDraft withWebsite(ClientDraft d, String website) {
        return new ClientDraft(d.number(), d.legalName(), d.taxId(), d.address(), d.email(), d.phone(), website,
                d.contacts(), d.tags());
    }

    private static ClientDraft withContacts(ClientDraft d, List<Contact> contacts) {
        return new ClientDraft(d.number(), d.legalName(), d.taxId(), d.address(), d.email(), d.phone(),
                d.website(), contacts, d.tags());
    }

    private static ClientDraft withLegalName(ClientDraft d, String legalName) {
        return new ClientDraft(d.number(), legalName, d.taxId(), d.address(), d.email(), d.phone(), d.website(),
                d.contacts(), d.tags());
    }

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    private Client create(ClientDraft d) {
        return service.create(d, ALICE).client();
    }

    /** The field errors of the ValidationException {@code call} must throw, field to code, in order. */
    private static Map<String, String> errors(ThrowingRunnable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldError fe : e.errors()) {
            assertNotNull(fe.message());
            assertFalse("empty message for " + fe, fe.message().isBlank());
            assertNull("field reported twice: " + fe.field(), out.put(fe.field(), fe.code()));
        }
        return out;
    }

    private Map<String, String> createErrors(ClientDraft d) {
        Map<String, String> e = errors(() -> service.create(d, ALICE));
        assertEquals("a rejected draft stores nothing", List.of(), store.all());
        return e;
    }

    private static List<Activity.Action> actions(Page<Activity> page) {
        return page.items().stream().map(Activity::action).collect(Collectors.toList());
    }

    // ------------------------------------------------------------------ required fields

    @Test
    public void aNullDraftIsRejected() {
        assertEquals(Map.of("$", FieldError.REQUIRED), createErrors(null));
    }

    @Test
    public void everyMissingRequiredFieldIsReportedAtOnceWithItsPath() {
        ClientDraft empty = new ClientDraft(null, null, null, new Address(null, null, null, null, null), null, null,
                null, null, null);
        Map<String, String> errors = createErrors(empty);
        assertEquals(Map.of("legalName", FieldError.REQUIRED, "address.street", FieldError.REQUIRED,
                "address.postalCode", FieldError.REQUIRED, "address.city", FieldError.REQUIRED,
                "address.country", FieldError.REQUIRED), errors);
        assertEquals(0, store.commits());
    }

    @Test
    public void blankRequiredFieldsCountAsMissing() {
        ClientDraft blank = ClientDraft.of("  \t ", new Address(" ", "\n", "   ", "  ", " "));
        assertEquals(Map.of("legalName", FieldError.REQUIRED, "address.street", FieldError.REQUIRED,
                "address.postalCode", FieldError.REQUIRED, "address.city", FieldError.REQUIRED,
                "address.country", FieldError.REQUIRED), createErrors(blank));
    }

    @Test
    public void aMissingAddressIsReportedAsTheAddress() {
        assertEquals(Map.of("address", FieldError.REQUIRED), createErrors(ClientDraft.of("ACME GmbH", null)));
    }

    @Test
    public void errorsOfDifferentFieldsComeInOneException() {
        ClientDraft d = new ClientDraft("-bad", repeat('x', 201), "DE136695977", address("1011", "DE"),
                "not-an-address", "phone me", "ftp://files.example.com", List.of(new Contact(null, null, null, null)),
                List.of(repeat('t', 51)));
        assertEquals(Map.of("number", FieldError.INVALID, "legalName", FieldError.TOO_LONG,
                "address.postalCode", FieldError.INVALID, "email", FieldError.INVALID, "phone", FieldError.INVALID,
                "website", FieldError.INVALID, "contacts[0].name", FieldError.REQUIRED, "tags[0]", FieldError.TOO_LONG,
                "taxId", TaxIdCheck.TAX_ID_CHECKSUM), createErrors(d));
    }

    // ------------------------------------------------------------------ normalisation

    @Test
    public void createNormalisesEveryField() {
        ClientDraft d = new ClientDraft(null, "  Müller   Maschinenbau\tGmbH ", "de 123.456.788",
                new Address("  Invalidenstraße    116 ", " 10115 ", " Berlin ", "  Berlin  ", " de "),
                " Info@Mueller-Maschinenbau.DE ", " +49   30 1234567 ", "www.mueller.example",
                List.of(new Contact("  Anna   Schmidt ", " Buchhaltung ", "Anna.Schmidt@Mueller.DE", "+49 30 99")),
                List.of("VIP", " vip ", "Maschinenbau", "Key   Account", "MASCHINENBAU"));
        SaveResult result = service.create(d, ALICE);
        Client c = result.client();

        Instant now = T0.truncatedTo(ChronoUnit.MILLIS);
        Client expected = new Client(c.id(), "K-000001", "Müller Maschinenbau GmbH", "DE123456788",
                new TaxIdInfo("DE", TaxIdCheck.KIND_EU_VAT, TaxIdInfo.VALID_FORMAT),
                new Address("Invalidenstraße 116", "10115", "Berlin", "Berlin", "DE"),
                "info@mueller-maschinenbau.de", "+49 30 1234567", "https://www.mueller.example",
                List.of(new Contact("Anna Schmidt", "Buchhaltung", "anna.schmidt@mueller.de", "+49 30 99")),
                List.of("vip", "maschinenbau", "key account"), false, now, now, 1);
        assertEquals(expected, c);
        assertEquals(List.of(), result.warnings());
        assertEquals(List.of(expected), store.all());
        assertEquals(expected, service.get(c.id()));
    }

    @Test
    public void timestampsAreCutToMilliseconds() {
        Client c = create(draft("ACME GmbH"));
        assertEquals(Instant.parse("2024-03-01T09:30:00.123Z"), c.createdAt());
        assertEquals(Instant.parse("2024-03-01T09:30:00.123Z"), c.updatedAt());
    }

    @Test
    public void optionalFieldsMayBeAbsent() {
        ClientDraft d = full("ACME GmbH", "  ", berlin(), " ", null, "", null, null);
        Client c = create(d);
        assertNull(c.taxId());
        assertNull(c.taxIdCheck());
        assertNull(c.email());
        assertNull(c.phone());
        assertNull(c.website());
        assertNull(c.address().region());
        assertEquals(List.of(), c.contacts());
        assertEquals(List.of(), c.tags());
    }

    @Test
    public void aTaxIdOfACountryWithoutRulesIsStoredUnchecked() {
        Client c = create(full("Sony Corp", "1234-5678-90123", address("100-0001", "JP"), null, null, null, null,
                null));
        assertEquals("1234567890123", c.taxId());
        assertEquals(new TaxIdInfo("JP", TaxIdCheck.KIND_OTHER, TaxIdInfo.UNCHECKED), c.taxIdCheck());
    }

    @Test
    public void anAustrianTaxIdIsCheckedAgainstAnAustrianAddress() {
        Client c = create(full("Wiener Werkstätten GmbH", "atu 135 856 27", address("1010", "at"), null, null, null,
                null, null));
        assertEquals("ATU13585627", c.taxId());
        assertEquals(new TaxIdInfo("AT", TaxIdCheck.KIND_EU_VAT, TaxIdInfo.VALID_FORMAT), c.taxIdCheck());
        assertEquals("AT", c.address().country());
    }

    @Test
    public void whiteSpaceInsideTextIsCollapsedNotRejected() {
        Client c = create(draft("ACME\t\tGmbH\n& Co.\r\nKG"));
        assertEquals("ACME GmbH & Co. KG", c.legalName());
    }

    @Test
    public void websitesKeepAGivenSchemeAndGetHttpsOtherwise() {
        ClientDraft base = draft("ACME GmbH");
        assertEquals("https://example.com", create(withWebsite(base, "example.com")).website());
        assertEquals("http://Example.com/kontakt?x=1",
                create(withWebsite(base, "http://Example.com/kontakt?x=1")).website());
        assertEquals("HTTPS://shop.example.de", create(withWebsite(base, "HTTPS://shop.example.de")).website());
    }

    @Test
    public void phoneNumbersKeepTheirPunctuation() {
        assertEquals("+49 (0)30 / 123-45.67", create(withPhone(draft("ACME GmbH"), "+49 (0)30 / 123-45.67")).phone());
        assertEquals("0301", create(withPhone(draft("Beta GmbH"), "0301")).phone());
    }

    // ------------------------------------------------------------------ single-field rules

    @Test
    public void anUnknownCountryIsInvalid() {
        assertEquals(Map.of("address.country", FieldError.INVALID), createErrors(withAddress(draft("A"),
                address("10115", "XX"))));
        assertEquals(Map.of("address.country", FieldError.INVALID), createErrors(withAddress(draft("A"),
                address("10115", "zz"))));
        assertEquals(Map.of("address.country", FieldError.TOO_LONG), createErrors(withAddress(draft("A"),
                address("10115", "DEU"))));
    }

    @Test
    public void postalCodesFollowTheRulesOfTheCountry() {
        assertEquals("10115", create(withAddress(draft("A1"), address("10115", "DE"))).address().postalCode());
        assertEquals("1234 AB", create(withAddress(draft("A2"), address("1234ab", "NL"))).address().postalCode());
        assertEquals("1234 AB", create(withAddress(draft("A3"), address("1234  ab", "nl"))).address().postalCode());
        assertEquals("SW1A 1AA", create(withAddress(draft("A4"), address("sw1a1aa", "GB"))).address().postalCode());
        assertEquals("100-0001", create(withAddress(draft("A5"), address("100-0001", "JP"))).address().postalCode());
        assertEquals("K1A 0B1", create(withAddress(draft("A6"), address("k1a 0b1", "CA"))).address().postalCode());
    }

    @Test
    public void aPostalCodeThatDoesNotFitTheCountryIsInvalidAndTheMessageShowsAnExample() {
        for (String[] bad : new String[][] {{"1011", "DE"}, {"101155", "DE"}, {"1011A", "DE"}, {"12345", "NL"},
                {"1234 A", "NL"}, {"SW1A", "GB"}, {"12345", "GB"}}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> service.create(withAddress(draft("A"), address(bad[0], bad[1])), ALICE));
            assertEquals(String.join("/", bad), 1, e.errors().size());
            FieldError error = e.errors().get(0);
            assertEquals("address.postalCode", error.field());
            assertEquals(FieldError.INVALID, error.code());
            assertTrue(error.message(), error.message().contains(PostalCodes.example(bad[1])));
        }
        assertEquals(Map.of("address.postalCode", FieldError.INVALID),
                createErrors(withAddress(draft("A"), address("!!", "JP"))));
        assertEquals(Map.of("address.postalCode", FieldError.INVALID),
                createErrors(withAddress(draft("A"), address("1", "JP"))));
    }

    @Test
    public void anInvalidCountryStillChecksThePostalCodeGenerically() {
        assertEquals(Map.of("address.country", FieldError.INVALID, "address.postalCode", FieldError.INVALID),
                createErrors(withAddress(draft("A"), address("#10115", "XX"))));
    }

    @Test
    public void tooLongFieldsAreReportedWithTheirPaths() {
        ClientDraft d = new ClientDraft(repeat('K', 33), repeat('n', 201), "DE" + repeat('1', 39),
                new Address(repeat('s', 201), repeat('1', 21), repeat('c', 101), repeat('r', 101), "DE"),
                repeat('e', 250) + "@x.de", repeat('1', 41), "https://" + repeat('w', 190) + ".example",
                List.of(new Contact(repeat('a', 201), repeat('b', 101), null, null)), List.of(repeat('t', 51)));
        assertEquals(Map.ofEntries(Map.entry("number", FieldError.TOO_LONG), Map.entry("legalName", FieldError.TOO_LONG),
                Map.entry("taxId", FieldError.TOO_LONG), Map.entry("address.street", FieldError.TOO_LONG),
                Map.entry("address.postalCode", FieldError.TOO_LONG), Map.entry("address.city", FieldError.TOO_LONG),
                Map.entry("address.region", FieldError.TOO_LONG), Map.entry("email", FieldError.TOO_LONG),
                Map.entry("phone", FieldError.TOO_LONG), Map.entry("website", FieldError.TOO_LONG),
                Map.entry("contacts[0].name", FieldError.TOO_LONG), Map.entry("contacts[0].role", FieldError.TOO_LONG),
                Map.entry("tags[0]", FieldError.TOO_LONG)), createErrors(d));
    }

    @Test
    public void fieldsAtTheirMaximumLengthAreAccepted() {
        String name = repeat('n', 200);
        String email = repeat('e', 249) + "@x.de";
        assertEquals(254, email.length());
        Client c = create(new ClientDraft(repeat('K', 32), name, null,
                new Address(repeat('s', 200), "10115", repeat('c', 100), repeat('r', 100), "DE"), email,
                repeat('1', 40), null, List.of(new Contact(repeat('a', 200), repeat('b', 100), null, null)),
                List.of(repeat('t', 50))));
        assertEquals(name, c.legalName());
        assertEquals(email, c.email());
        assertEquals(repeat('K', 32), c.number());
        assertEquals(repeat('t', 50), c.tags().get(0));
    }

    @Test
    public void controlCharactersAreInvalid() {
        ClientDraft d = new ClientDraft(null, "Müller\u0000GmbH", null,
                new Address("Haupt\u0007straße 1", "10115", "Ber\u200Blin", null, "DE"), null, null, null,
                List.of(new Contact("Anna\u001BSchmidt", null, null, null)), List.of("v\u0000ip"));
        assertEquals(Map.of("legalName", FieldError.INVALID, "address.street", FieldError.INVALID,
                "address.city", FieldError.INVALID, "contacts[0].name", FieldError.INVALID,
                "tags[0]", FieldError.INVALID), createErrors(d));
    }

    @Test
    public void badEmailAddressesAreInvalid() {
        for (String bad : List.of("no-at-sign.example.com", "a@b", "a@@b.de", "a b@c.de", "@example.com",
                "anna@example.", "anna@.example.com")) {
            assertEquals(bad, Map.of("email", FieldError.INVALID), createErrors(draft("A").withEmail(bad)));
        }
    }

    @Test
    public void badPhoneNumbersAreInvalid() {
        for (String bad : List.of("call me", "123", "12-3", "+49 30 12345 ext. 7", "++49 30 1234")) {
            assertEquals(bad, Map.of("phone", FieldError.INVALID), createErrors(withPhone(draft("A"), bad)));
        }
    }

    @Test
    public void badWebsitesAreInvalid() {
        for (String bad : List.of("ftp://files.example.com", "localhost", "http://localhost:8080",
                "https://exa mple.com", "mailto://anna@example")) {
            assertEquals(bad, Map.of("website", FieldError.INVALID), createErrors(withWebsite(draft("A"), bad)));
        }
    }

    @Test
    public void badCustomerNumbersAreInvalid() {
        for (String bad : List.of("-12", "K#12", "Ä-1", ".1")) {
            assertEquals(bad, Map.of("number", FieldError.INVALID), createErrors(draft("A").withNumber(bad)));
        }
    }

    @Test
    public void contactErrorsCarryTheContactsIndex() {
        List<Contact> contacts = new ArrayList<>();
        contacts.add(new Contact("Anna Schmidt", "Einkauf", "anna@example.com", "+49 30 1"));
        contacts.add(new Contact("Bernd Meier", null, "bernd-at-example.com", "kaputt"));
        contacts.add(null);
        contacts.add(new Contact("  ", null, null, null));
        assertEquals(Map.of("contacts[1].email", FieldError.INVALID, "contacts[1].phone", FieldError.INVALID,
                "contacts[2]", FieldError.REQUIRED, "contacts[3].name", FieldError.REQUIRED),
                createErrors(withContacts(draft("A"), contacts)));
    }

    @Test
    public void moreThanTwentyTagsAreTooMany() {
        List<String> tags = IntStream.rangeClosed(1, 21).mapToObj(i -> "tag" + i).collect(Collectors.toList());
        assertEquals(Map.of("tags", FieldError.TOO_MANY), createErrors(draft("A").withTags(tags)));
    }

    @Test
    public void twentyTagsAreFineAndDuplicatesDoNotCount() {
        List<String> tags = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(i -> tags.add("Tag" + i));
        IntStream.rangeClosed(1, 20).forEach(i -> tags.add(" TAG" + i + " "));
        Client c = create(draft("A").withTags(tags));
        assertEquals(IntStream.rangeClosed(1, 20).mapToObj(i -> "tag" + i).collect(Collectors.toList()), c.tags());
    }

    @Test
    public void blankAndNullTagsAreDropped() {
        List<String> tags = new ArrayList<>(List.of("  ", "b2b"));
        tags.add(null);
        assertEquals(List.of("b2b"), create(draft("A").withTags(tags)).tags());
    }

    @Test
    public void moreThanFiftyContactsAreTooMany() {
        List<Contact> contacts = IntStream.rangeClosed(1, 51).mapToObj(i -> new Contact("Person " + i, null, null, null))
                .collect(Collectors.toList());
        assertEquals(Map.of("contacts", FieldError.TOO_MANY), createErrors(withContacts(draft("A"), contacts)));
    }

    @Test
    public void fiftyContactsAreFine() {
        List<Contact> contacts = IntStream.rangeClosed(1, 50).mapToObj(i -> new Contact("Person " + i, null, null, null))
                .collect(Collectors.toList());
        assertEquals(contacts, create(withContacts(draft("A"), contacts)).contacts());
    }

    // ------------------------------------------------------------------ tax IDs

    @Test
    public void aTaxIdWithAWrongCheckDigitIsRejected() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create(draft("ACME GmbH").withTaxId("DE136695977"), ALICE));
        assertEquals(1, e.errors().size());
        assertEquals("taxId", e.errors().get(0).field());
        assertEquals(TaxIdCheck.TAX_ID_CHECKSUM, e.errors().get(0).code());
        assertEquals("The check digit of this German VAT number is wrong.", e.errors().get(0).message());
    }

    @Test
    public void aMalformedTaxIdIsRejectedWithTheValidatorsCode() {
        assertEquals(Map.of("taxId", TaxIdCheck.TAX_ID_FORMAT), createErrors(draft("A").withTaxId("DE12")));
    }

    @Test
    public void aForeignTaxIdIsCheckedAgainstTheAddressCountry() {
        assertEquals(Map.of("taxId", TaxIdCheck.TAX_ID_COUNTRY), createErrors(draft("A").withTaxId("ATU13585627")));
    }

    @Test
    public void aTaxIdWithoutPrefixTakesTheAddressCountry() {
        Client c = create(draft("ACME GmbH").withTaxId("136 695 976"));
        assertEquals("DE136695976", c.taxId());
        assertEquals(new TaxIdInfo("DE", TaxIdCheck.KIND_EU_VAT, TaxIdInfo.VALID_FORMAT), c.taxIdCheck());
    }

    // ------------------------------------------------------------------ customer numbers

    @Test
    public void theConfigurationDefaultsAreThoseOfTheTests() throws Exception {
        assertEquals("K-", DomainConfig.class.getMethod("numberPrefix").getDefaultValue());
        assertEquals(6, DomainConfig.class.getMethod("numberDigits").getDefaultValue());
        assertEquals(true, DomainConfig.class.getMethod("duplicateWarnings").getDefaultValue());
        assertEquals(1000L, DomainConfig.class.getMethod("healthCacheMillis").getDefaultValue());
    }

    @Test
    public void numbersAreAssignedInSequence() {
        assertEquals("K-000001", create(draft("A")).number());
        assertEquals("K-000002", create(draft("B")).number());
        assertEquals("K-000003", create(draft("C")).number());
        assertEquals(3, store.counter(COUNTER));
    }

    @Test
    public void prefixAndDigitsAreConfigurable() {
        service = serviceWith(TestConfig.of("CUST", 3, true, 1000));
        assertEquals("CUST001", create(draft("A")).number());
        assertEquals("CUST002", create(draft("B")).number());
        assertEquals("CUST1234", service.formatNumber(1234));
        assertEquals("CUST999", service.formatNumber(999));
        assertEquals("7", serviceWith(TestConfig.of("", 1, true, 0)).formatNumber(7));
    }

    @Test
    public void aGivenNumberIsKeptUpperCasedAndUsesNoSequenceValue() {
        assertEquals("KD-42", create(draft("A").withNumber(" kd-42 ")).number());
        assertEquals("AB12", create(draft("B").withNumber("ab 12")).number());
        assertEquals(0, store.counter(COUNTER));
        assertEquals("K-000001", create(draft("C")).number());
    }

    @Test
    public void theSequenceSkipsNumbersAlreadyTaken() {
        create(draft("A").withNumber("K-000001"));
        create(draft("B").withNumber("k-000003"));
        assertEquals("K-000002", create(draft("C")).number());
        assertEquals("K-000004", create(draft("D")).number());
        assertEquals("K-000005", create(draft("E")).number());
    }

    @Test
    public void aThousandTakenNumbersInARowStopTheSequence() {
        store.write(w -> {
            for (int i = 1; i <= 1000; i++) {
                String n = String.format("K-%06d", i);
                w.insert(new Client("id-" + i, n, "Client " + i, null, null, berlin(), null, null, null, null, null,
                        false, T0, T0, 0));
            }
            return null;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> create(draft("Z")));
        assertTrue(e.getMessage(), e.getMessage().contains("numberPrefix"));
        assertEquals(1000, store.all().size());
        assertEquals("the failed transaction's counter values are rolled back", 0, store.counter(COUNTER));
    }

    // ------------------------------------------------------------------ duplicates

    @Test
    public void aTaxIdInUseIsADuplicateOnCreate() {
        Client first = create(draft("Erste GmbH").withTaxId("DE136695976"));
        DuplicateException e = assertThrows(DuplicateException.class,
                () -> service.create(draft("Zweite GmbH").withTaxId("de 136 695 976"), ALICE));
        assertEquals("taxId", e.field());
        assertEquals(first.id(), e.existingId());
        assertEquals("K-000001", e.existingNumber());
        assertEquals("Erste GmbH", e.existingLegalName());
        assertEquals("Client K-000001 (Erste GmbH) already has taxId 'DE136695976'.", e.getMessage());
        assertEquals(List.of(first), store.all());
        assertEquals(1, store.counter(COUNTER));
    }

    @Test
    public void aNumberInUseIsADuplicateOnCreate() {
        Client first = create(draft("Erste GmbH"));
        DuplicateException e = assertThrows(DuplicateException.class,
                () -> service.create(draft("Zweite GmbH").withNumber("k-000001"), ALICE));
        assertEquals("number", e.field());
        assertEquals(first.id(), e.existingId());
        assertEquals("K-000001", e.existingNumber());
        assertEquals("Erste GmbH", e.existingLegalName());
        assertEquals(List.of(first), store.all());
    }

    @Test
    public void aTaxIdInUseIsADuplicateOnUpdate() {
        Client first = create(draft("Erste GmbH").withTaxId("DE136695976"));
        Client second = create(draft("Zweite GmbH").withTaxId("DE129273398"));
        DuplicateException e = assertThrows(DuplicateException.class,
                () -> service.update(second.id(), 1, second.toDraft().withTaxId("DE 136695976"), BOB));
        assertEquals("taxId", e.field());
        assertEquals(first.id(), e.existingId());
        assertEquals("K-000001", e.existingNumber());
        assertEquals("Erste GmbH", e.existingLegalName());
        assertEquals(second, service.get(second.id()));
        assertEquals(1, store.history(second.id()).size());
    }

    @Test
    public void aNumberInUseIsADuplicateOnUpdate() {
        Client first = create(draft("Erste GmbH"));
        Client second = create(draft("Zweite GmbH"));
        DuplicateException e = assertThrows(DuplicateException.class,
                () -> service.update(second.id(), 1, second.toDraft().withNumber("K-000001"), BOB));
        assertEquals("number", e.field());
        assertEquals(first.id(), e.existingId());
        assertEquals("K-000001", e.existingNumber());
        assertEquals("Erste GmbH", e.existingLegalName());
        assertEquals(second, service.get(second.id()));
    }

    @Test
    public void updatingAClientWithItsOwnTaxIdAndNumberIsFine() {
        Client c = create(draft("Erste GmbH").withTaxId("DE136695976"));
        SaveResult r = service.update(c.id(), 1, c.toDraft().withTaxId("de136695976").withNumber("k-000001")
                .withEmail("info@erste.example"), BOB);
        assertEquals("DE136695976", r.client().taxId());
        assertEquals("K-000001", r.client().number());
        assertEquals("info@erste.example", r.client().email());
        assertEquals(2, r.client().version());
    }

    @Test
    public void theSameNameAndPostalCodeRaiseAWarningNamingTheOtherClient() {
        Client first = create(withAddress(draft("Café Élan GmbH"), address("10115", "DE")));
        SaveResult second = service.create(withAddress(draft("CAFE  elan gmbh"), address("10115", "DE")), ALICE);
        assertEquals(List.of(new Warning(Warning.POSSIBLE_DUPLICATE,
                "Client K-000001 (Café Élan GmbH) has the same legal name and postal code.", first.id())),
                second.warnings());
        assertEquals("the warning does not stop the save", 2, store.all().size());
        assertEquals("K-000002", second.client().number());
    }

    @Test
    public void theSameNameInAnotherPostalCodeIsNoDuplicate() {
        create(withAddress(draft("Café Élan GmbH"), address("10115", "DE")));
        assertEquals(List.of(),
                service.create(withAddress(draft("Café Élan GmbH"), address("10117", "DE")), ALICE).warnings());
    }

    @Test
    public void duplicateWarningsCanBeSwitchedOff() {
        service = serviceWith(TestConfig.of("K-", 6, false, 1000));
        create(draft("Café Élan GmbH"));
        SaveResult second = service.create(draft("Café Élan GmbH"), ALICE);
        assertEquals(List.of(), second.warnings());
        assertEquals(2, store.all().size());
        Client third = create(draft("Andere GmbH"));
        assertEquals(List.of(), service.update(third.id(), 1, withLegalName(third.toDraft(), "Café Élan GmbH"), BOB)
                .warnings());
    }

    @Test
    public void anUpdateThatMakesNameAndPostalCodeCollideWarns() {
        Client first = create(draft("Café Élan GmbH"));
        Client second = create(draft("Bistro Nord"));
        SaveResult r = service.update(second.id(), 1, withLegalName(second.toDraft(), "Cafe Elan GmbH"), BOB);
        assertEquals(List.of(new Warning(Warning.POSSIBLE_DUPLICATE,
                "Client K-000001 (Café Élan GmbH) has the same legal name and postal code.", first.id())),
                r.warnings());
        assertEquals(2, r.client().version());
    }

    @Test
    public void anUpdateThatLeavesNameAndPostalCodeAloneDoesNotWarnAgainNorAboutItself() {
        create(draft("Café Élan GmbH"));
        SaveResult second = service.create(draft("Café Élan GmbH"), ALICE);
        assertEquals(1, second.warnings().size());
        Client c = second.client();
        assertEquals(List.of(), service.update(c.id(), 1, c.toDraft().withEmail("info@elan.example"), BOB).warnings());
        Client alone = create(draft("Einzig GmbH"));
        assertEquals(List.of(), service.update(alone.id(), 1, withLegalName(alone.toDraft(), "EINZIG GmbH"), BOB)
                .warnings());
    }

    // ------------------------------------------------------------------ update

    @Test
    public void updateReplacesTheDataAndKeepsNumberAndCreationTime() {
        Client c = create(full("ACME GmbH", "DE136695976", berlin(), "info@acme.example", "+49 30 1",
                "acme.example", List.of(new Contact("Anna", null, null, null)), List.of("vip")));
        clock.advanceMillis(60_000);
        Address potsdam = new Address("Am Neuen Markt 1", "14467", "Potsdam", "Brandenburg", "DE");
        SaveResult r = service.update(c.id(), 1, ClientDraft.of("ACME Potsdam GmbH", potsdam), BOB);
        Client expected = new Client(c.id(), "K-000001", "ACME Potsdam GmbH", null, null, potsdam, null, null, null,
                List.of(), List.of(), false, c.createdAt(), T0.plusMillis(60_000).truncatedTo(ChronoUnit.MILLIS), 2);
        assertEquals(expected, r.client());
        assertEquals(List.of(), r.warnings());
        assertEquals(expected, service.get(c.id()));
    }

    @Test
    public void updateWithANumberChangesTheNumber() {
        Client c = create(draft("ACME GmbH"));
        assertEquals("NEU-1", service.update(c.id(), 1, c.toDraft().withNumber("neu-1"), BOB).client().number());
        assertEquals("K-000002", create(draft("B")).number());
    }

    @Test
    public void eachUpdateRaisesTheVersionByOne() {
        Client c = create(draft("ACME GmbH"));
        Client v2 = service.update(c.id(), 1, c.toDraft().withEmail("a@acme.example"), BOB).client();
        Client v3 = service.update(c.id(), 2, v2.toDraft().withEmail("b@acme.example"), BOB).client();
        assertEquals(2, v2.version());
        assertEquals(3, v3.version());
        assertEquals(3, service.get(c.id()).version());
    }

    @Test
    public void aStaleVersionIsAConflictThatNamesTheCurrentVersion() {
        Client c = create(draft("ACME GmbH"));
        Client v2 = service.update(c.id(), 1, c.toDraft().withEmail("a@acme.example"), BOB).client();
        VersionConflictException e = assertThrows(VersionConflictException.class,
                () -> service.update(c.id(), 1, c.toDraft().withEmail("b@acme.example"), ALICE));
        assertEquals(c.id(), e.id());
        assertEquals(1, e.expectedVersion());
        assertEquals(2, e.currentVersion());
        assertEquals(v2, service.get(c.id()));
        assertEquals(2, store.history(c.id()).size());
    }

    @Test
    public void aStaleVersionIsAConflictEvenWhenTheDraftChangesNothing() {
        Client c = create(draft("ACME GmbH"));
        service.update(c.id(), 1, c.toDraft().withEmail("a@acme.example"), BOB);
        VersionConflictException e = assertThrows(VersionConflictException.class,
                () -> service.update(c.id(), 1, c.toDraft().withEmail("a@acme.example"), ALICE));
        assertEquals(2, e.currentVersion());
    }

    @Test
    public void updatingAnUnknownClientIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> service.update("nope", 1, draft("ACME GmbH"), BOB));
        assertEquals("client", e.kind());
        assertEquals("nope", e.id());
        assertEquals(List.of(), store.all());
    }

    @Test
    public void anUpdateIsValidatedLikeACreate() {
        Client c = create(draft("ACME GmbH"));
        assertEquals(Map.of("legalName", FieldError.REQUIRED, "email", FieldError.INVALID),
                errors(() -> service.update(c.id(), 1, withLegalName(c.toDraft(), " ").withEmail("x"), BOB)));
        assertEquals(c, service.get(c.id()));
    }

    @Test
    public void anUpdateThatChangesNothingWritesNothing() {
        Client c = create(full("ACME GmbH", "DE136695976", berlin(), "info@acme.example", null, null, null,
                List.of("vip")));
        long mutations = store.mutations();
        clock.advanceMillis(5_000);
        ClientDraft sameButSpelledDifferently = new ClientDraft(null, " ACME   GmbH ", "de 136.695.976",
                new Address("Invalidenstraße  116", "10115 ", " Berlin ", " ", "de"), "INFO@acme.example", null, "", List.of(), List.of("VIP", "vip"));
        SaveResult r = service.update(c.id(), 1, sameButSpelledDifferently, BOB);
        assertEquals(c, r.client());
        assertEquals(List.of(), r.warnings());
        assertEquals(mutations, store.mutations());
        assertEquals(c, service.get(c.id()));
        assertEquals(List.of(Activity.Action.CREATED), actions(service.activity(c.id(), 10, 0)));
    }

    // ------------------------------------------------------------------ archive, restore, erase

    @Test
    public void archiveAndRestoreFlipTheFlagAndAreRecorded() {
        Client c = create(draft("ACME GmbH"));
        clock.advanceMillis(1_000);
        Client archived = service.archive(c.id(), 1, BOB);
        assertTrue(archived.archived());
        assertEquals(2, archived.version());
        assertEquals(T0.plusMillis(1_000).truncatedTo(ChronoUnit.MILLIS), archived.updatedAt());
        assertEquals(c.createdAt(), archived.createdAt());
        assertEquals(c.toDraft(), archived.toDraft());
        assertEquals(archived, service.get(c.id()));

        clock.advanceMillis(1_000);
        Client restored = service.restore(c.id(), 2, ALICE);
        assertFalse(restored.archived());
        assertEquals(3, restored.version());
        assertEquals(restored, service.get(c.id()));

        List<Activity> history = service.activity(c.id(), 10, 0).items();
        assertEquals(List.of(Activity.Action.RESTORED, Activity.Action.ARCHIVED, Activity.Action.CREATED),
                history.stream().map(Activity::action).collect(Collectors.toList()));
        Activity restoreEntry = history.get(0);
        assertEquals("alice", restoreEntry.user());
        assertEquals(Channel.REST, restoreEntry.channel());
        assertEquals(restored.updatedAt(), restoreEntry.at());
        assertEquals("archive and restore entries list no field changes", List.of(), restoreEntry.changes());
        Activity archiveEntry = history.get(1);
        assertEquals("bob", archiveEntry.user());
        assertEquals(Channel.SHELL, archiveEntry.channel());
        assertEquals(archived.updatedAt(), archiveEntry.at());
        assertEquals(List.of(), archiveEntry.changes());
    }

    @Test
    public void archivingTwiceChangesNothingTheSecondTime() {
        Client c = create(draft("ACME GmbH"));
        Client archived = service.archive(c.id(), 1, BOB);
        long mutations = store.mutations();
        clock.advanceMillis(1_000);
        assertEquals(archived, service.archive(c.id(), 2, BOB));
        assertEquals(mutations, store.mutations());
        assertEquals(2, store.history(c.id()).size());
    }

    @Test
    public void restoringAnActiveClientChangesNothing() {
        Client c = create(draft("ACME GmbH"));
        long mutations = store.mutations();
        assertEquals(c, service.restore(c.id(), 1, BOB));
        assertEquals(mutations, store.mutations());
        assertEquals(List.of(Activity.Action.CREATED), actions(service.activity(c.id(), 10, 0)));
    }

    @Test
    public void archiveAndRestoreCheckTheVersionAndTheId() {
        Client c = create(draft("ACME GmbH"));
        service.update(c.id(), 1, c.toDraft().withEmail("a@acme.example"), BOB);
        VersionConflictException e = assertThrows(VersionConflictException.class, () -> service.archive(c.id(), 1, BOB));
        assertEquals(2, e.currentVersion());
        assertFalse(service.get(c.id()).archived());
        assertThrows(VersionConflictException.class, () -> service.restore(c.id(), 1, BOB));
        assertEquals("x", assertThrows(NotFoundException.class, () -> service.archive("x", 1, BOB)).id());
        assertEquals("y", assertThrows(NotFoundException.class, () -> service.restore("y", 1, BOB)).id());
    }

    @Test
    public void anArchivedClientLeavesTheDefaultList() {
        Client a = create(draft("Aktiv GmbH"));
        Client b = create(draft("Archiv GmbH"));
        service.archive(b.id(), 1, BOB);
        assertEquals(List.of(a.id()), ids(service.search(ClientQuery.text(null))));
        assertEquals(List.of(b.id()), ids(service.search(new ClientQuery(null, null, null, true, null, 50, 0))));
        assertEquals(List.of(a.id(), b.id()), ids(service.search(new ClientQuery(null, null, null, null, null, 50, 0))));
    }

    @Test
    public void eraseRemovesTheClientAndItsHistory() {
        Client c = create(draft("ACME GmbH").withTaxId("DE136695976"));
        Client other = create(draft("Andere GmbH"));
        service.update(c.id(), 1, c.toDraft().withEmail("a@acme.example"), BOB);
        service.erase(c.id(), 2, ALICE);
        assertEquals(List.of(other), store.all());
        assertEquals(List.of(), store.history(c.id()));
        assertEquals(1, store.history(other.id()).size());
        assertEquals(c.id(), assertThrows(NotFoundException.class, () -> service.get(c.id())).id());
        assertThrows(NotFoundException.class, () -> service.activity(c.id(), 10, 0));
        assertEquals("the tax ID is free again", "DE136695976",
                create(draft("Nachfolger GmbH").withTaxId("DE136695976")).taxId());
    }

    @Test
    public void eraseRefusesAStaleVersion() {
        Client c = create(draft("ACME GmbH"));
        Client v2 = service.update(c.id(), 1, c.toDraft().withEmail("a@acme.example"), BOB).client();
        VersionConflictException e = assertThrows(VersionConflictException.class, () -> service.erase(c.id(), 1, ALICE));
        assertEquals(1, e.expectedVersion());
        assertEquals(2, e.currentVersion());
        assertEquals(v2, service.get(c.id()));
        assertEquals(2, store.history(c.id()).size());
    }

    @Test
    public void eraseAsksEveryExtensionToEraseItsRecordsFirst() {
        Client c = create(draft("ACME GmbH"));
        List<String> calls = new ArrayList<>();
        service.erasures.add(id -> calls.add("projects:" + id + ":" + store.all().size()));
        service.erasures.add(id -> calls.add("files:" + id));
        service.erase(c.id(), 1, ALICE);
        // called before the client's own delete, inside the write: the client is still there
        assertEquals(List.of("projects:" + c.id() + ":1", "files:" + c.id()), calls);
        assertEquals(List.of(), store.all());
    }

    @Test
    public void anExtensionThatCannotEraseAbortsTheErasure() {
        Client c = create(draft("ACME GmbH"));
        service.erasures.add(id -> {
            throw new IllegalStateException("files store unavailable");
        });
        assertThrows(IllegalStateException.class, () -> service.erase(c.id(), 1, ALICE));
        assertEquals(c, service.get(c.id()));
    }

    @Test
    public void eraseUntouchedErasesAClientAsItWasCreated() {
        Client c = create(draft("ACME GmbH"));
        Client other = create(draft("Andere GmbH"));
        List<String> calls = new ArrayList<>();
        service.erasures.add(extension("projects", false, calls));
        assertTrue(service.eraseUntouched(c.id(), 1, ALICE));
        assertEquals(List.of("projects holds? " + c.id(), "projects erase " + c.id()), calls);
        assertEquals(List.of(other), store.all());
        assertEquals(List.of(), store.history(c.id()));
    }

    /** An extension that answers {@code holds} and records each call in {@code calls}. */
    private static ClientErasure extension(String name, boolean holds, List<String> calls) {
        return new ClientErasure() {
            @Override
            public void erase(String id) {
                calls.add(name + " erase " + id);
            }

            @Override
            public boolean holdsRecords(String id) {
                calls.add(name + " holds? " + id);
                return holds;
            }
        };
    }

    @Test
    public void eraseUntouchedKeepsAClientChangedSinceItWasCreated() {
        Client edited = create(draft("ACME GmbH"));
        service.update(edited.id(), 1, edited.toDraft().withEmail("a@acme.example"), BOB);
        Client archived = create(draft("Andere GmbH"));
        service.archive(archived.id(), 1, BOB);
        Client restored = create(draft("Dritte GmbH"));
        service.restore(service.archive(restored.id(), 1, BOB).id(), 2, BOB);
        assertFalse(service.eraseUntouched(edited.id(), 2, ALICE));
        assertFalse(service.eraseUntouched(archived.id(), 2, ALICE));
        assertFalse(service.eraseUntouched(restored.id(), 3, ALICE));
        assertEquals(3, store.all().size());
        assertEquals(2, store.history(edited.id()).size());
    }

    @Test
    public void eraseUntouchedKeepsAClientAnExtensionHoldsRecordsOf() {
        Client c = create(draft("ACME GmbH"));
        List<String> calls = new ArrayList<>();
        service.erasures.add(id -> calls.add("files erase " + id)); // answers holdsRecords by default: false
        service.erasures.add(extension("projects", true, calls));
        assertFalse(service.eraseUntouched(c.id(), 1, ALICE));
        assertEquals("asked, nothing erased in any extension", List.of("projects holds? " + c.id()), calls);
        assertEquals(c, service.get(c.id()));
        assertEquals(1, store.history(c.id()).size());
    }

    @Test
    public void eraseUntouchedRefusesAStaleVersionAndAnUnknownClient() {
        Client c = create(draft("ACME GmbH"));
        assertThrows(VersionConflictException.class, () -> service.eraseUntouched(c.id(), 7, ALICE));
        Client edited = service.update(c.id(), 1, c.toDraft().withEmail("a@acme.example"), BOB).client();
        assertThrows("the stale version, not the changed one, is the answer", VersionConflictException.class,
                () -> service.eraseUntouched(c.id(), 1, ALICE));
        assertEquals(edited, service.get(c.id()));
        assertEquals("gone", assertThrows(NotFoundException.class, () -> service.eraseUntouched("gone", 1, ALICE)).id());
    }

    @Test
    public void erasingAnUnknownClientIsNotFound() {
        assertEquals("gone", assertThrows(NotFoundException.class, () -> service.erase("gone", 1, ALICE)).id());
    }

    // ------------------------------------------------------------------ activity

    @Test
    public void theCreatedEntryListsEverySetField() {
        Actor importer = new Actor("importer", Channel.IMPORT, "job-17");
        Client c = service.create(new ClientDraft(null, "ACME GmbH", "DE136695976", berlin(), "info@acme.example",
                "+49 30 1234", "acme.example", List.of(new Contact("Anna Schmidt", "Einkauf", null, null)),
                List.of("vip", "b2b")), importer).client();
        List<Activity> history = service.activity(c.id(), 10, 0).items();
        assertEquals(1, history.size());
        Activity a = history.get(0);
        assertNotNull(a.id());
        assertEquals(c.id(), a.clientId());
        assertEquals(c.createdAt(), a.at());
        assertEquals("importer", a.user());
        assertEquals(Channel.IMPORT, a.channel());
        assertEquals("job-17", a.reference());
        assertEquals(Activity.Action.CREATED, a.action());
        assertEquals(List.of(
                new FieldChange("number", null, "K-000001"),
                new FieldChange("legalName", null, "ACME GmbH"),
                new FieldChange("taxId", null, "DE136695976"),
                new FieldChange("address.street", null, "Invalidenstraße 116"),
                new FieldChange("address.postalCode", null, "10115"),
                new FieldChange("address.city", null, "Berlin"),
                new FieldChange("address.country", null, "DE"),
                new FieldChange("email", null, "info@acme.example"),
                new FieldChange("phone", null, "+49 30 1234"),
                new FieldChange("website", null, "https://acme.example"),
                new FieldChange("contacts", null, "Anna Schmidt (Einkauf)"),
                new FieldChange("tags", null, "vip, b2b")), a.changes());
    }

    @Test
    public void theUpdatedEntryListsExactlyTheChangedFields() {
        Client c = create(draft("ACME GmbH").withEmail("info@acme.example"));
        clock.advanceMillis(2_000);
        Address potsdam = new Address("Invalidenstraße 116", "14467", "Potsdam", null, "DE");
        ClientDraft changed = withAddress(c.toDraft(), potsdam).withEmail(null).withTags(List.of("Neu"));
        Client v2 = service.update(c.id(), 1, changed, BOB).client();
        Activity latest = service.activity(c.id(), 1, 0).items().get(0);
        assertEquals(Activity.Action.UPDATED, latest.action());
        assertEquals("bob", latest.user());
        assertEquals(Channel.SHELL, latest.channel());
        assertNull(latest.reference());
        assertEquals(v2.updatedAt(), latest.at());
        assertEquals(List.of(
                new FieldChange("address.postalCode", "10115", "14467"),
                new FieldChange("address.city", "Berlin", "Potsdam"),
                new FieldChange("email", "info@acme.example", null),
                new FieldChange("tags", null, "neu")), latest.changes());
    }

    @Test
    public void theChannelReferenceIsRecorded() {
        Client c = service.create(draft("ACME GmbH"), new Actor("ops", Channel.SHELL, "session-4")).client();
        clock.advanceMillis(1);
        service.update(c.id(), 1, c.toDraft().withEmail("x@acme.example"), new Actor("batch", Channel.IMPORT, "job-9"));
        List<Activity> h = service.activity(c.id(), 10, 0).items();
        assertEquals(List.of("batch", "ops"), h.stream().map(Activity::user).collect(Collectors.toList()));
        assertEquals(List.of(Channel.IMPORT, Channel.SHELL), h.stream().map(Activity::channel).collect(Collectors.toList()));
        assertEquals(List.of("job-9", "session-4"), h.stream().map(Activity::reference).collect(Collectors.toList()));
    }

    @Test
    public void theHistoryIsNewestFirstAndPaged() {
        Client c = create(draft("ACME GmbH"));
        clock.advanceMillis(1_000);
        service.update(c.id(), 1, c.toDraft().withEmail("a@acme.example"), BOB);
        clock.advanceMillis(1_000);
        service.archive(c.id(), 2, BOB);
        Page<Activity> all = service.activity(c.id(), 10, 0);
        assertEquals(List.of(Activity.Action.ARCHIVED, Activity.Action.UPDATED, Activity.Action.CREATED), actions(all));
        assertEquals(3, all.total());
        Page<Activity> page = service.activity(c.id(), 1, 1);
        assertEquals(List.of(Activity.Action.UPDATED), actions(page));
        assertEquals(3, page.total());
        assertEquals(1, page.limit());
        assertEquals(1, page.offset());
        assertTrue(page.hasNext());
    }

    @Test
    public void historyPagingIsValidated() {
        Client c = create(draft("ACME GmbH"));
        assertEquals(Map.of("limit", FieldError.INVALID), errors(() -> service.activity(c.id(), 0, 0)));
        assertEquals(Map.of("limit", FieldError.INVALID), errors(() -> service.activity(c.id(), 501, 0)));
        assertEquals(Map.of("offset", FieldError.INVALID), errors(() -> service.activity(c.id(), 10, -1)));
        assertEquals(1, service.activity(c.id(), 500, 0).items().size());
        assertEquals("nope", assertThrows(NotFoundException.class, () -> service.activity("nope", 10, 0)).id());
    }

    @Test
    public void aFailingInsertLeavesNoClientNoHistoryAndNoUsedNumber() {
        IllegalStateException failure = new IllegalStateException("disk full");
        store.failNext(InMemoryClientStore.Op.INSERT, failure);
        assertSame(failure, assertThrows(IllegalStateException.class, () -> service.create(draft("ACME GmbH"), ALICE)));
        assertEquals(List.of(), store.all());
        assertEquals(0, store.mutations());
        assertEquals(0, store.counter(COUNTER));
        Client c = create(draft("ACME GmbH"));
        assertEquals("K-000001", c.number());
        assertEquals(1, store.history(c.id()).size());
    }

    @Test
    public void aFailingHistoryEntryUndoesTheCreate() {
        store.failNext(InMemoryClientStore.Op.APPEND, new IllegalStateException("history table locked"));
        assertThrows(IllegalStateException.class, () -> service.create(draft("ACME GmbH"), ALICE));
        assertEquals(List.of(), store.all());
        assertEquals(0, store.counter(COUNTER));
    }

    @Test
    public void aFailingHistoryEntryUndoesTheUpdateAndTheArchive() {
        Client c = create(draft("ACME GmbH"));
        store.failNext(InMemoryClientStore.Op.APPEND, new IllegalStateException("history table locked"));
        assertThrows(IllegalStateException.class,
                () -> service.update(c.id(), 1, c.toDraft().withEmail("a@acme.example"), BOB));
        store.failNext(InMemoryClientStore.Op.APPEND, new IllegalStateException("history table locked"));
        assertThrows(IllegalStateException.class, () -> service.archive(c.id(), 1, BOB));
        assertEquals(c, service.get(c.id()));
        assertEquals(1, store.history(c.id()).size());
    }

    @Test
    public void aDuplicateRaisedByTheStoreItselfLeavesNothingBehind() {
        Client first = create(draft("Erste GmbH"));
        // the store's own unique check stands in for a concurrent insert the domain's check could not see
        store.failNext(InMemoryClientStore.Op.INSERT,
                new DuplicateException("number", "K-000002", null, null, null));
        DuplicateException e = assertThrows(DuplicateException.class, () -> service.create(draft("Zweite GmbH"), ALICE));
        assertNull(e.existingId());
        assertEquals(List.of(first), store.all());
        assertEquals(1, store.counter(COUNTER));
    }

    // ------------------------------------------------------------------ get and search

    @Test
    public void gettingAnUnknownClientIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> service.get("missing"));
        assertEquals("client", e.kind());
        assertEquals("missing", e.id());
        assertEquals("No client with id 'missing'.", e.getMessage());
    }

    @Test
    public void searchLimitsAreValidated() {
        assertEquals(Map.of("limit", FieldError.INVALID), errors(() -> service.search(query(0, 0, null))));
        assertEquals(Map.of("limit", FieldError.INVALID), errors(() -> service.search(query(501, 0, null))));
        assertEquals(Map.of("limit", FieldError.INVALID), errors(() -> service.search(query(-5, 0, null))));
        assertEquals(Map.of("offset", FieldError.INVALID), errors(() -> service.search(query(10, -1, null))));
        assertEquals(Map.of("country", FieldError.INVALID), errors(() -> service.search(query(10, 0, "XX"))));
        assertEquals(Map.of("country", FieldError.INVALID), errors(() -> service.search(query(10, 0, "DEU"))));
        assertEquals(Map.of("limit", FieldError.INVALID, "offset", FieldError.INVALID, "country", FieldError.INVALID),
                errors(() -> service.search(query(0, -1, "??"))));
        assertNull("an invalid query never reaches the store", store.lastSearch());
        assertEquals(0, service.search(query(1, 0, null)).items().size());
        assertEquals(0, service.search(query(500, 0, null)).items().size());
    }

    private static ClientQuery query(int limit, int offset, String country) {
        return new ClientQuery(null, country, null, false, null, limit, offset);
    }

    private static List<String> ids(Page<Client> page) {
        return page.items().stream().map(Client::id).collect(Collectors.toList());
    }

    @Test
    public void searchNormalisesTextTagAndCountryBeforeTheStore() {
        Client wanted = create(withAddress(draft("Café Élan GmbH"), address("10115", "DE")).withTags(List.of("vip")));
        create(withAddress(draft("Café Élan AG"), address("8001", "CH")).withTags(List.of("vip")));
        create(withAddress(draft("Café Élan KG"), address("10115", "DE")));
        List<ClientQuery.Sort> byNumber = List.of(new ClientQuery.Sort(ClientQuery.SortField.NUMBER, true));
        Page<Client> page = service.search(new ClientQuery("  cafe   ÉLAN ", " de ", " VIP ", null, byNumber, 10, 0));
        assertEquals(new ClientQuery("cafe ÉLAN", "DE", "vip", null, byNumber, 10, 0), store.lastSearch());
        assertEquals(List.of(wanted.id()), ids(page));
        assertEquals(1, page.total());
    }

    @Test
    public void blankSearchFiltersMeanNoFilter() {
        create(draft("A"));
        create(withAddress(draft("B"), address("1010", "AT")));
        Page<Client> page = service.search(new ClientQuery("  ", "  ", " ", false, List.of(), 50, 0));
        assertEquals(new ClientQuery(null, null, null, false, List.of(), 50, 0), store.lastSearch());
        assertEquals(2, page.total());
    }

    @Test
    public void searchFindsWordPrefixesAndPagesSortedResults() {
        create(draft("Zeta Logistik GmbH"));
        create(draft("Alpha Logistik GmbH"));
        create(draft("Müller Logistik"));
        create(draft("Bäckerei Schulz"));
        Page<Client> first = service.search(new ClientQuery("LOG", null, null, false, List.of(), 2, 0));
        assertEquals(List.of("Alpha Logistik GmbH", "Müller Logistik"),
                first.items().stream().map(Client::legalName).collect(Collectors.toList()));
        assertEquals(3, first.total());
        assertTrue(first.hasNext());
        Page<Client> second = service.search(new ClientQuery("LOG", null, null, false, List.of(), 2, 2));
        assertEquals(List.of("Zeta Logistik GmbH"), second.items().stream().map(Client::legalName)
                .collect(Collectors.toList()));
        assertFalse(second.hasNext());
        assertEquals(List.of("Bäckerei Schulz"), service.search(ClientQuery.text("backer")).items().stream()
                .map(Client::legalName).collect(Collectors.toList()));
        assertEquals(0, service.search(ClientQuery.text("ogistik")).total());
    }

    // ------------------------------------------------------------------ health

    @Test
    public void healthIsUpWhenTheStoreAnswers() {
        assertEquals(new Health(true, Map.of("database", "UP", "clients", "UP")), service.health());
    }

    @Test
    public void healthIsDownWhenTheStoreDoesNotAnswer() {
        store.setUp(false);
        assertEquals(new Health(false, Map.of("database", "DOWN: the database does not answer", "clients", "UP")),
                service.health());
    }

    @Test
    public void healthIsCachedForTheConfiguredTime() {
        service = serviceWith(TestConfig.of("K-", 6, true, 1000));
        assertTrue(service.health().up());
        assertEquals(1, store.pings());
        store.setUp(false);
        clock.advanceMillis(500);
        assertTrue(service.health().up());
        clock.advanceMillis(500);
        assertTrue("still cached after exactly healthCacheMillis", service.health().up());
        assertEquals(1, store.pings());
        clock.advanceMillis(1);
        assertFalse(service.health().up());
        assertEquals(2, store.pings());
        store.setUp(true);
        clock.advanceMillis(999);
        assertFalse(service.health().up());
        assertEquals(2, store.pings());
        clock.advanceMillis(2);
        assertTrue(service.health().up());
        assertEquals(3, store.pings());
    }

    @Test
    public void withoutACacheEveryNewMillisecondAsksTheStore() {
        service = serviceWith(TestConfig.of("K-", 6, true, 0));
        service.health();
        service.health();
        assertEquals(1, store.pings());
        clock.advanceMillis(1);
        store.setUp(false);
        assertFalse(service.health().up());
        assertEquals(2, store.pings());
    }
}
