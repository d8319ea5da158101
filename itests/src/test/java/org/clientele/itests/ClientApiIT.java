package org.clientele.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST API and the shell of our distribution, used as REST consumers and operators use them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
// A fixed order, and a readiness check that does not touch the database, make the first test's
// create the first use of the fresh database (which once hung on the table creation's locks).
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ClientApiIT extends KarafTestSupport {

    @Configuration
    public Option[] config() {
        return new Option[] {ourDistribution(), common()};
    }

    @Before
    public void apiIsUp() {
        await("the API answers").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/tax-ids/DE136695976") == 200);
    }

    // ---- authentication and roles

    @Test
    public void anonymousGets401WithChallengeAndProblem() {
        Http.Answer a = http(null).get("/api/clients");
        assertEquals(401, a.status());
        assertTrue(a.header("WWW-Authenticate").startsWith("Basic"));
        assertEquals("application/problem+json", a.header("Content-Type"));
        assertEquals(401, a.json().get("status").asInt());
    }

    @Test
    public void wrongPasswordGets401() {
        assertEquals(401, new Http(Integer.getInteger(HTTP_PORT_PROPERTY), "viewer", "wrong").get("/api/clients").status());
    }

    @Test
    public void rolesAreEnforced() {
        assertEquals(403, http("outsider").get("/api/clients").status());
        Http.Answer viewerCreates = http("viewer").post("/api/clients", client("Viewer GmbH"));
        assertEquals(403, viewerCreates.status());
        assertEquals("application/problem+json", viewerCreates.header("Content-Type"));
        JsonNode created = create(client("Erasable " + unique() + " AG"));
        String id = created.get("id").asText();
        assertEquals(403, http("editor").delete("/api/clients/" + id, "If-Match", "\"1\"").status());
        assertEquals(204, http("boss").delete("/api/clients/" + id, "If-Match", "\"1\"").status());
        assertEquals(404, http("viewer").get("/api/clients/" + id).status());
        assertEquals(404, http("viewer").get("/api/clients/" + id + "/activity").status());
    }

    // ---- create and read

    @Test
    public void createNormalisesAssignsNumberAndReadsBack() {
        Map<String, Object> c = client("  Müller   &  Söhne " + unique() + " GmbH ");
        String vat = deVat();
        c.put("taxId", "de " + vat.substring(2, 5) + "." + vat.substring(5, 8) + "." + vat.substring(8));
        c.put("email", "Info@Mueller.Example");
        c.put("contacts", List.of(Map.of("name", "Anna Müller", "role", "Buchhaltung", "email", "anna@mueller.example")));
        c.put("tags", List.of("Wholesale", "wholesale", "VIP"));
        Http.Answer a = http("editor").post("/api/clients", c);
        assertEquals(a.toString(), 201, a.status());
        JsonNode body = a.json();
        String id = body.get("id").asText();
        assertTrue(a.header("Location").endsWith("/api/clients/" + id));
        assertEquals("\"1\"", a.header("ETag"));
        assertTrue(body.get("legalName").asText().startsWith("Müller & Söhne "));
        assertEquals(vat, body.get("taxId").asText());
        assertEquals("EU_VAT", body.get("taxIdCheck").get("kind").asText());
        assertEquals("VALID_FORMAT", body.get("taxIdCheck").get("status").asText());
        assertEquals("info@mueller.example", body.get("email").asText());
        assertEquals(List.of("wholesale", "vip"), strings(body.get("tags")));
        assertTrue(body.get("number").asText().matches("K-\\d{6}"));
        assertEquals(1, body.get("version").asLong());
        assertFalse(body.get("archived").asBoolean());

        Http.Answer read = http("viewer").get("/api/clients/" + id);
        assertEquals(200, read.status());
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals(body.get("number"), read.json().get("number"));
        assertEquals("Anna Müller", read.json().get("contacts").get(0).get("name").asText());
        assertEquals(304, http("viewer").get("/api/clients/" + id, "If-None-Match", "\"1\"").status());
    }

    @Test
    public void getAnswersTheRecordAsWrittenWithContactsAndTagsInOrder() {
        Map<String, Object> c = client("Reihenfolge " + unique() + " GmbH");
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (String name : List.of("Zoë Zander", "Anna Adler", "Max Mayer", "Berta Böhm", "Carl Cohn")) {
            contacts.add(Map.of("name", name, "role", "Einkauf", "email", name.split(" ")[0].toLowerCase() + "@x.example"));
        }
        c.put("contacts", contacts);
        c.put("tags", List.of("zulu", "alpha", "mike", "bravo"));
        Http.Answer a = http("editor").post("/api/clients", c);
        assertEquals(a.toString(), 201, a.status());
        com.fasterxml.jackson.databind.node.ObjectNode written = (com.fasterxml.jackson.databind.node.ObjectNode) a.json();
        written.remove("warnings");
        String path = "/api/clients/" + written.get("id").asText();
        assertEquals(written, http("viewer").get(path).json());

        // a merge patch of another field keeps the lists as they are
        Http.Answer p = http("editor").patch(path, Map.of("phone", "+49 30 1234567"), "If-Match", "\"1\"");
        assertEquals(p.toString(), 200, p.status());
        JsonNode read = http("viewer").get(path).json();
        assertEquals(written.get("contacts"), read.get("contacts"));
        assertEquals(List.of("zulu", "alpha", "mike", "bravo"), strings(read.get("tags")));
        assertEquals(2, read.get("version").asLong());
        assertEquals(p.json().get("contacts"), read.get("contacts"));
    }

    @Test
    public void unknownClientIs404Problem() {
        Http.Answer a = http("viewer").get("/api/clients/no-such-client");
        assertEquals(404, a.status());
        assertEquals("application/problem+json", a.header("Content-Type"));
        assertTrue(a.json().get("detail").asText().contains("no-such-client"));
    }

    @Test
    public void invalidInputGets422WithOneErrorPerField() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("taxId", "DE123456789");
        c.put("address", Map.of("street", "Hauptstr. 5", "postalCode", "1011", "city", "Berlin", "country", "DE"));
        c.put("email", "not-an-address");
        Http.Answer a = http("editor").post("/api/clients", c);
        assertEquals(a.toString(), 422, a.status());
        assertEquals("application/problem+json", a.header("Content-Type"));
        Map<String, String> errors = new LinkedHashMap<>();
        a.json().get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("code").asText()));
        assertEquals("REQUIRED", errors.get("legalName"));
        assertEquals("INVALID", errors.get("address.postalCode"));
        assertEquals("INVALID", errors.get("email"));
        assertEquals("TAX_ID_CHECKSUM", errors.get("taxId"));
        assertEquals(4, errors.size());
        assertFalse(a.raw().body().contains("Exception"));
    }

    @Test
    public void malformedJsonGets400AndWrongTypes422() {
        Http.Answer bad = http("editor").post("/api/clients", "{\"legalName\": ");
        assertEquals(400, bad.status());
        assertFalse(bad.raw().body().contains("com.fasterxml"));
        Map<String, Object> c = client("Typed " + unique() + " GmbH");
        c.put("tags", "not-a-list");
        c.put("legalname", "typo");
        Http.Answer typed = http("editor").post("/api/clients", c);
        assertEquals(422, typed.status());
        Set<String> fields = new HashSet<>();
        typed.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("tags", "legalname"), fields);
    }

    @Test
    public void duplicateTaxIdOrNumberIs409NamingTheExistingClient() {
        String vat = deVat();
        Map<String, Object> first = client("First " + unique() + " GmbH");
        first.put("taxId", vat);
        JsonNode existing = create(first);
        Map<String, Object> second = client("Second " + unique() + " GmbH");
        second.put("taxId", vat.substring(0, 2) + " " + vat.substring(2));
        Http.Answer a = http("editor").post("/api/clients", second);
        assertEquals(409, a.status());
        assertEquals("taxId", a.json().get("field").asText());
        assertEquals(existing.get("id").asText(), a.json().get("existing").get("id").asText());
        assertTrue(a.json().get("detail").asText().contains(existing.get("number").asText()));

        Map<String, Object> third = client("Third " + unique() + " GmbH");
        third.put("number", existing.get("number").asText());
        Http.Answer b = http("editor").post("/api/clients", third);
        assertEquals(409, b.status());
        assertEquals("number", b.json().get("field").asText());
    }

    @Test
    public void nearDuplicateIsAcceptedWithAWarning() {
        String name = "Near " + unique() + " GmbH";
        JsonNode first = create(client(name));
        Http.Answer a = http("editor").post("/api/clients", client(name.toUpperCase()));
        assertEquals(201, a.status());
        JsonNode w = a.json().get("warnings");
        assertEquals(1, w.size());
        assertEquals("POSSIBLE_DUPLICATE", w.get(0).get("code").asText());
        assertEquals(first.get("id").asText(), w.get(0).get("clientId").asText());
    }

    // ---- change with ETags

    @Test
    public void replaceNeedsIfMatchAndRefusesStaleVersions() {
        JsonNode c = create(client("Versioned " + unique() + " KG"));
        String path = "/api/clients/" + c.get("id").asText();
        Map<String, Object> changed = client(c.get("legalName").asText());
        changed.put("phone", "+49 30 1234567");

        Http.Answer missing = http("editor").put(path, changed);
        assertEquals(428, missing.status());
        assertEquals("application/problem+json", missing.header("Content-Type"));

        Http.Answer ok = http("editor").put(path, changed, "If-Match", "\"1\"");
        assertEquals(ok.toString(), 200, ok.status());
        assertEquals("\"2\"", ok.header("ETag"));
        assertEquals("+49 30 1234567", ok.json().get("phone").asText());
        assertEquals(c.get("number"), ok.json().get("number"));

        changed.put("phone", "+49 30 7654321");
        Http.Answer stale = http("editor").put(path, changed, "If-Match", "\"1\"");
        assertEquals(412, stale.status());
        assertEquals("\"2\"", stale.json().get("currentEtag").asText());
        assertEquals("+49 30 1234567", http("viewer").get(path).json().get("phone").asText());
    }

    @Test
    public void mergePatchChangesOnlyWhatItNames() {
        Map<String, Object> c = client("Patchable " + unique() + " GmbH");
        c.put("email", "office@patchable.example");
        c.put("website", "patchable.example");
        JsonNode created = create(c);
        String path = "/api/clients/" + created.get("id").asText();
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("address", Map.of("city", "Hamburg", "postalCode", "20095"));
        patch.put("website", null);
        Http.Answer a = http("editor").patch(path, patch, "If-Match", "\"1\"");
        assertEquals(a.toString(), 200, a.status());
        JsonNode p = a.json();
        assertEquals("Hamburg", p.get("address").get("city").asText());
        assertEquals("Hauptstr. 5", p.get("address").get("street").asText());
        assertEquals("office@patchable.example", p.get("email").asText());
        assertTrue(p.get("website").isNull());
        Http.Answer bad = http("editor").patch(path, Map.of("address", Map.of("country", "XX")), "If-Match", "\"2\"");
        assertEquals(422, bad.status());
        assertEquals("address.country", bad.json().get("errors").get(0).get("field").asText());
    }

    @Test
    public void archiveAndRestore() {
        String name = "Archivable " + unique() + " GmbH";
        JsonNode c = create(client(name));
        String path = "/api/clients/" + c.get("id").asText();
        assertEquals(428, http("editor").post(path + "/archive", null).status());
        Http.Answer archived = http("editor").post(path + "/archive", null, "If-Match", "\"1\"");
        assertEquals(200, archived.status());
        assertTrue(archived.json().get("archived").asBoolean());
        String q = "/api/clients?q=" + name.split(" ")[1];
        assertEquals(0, http("viewer").get(q).json().get("total").asInt());
        assertEquals(1, http("viewer").get(q + "&archived=true").json().get("total").asInt());
        Http.Answer restored = http("editor").post(path + "/restore", null, "If-Match", archived.header("ETag"));
        assertEquals(200, restored.status());
        assertEquals(1, http("viewer").get(q).json().get("total").asInt());
    }

    // ---- search and paging

    @Test
    public void searchIsCaseAndAccentInsensitive() {
        String word = unique();
        JsonNode c = create(client("Müller " + word + " Söhne GmbH"));
        for (String q : List.of("muller " + word, "MUELLER " + word, "Mül " + word, word + " sohne")) {
            JsonNode page = http("viewer").get("/api/clients?q=" + q.replace(" ", "%20")).json();
            assertEquals(q, 1, page.get("total").asInt());
            assertEquals(c.get("id"), page.get("items").get(0).get("id"));
        }
        JsonNode byNumber = http("viewer").get("/api/clients?q=" + c.get("number").asText()).json();
        assertEquals(c.get("id"), byNumber.get("items").get(0).get("id"));
    }

    @Test
    public void pagingCarriesTotalAndLinks() {
        String tag = "page" + unique().toLowerCase();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> c = client("Paged " + i + " " + unique() + " GmbH");
            c.put("tags", List.of(tag));
            create(c);
        }
        Http.Answer first = http("viewer").get("/api/clients?tag=" + tag + "&limit=2&sort=-legalName");
        assertEquals(200, first.status());
        assertEquals(5, first.json().get("total").asInt());
        assertEquals(2, first.json().get("items").size());
        assertTrue(first.json().get("items").get(0).get("legalName").asText().startsWith("Paged 4"));
        String link = first.header("Link");
        assertNotNull(link);
        assertTrue(link, link.contains("rel=\"next\"") && link.contains("offset=2"));
        assertFalse(link.contains("rel=\"prev\""));
        Http.Answer last = http("viewer").get("/api/clients?tag=" + tag + "&limit=2&offset=4");
        assertEquals(1, last.json().get("items").size());
        assertTrue(last.header("Link").contains("rel=\"prev\""));
        assertFalse(last.header("Link").contains("rel=\"next\""));
        assertEquals(422, http("viewer").get("/api/clients?limit=501").status());
        assertEquals(422, http("viewer").get("/api/clients?sort=shoeSize").status());
        assertEquals("limit", http("viewer").get("/api/clients?limit=abc").json().get("errors").get(0).get("field").asText());
    }

    // ---- history

    @Test
    public void activityRecordsWhoWhatWhenAndChannel() {
        JsonNode c = create(client("Historic " + unique() + " GmbH"));
        String path = "/api/clients/" + c.get("id").asText();
        Map<String, Object> changed = client(c.get("legalName").asText());
        changed.put("address", Map.of("street", "Hauptstr. 5", "postalCode", "10115", "city", "Potsdam", "country", "DE"));
        assertEquals(200, http("editor").put(path, changed, "If-Match", "\"1\"").status());
        JsonNode page = http("viewer").get(path + "/activity").json();
        assertEquals(2, page.get("total").asInt());
        JsonNode latest = page.get("items").get(0);
        assertEquals("UPDATED", latest.get("action").asText());
        assertEquals("editor", latest.get("user").asText());
        assertEquals("REST", latest.get("channel").asText());
        assertNotNull(latest.get("at").asText());
        JsonNode change = latest.get("changes").get(0);
        assertEquals("address.city", change.get("field").asText());
        assertEquals("Berlin", change.get("oldValue").asText());
        assertEquals("Potsdam", change.get("newValue").asText());
        assertEquals("CREATED", page.get("items").get(1).get("action").asText());
    }

    // ---- tax IDs and health

    @Test
    public void taxIdCheckSavesNothing() {
        JsonNode ok = http("viewer").get("/api/tax-ids/DE%20-%20113866163").json();
        assertTrue(ok.get("valid").asBoolean());
        assertEquals("DE113866163", ok.get("normalized").asText());
        assertTrue(ok.get("code").isNull());
        JsonNode bad = http("viewer").get("/api/tax-ids/DE123456789").json();
        assertFalse(bad.get("valid").asBoolean());
        assertEquals("TAX_ID_CHECKSUM", bad.get("code").asText());
        JsonNode country = http("viewer").get("/api/tax-ids/DE113866163?country=FR").json();
        assertEquals("TAX_ID_COUNTRY", country.get("code").asText());
    }

    @Test
    public void healthReportsTheDatabase() {
        JsonNode h = http("viewer").get("/api/health").json();
        assertEquals("UP", h.get("status").asText());
        assertEquals("UP", h.get("components").get("database").asText());
        assertEquals(401, http(null).get("/api/health").status());
    }

    // ---- shell and restarts

    @Test
    public void shellListsShowsAndAddsClients() throws Exception {
        String word = unique();
        JsonNode c = create(client("Shellbar " + word + " GmbH"));
        String list = shell("clients:list " + word);
        assertTrue(list, list.contains(c.get("number").asText()) && list.contains("Shellbar " + word + " GmbH"));
        String show = shell("clients:show " + c.get("number").asText());
        assertTrue(show, show.contains("Hauptstr. 5") && show.contains("CREATED"));
        String added = shell("clients:add --name \"Shell-made " + word + " AG\" --street \"Ring 1\" --postal-code 1010 --city Wien --country AT");
        assertTrue(added, added.contains("Created") && added.contains("Shell-made " + word + " AG"));
        JsonNode found = http("viewer").get("/api/clients?q=" + word + "&sort=legalName").json();
        assertEquals(2, found.get("total").asInt());
        JsonNode shellMade = found.get("items").get(0);
        assertTrue(shellMade.toString(), shellMade.get("legalName").asText().startsWith("Shell-made"));
        JsonNode activity = http("viewer").get("/api/clients/" + shellMade.get("id").asText() + "/activity").json();
        assertEquals("SHELL", activity.get("items").get(0).get("channel").asText());
        String refused = shell("clients:add --name \"Broken " + word + "\" --street X --postal-code 1 --city Y --country DE");
        assertTrue(refused, refused.contains("address.postalCode"));
        assertFalse(refused, refused.contains("Exception"));
    }

    @Test
    public void restartingThePersistenceBundleLosesNothing() throws Exception {
        JsonNode c = create(client("Durable " + unique() + " GmbH"));
        String path = "/api/clients/" + c.get("id").asText();
        restartAndAwait("org.clientele.persistence", path);
        assertEquals(c.get("legalName"), http("viewer").get(path).json().get("legalName"));

        // while the store is away the API says so: 503, Retry-After, a problem document
        String out = shell("bundle:stop org.clientele.persistence");
        assertFalse(out, out.contains("Error"));
        try {
            Http.Answer away = await("the API answers 503").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http("viewer").get(path), a -> a.status() != 200);
            assertEquals(away.toString(), 503, away.status());
            assertEquals("application/problem+json", away.header("Content-Type").split(";")[0]);
            assertEquals("5", away.header("Retry-After"));
            assertEquals(503, away.json().get("status").asInt());
            Http.Answer health = http("viewer").get("/api/health");
            assertEquals(health.toString(), 503, health.status());
            assertEquals("DOWN", health.json().get("status").asText());
        } finally {
            shell("bundle:start org.clientele.persistence");
        }
        await("the API is back").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").get(path).status() == 200);
        assertEquals(c.get("legalName"), http("viewer").get(path).json().get("legalName"));
        assertNotEquals(0, http("viewer").get("/api/clients").json().get("total").asInt());
    }

    /**
     * The API and the page are registered with the HTTP service (not the whiteboard). When it
     * goes away and comes back (pax-web's runtime restarted), both are registered again. When
     * the page's registration goes and comes, pax-web restarts the root context under the API
     * servlet, destroying and initialising the same servlet again: it must still follow its services
     * afterwards (a client service after a persistence restart, an extension's resources that
     * leave and come back), not keep serving the application it had.
     */
    @Test
    public void restartingTheHttpRuntimeKeepsTheApiAndThePage() throws Exception {
        JsonNode c = create(client("Web-restart " + unique() + " GmbH"));
        String path = "/api/clients/" + c.get("id").asText();
        restartAndAwait("org.ops4j.pax.web.pax-web-runtime", path);
        await("the page is back").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http(null).statusOf("/clientele/") == 200);

        // the page's registration goes and comes: pax-web restarts the root context under the API
        String out = shell("bundle:restart org.clientele.web");
        assertFalse(out, out.contains("Error"));
        await("the page is back again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> http(null).statusOf("/clientele/") == 200);
        assertEquals(200, http("viewer").get(path).status());

        restartAndAwait("org.clientele.persistence", path); // the API follows the new client service
        Http.Answer patched = http("editor").patch(path, Map.of("phone", "+49 30 7654321"),
                "If-Match", http("viewer").get(path).header("ETag"));
        assertEquals(patched.toString(), 200, patched.status());
        assertEquals("+49 30 7654321", http("viewer").get(path).json().get("phone").asText());

        String projects = path + "/projects";
        assertEquals(200, http("viewer").get(projects).status());
        try {
            out = shell("feature:uninstall clientele-projects");
            assertFalse(out, out.contains("Error"));
            await("the extension's resources leave").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> http("viewer").statusOf(projects) == 404);
        } finally {
            out = shell("feature:install clientele-projects");
            assertFalse(out, out.contains("Error"));
        }
        await("and come back").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf(projects) == 200);
        JsonNode tabs = http("viewer").get(path + "/tabs").json();
        assertEquals(tabs.toString(), 7, tabs.size());
    }

    // ---- helpers

    /** Restarts a bundle from the shell and waits until {@code path} answers 200 again. */
    private void restartAndAwait(String bundle, String path) throws Exception {
        String out = shell("bundle:restart " + bundle);
        assertFalse(out, out.contains("Error"));
        await("the API is back after restarting " + bundle).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> http("viewer").statusOf(path) == 200);
    }

    private static JsonNode create(Map<String, Object> client) {
        Http.Answer a = http("editor").post("/api/clients", client);
        assertEquals(a.toString(), 201, a.status());
        return a.json();
    }

    static Map<String, Object> client(String legalName) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("legalName", legalName);
        c.put("address", Map.of("street", "Hauptstr. 5", "postalCode", "10115", "city", "Berlin", "country", "DE"));
        return c;
    }

    /** A word no other test uses. */
    static String unique() {
        return "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /**
     * A German VAT number no other test uses, with its ISO 7064 MOD 11,10 check digit (the
     * unit tests of the domain check that algorithm against published numbers).
     */
    static String deVat() {
        int body = ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String digits = Integer.toString(body);
        int product = 10;
        for (char ch : digits.toCharArray()) {
            int sum = (ch - '0' + product) % 10;
            product = (2 * (sum == 0 ? 10 : sum)) % 11;
        }
        int check = (11 - product) % 10;
        return "DE" + digits + check;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static void assertAbsent(JsonNode node, String field) {
        assertNull(field, node.get(field));
    }
}
