package org.clientele.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Clients page in headless Chromium against our booted distribution, used as people in
 * sales do: each numbered point of issue 5. One Karaf for the whole class, started as a
 * process of its own ({@link KarafProcess}); the browser runs in this JVM.
 *
 * <p>For quick local runs against a Karaf that is already running (with the users below),
 * pass {@code -Dclientele.web.attach=HTTP_PORT,SSH_PORT,KARAF_HOME}.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class WebPageIT {
    /** The extension whose tab must appear when its feature is installed at run time. */
    static final String EXTENSION_FEATURE = "clientele-history";
    static final String EXTENSION_TAB = "history";

    static final String[][] USERS = {
        {"viewer", "viewer-pw", "clients-viewer"},
        {"editor", "editor-pw", "clients-editor"},
        {"boss", "boss-pw", "clients-admin,_g_:admingroup"},
    };

    static final Path TARGET = Path.of("target");
    static final Path SCREENSHOTS = TARGET.resolve("screenshots");

    static KarafProcess karaf;
    static int httpPort;
    static int sshPort;
    static Path karafHome;
    static Browser browser;
    static String base;

    @BeforeClass
    public static void bootAndOpenBrowser() throws Exception {
        String attach = System.getProperty("clientele.web.attach");
        if (attach != null && !attach.isBlank()) {
            String[] parts = attach.split(",");
            httpPort = Integer.parseInt(parts[0]);
            sshPort = Integer.parseInt(parts[1]);
            karafHome = Path.of(parts[2]);
        } else {
            List<String> users = new ArrayList<>();
            for (String[] u : USERS) {
                users.add(u[0] + " = " + u[1] + "," + u[2]);
            }
            users.add("_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh");
            karaf = KarafProcess.boot(Path.of(System.getProperty("distribution.archive")), TARGET.resolve("web-karaf"),
                    users, Set.of(EXTENSION_FEATURE), "viewer", "viewer-pw");
            httpPort = karaf.httpPort;
            sshPort = karaf.sshPort;
            karafHome = karaf.home;
        }
        base = "http://127.0.0.1:" + httpPort;
        org.awaitility.Awaitility.await("the page is served").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300)).until(() -> new Http(httpPort, null, null).statusOf("/clientele/") == 200);
        if (Files.isDirectory(SCREENSHOTS)) {
            try (Stream<Path> old = Files.list(SCREENSHOTS)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        browser = new Browser(TARGET, SCREENSHOTS);
    }

    @AfterClass
    public static void closeEverything() throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (karaf != null) {
                karaf.close();
            }
        }
    }

    /** On failure: a screenshot and the browser console, to see what the user saw. */
    @Rule
    public final TestWatcher onFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description d) {
            try {
                browser.screenshot("FAILED-" + d.getMethodName());
                browser.console().forEach(l -> System.err.println("[browser] " + l));
            } catch (Exception ignored) {
                // the failure itself is what matters
            }
        }
    };

    /** Each test starts on a laptop-sized screen with no dialog left open by the one before. */
    @Before
    public void laptop() {
        browser.size(1366, 768);
        browser.js("document.querySelectorAll('dialog[open]').forEach(d => d.dispatchEvent(new Event('cancel', {cancelable: true})))");
    }

    static Http http(String user) {
        for (String[] u : USERS) {
            if (u[0].equals(user)) {
                return new Http(httpPort, u[0], u[1]);
            }
        }
        throw new IllegalArgumentException(user);
    }

    // ---- 1. open the page, sign in, find Sales → Clients

    @Test
    public void a1_signInAndFindClientsInTheSidebar() throws IOException {
        browser.driver.get(base + "/clientele");
        browser.await("redirect to /clientele/", ExpectedConditions.urlContains("/clientele/"));
        browser.shown("#sign-in-form");
        signIn("editor", "not-the-password");
        browser.await("wrong password is said", ExpectedConditions.textToBe(By.id("sign-in-message"), "Wrong user or password."));
        assertTrue(browser.all("#sidebar a").isEmpty() || !browser.find("#sidebar").isDisplayed());
        browser.screenshot("00-sign-in");

        signIn("editor", "editor-pw");
        browser.shown("#client-table");
        browser.await("Sales → Clients", ExpectedConditions.textToBe(By.id("nav-sales"), "Sales"));
        assertEquals("Clients", browser.find("#nav-clients").getText());
        assertEquals("page", browser.find("#nav-clients").getAttribute("aria-current"));
        assertEquals("Clients", browser.shown("#page-title").getText());
        assertTrue(browser.find("#current-user").getText().contains("editor"));
        // credentials stay in the page's memory only
        String stored = (String) browser.js("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
        assertFalse(stored, stored.contains("editor-pw"));
        assertFalse(stored, stored.contains("Basic"));

        // signing out forgets them: the next call asks again
        browser.find("#sign-out").click();
        browser.shown("#sign-in-form");
        browser.driver.navigate().to(base + "/clientele/#/clients");
        browser.driver.navigate().refresh();
        browser.shown("#sign-in-form");
        signIn("editor", "editor-pw");
        browser.shown("#nav-clients");
    }

    // ---- 2. the list: search as you type, sort, page, archived only when asked for

    @Test
    public void a2_listSearchesSortsPagesAndHidesArchived() throws IOException {
        String token = "Zq" + letters(8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Map<String, Object> c = client(String.format(Locale.ROOT, "%s Handel %03d GmbH", token, i));
            ids.add(create(c).get("id").asText());
        }
        openList();
        clearRequestLog();
        WebElement search = browser.find("input[type=search]");
        search.clear();
        for (char ch : token.toCharArray()) {
            search.sendKeys(String.valueOf(ch)); // typed, not pasted: the search waits for a pause
        }
        awaitSummary("1–50 of 120");
        assertEquals(50, browser.all("#client-table tbody tr").size());
        assertEquals(token + " Handel 000 GmbH", firstName());
        // searching as you type sent one request per pause, not one per key, each for one page
        List<String> requests = clientRequests();
        assertTrue(requests.toString(), requests.size() < token.length());
        assertTrue(requests.toString(), requests.stream().allMatch(r -> r.contains("limit=50")));
        browser.screenshot("01-client-list");

        browser.find(".page-next").click();
        awaitSummary("51–100 of 120");
        assertEquals(token + " Handel 050 GmbH", firstName());
        browser.find(".page-last").click();
        awaitSummary("101–120 of 120");
        assertEquals(20, browser.all("#client-table tbody tr").size());
        assertFalse(browser.find(".page-next").isEnabled());

        // sort by legal name, descending: back to the first page
        browser.find("th button[data-sort=legalName]").click();
        awaitSummary("1–50 of 120");
        browser.await("descending", d -> (token + " Handel 119 GmbH").equals(firstName()));
        assertEquals("descending", browser.find("th button[data-sort=legalName]").findElement(By.xpath("..")).getAttribute("aria-sort"));
        browser.find("th button[data-sort=legalName]").click();
        browser.await("ascending", d -> (token + " Handel 000 GmbH").equals(firstName()));

        // archived clients leave the list unless asked for
        assertEquals(200, http("editor").send("POST", "/api/clients/" + ids.get(0) + "/archive", null, null, "If-Match", "\"1\"").status());
        browser.driver.navigate().refresh();
        browser.shown("#sign-in-form"); // a reload forgets the credentials: they live in memory only
        signIn("editor", "editor-pw");
        awaitSummary("1–50 of 119");
        assertEquals(token + " Handel 001 GmbH", firstName());
        browser.find("label[for='" + browser.find(".check input").getAttribute("id") + "']").click();
        awaitSummary("1–50 of 120");
        assertEquals(token + " Handel 000 GmbH", firstName());
        assertEquals("archived", browser.find("#client-table tbody tr:first-child .badge").getText());
        browser.find(".check input").click();
        awaitSummary("1–50 of 119");
    }

    // ---- 3. + Add client: field errors next to the fields, a duplicate names the existing client

    @Test
    public void a3_addClientShowsFieldErrorsAndDuplicates() throws IOException {
        openList();
        String existingVat = deVat();
        JsonNode existing = create(withTax(client("Bestand " + letters(6) + " AG"), existingVat));

        WebElement add = browser.find("#add-client");
        assertEquals("+ Add client", add.getText());
        add.click();
        WebElement dialog = browser.shown("#add-dialog");
        assertEquals("legalName", browser.focused().getAttribute("name"));
        String wrongVat = existingVat.substring(0, 10) + ((existingVat.charAt(10) - '0' + 1) % 10);
        field("taxId").sendKeys(wrongVat);
        field("address.city").sendKeys("Berlin");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();

        browser.await("field errors", d -> !error("legalName").isEmpty() && !error("taxId").isEmpty());
        assertEquals("This field is required.", error("legalName"));
        assertTrue(error("taxId"), error("taxId").toLowerCase(Locale.ROOT).contains("check digit"));
        assertFalse(error("address.street").isEmpty());
        assertFalse(error("address.postalCode").isEmpty());
        assertEquals("", error("address.city"));
        assertEquals("true", field("taxId").getAttribute("aria-invalid"));
        assertEquals("legalName", browser.focused().getAttribute("name"));
        browser.screenshot("02-add-client-errors");

        // the same tax ID as an existing client: a 409 that links to it
        String name = "Neukunde " + letters(6) + " GmbH";
        field("legalName").sendKeys(name);
        field("taxId").clear();
        field("taxId").sendKeys(existingVat);
        field("address.street").sendKeys("Hauptstr. 5");
        field("address.postalCode").sendKeys("10115");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement link = browser.shown("#add-dialog .existing-link");
        assertTrue(link.getText(), link.getText().contains(existing.get("legalName").asText()));
        assertTrue(link.getText(), link.getText().contains(existing.get("number").asText()));
        link.click();
        browser.await("the existing client's profile", d -> browser.find("#page-title").getText()
                .startsWith(existing.get("legalName").asText()));
        assertTrue(browser.driver.getCurrentUrl().contains(existing.get("id").asText()));

        // without the tax ID it is created and its profile opens
        openList();
        browser.find("#add-client").click();
        browser.shown("#add-dialog");
        field("legalName").sendKeys(name);
        field("address.street").sendKeys("Hauptstr. 5");
        field("address.postalCode").sendKeys("10115");
        field("address.city").sendKeys("Berlin");
        new Select(field("address.country")).selectByValue("DE");
        browser.find("#add-dialog button[type=submit]").sendKeys(Keys.ENTER);
        browser.await("the new client's profile", d -> browser.find("#page-title").getText().startsWith(name));
        JsonNode found = http("viewer").get("/api/clients?q=" + name.split(" ")[1]).json();
        assertEquals(1, found.get("total").asInt());
        assertEquals("10115", found.get("items").get(0).get("address").get("postalCode").asText());
    }

    // ---- 5. the profile: overview, legal and contact panel, generic tabs

    @Test
    public void a5_profileShowsOverviewPanelAndEveryTab() throws IOException {
        String vat = deVat();
        Map<String, Object> c = withTax(client("Profil " + letters(6) + " GmbH"), vat);
        c.put("email", "info@profil.example");
        c.put("contacts", List.of(Map.of("name", "Anna Müller", "role", "Buchhaltung", "email", "anna@profil.example")));
        JsonNode created = create(c);
        String id = created.get("id").asText();
        Related.add(http("editor"), id);

        openProfile(id);
        WebElement panel = browser.find("aside.panel");
        assertTrue(browser.find("#panel-tax-id").getText().startsWith(vat));
        assertTrue(browser.find("#panel-tax-id").getText().contains("valid"));
        assertTrue(browser.find("#panel-address").getText().contains("10115 Berlin"));
        assertTrue(panel.getText().contains("Anna Müller"));
        assertTrue(panel.getText().contains("info@profil.example"));

        // the overview as the API has it, section by section, metric by metric
        Http.Answer overview = http("viewer").get("/api/clients/" + id + "/overview");
        if (overview.status() == 200) {
            for (JsonNode s : overview.json().get("sections")) {
                WebElement card = browser.shown("[data-section='" + s.get("id").asText() + "']");
                assertTrue(card.getText(), card.getText().contains(s.get("title").asText()));
                for (JsonNode m : s.get("metrics")) {
                    WebElement metric = card.findElement(By.cssSelector("[data-metric='" + m.get("id").asText() + "']"));
                    assertTrue(metric.getText(), metric.getText().contains(m.get("label").asText()));
                }
            }
        }
        browser.screenshot("03-profile-overview");

        // every tab the API lists, in its order, each showing its blocks
        Http.Answer tabs = http("viewer").get("/api/clients/" + id + "/tabs");
        assumeTrue("GET /api/clients/{id}/tabs is not served yet: " + tabs, tabs.status() == 200);
        List<String> apiTitles = new ArrayList<>();
        tabs.json().forEach(t -> apiTitles.add(t.get("title").asText()));
        List<String> pageTitles = browser.all("[role=tab]").stream().map(WebElement::getText).toList();
        assertEquals(apiTitles, pageTitles);
        for (JsonNode tab : tabs.json()) {
            String tabId = tab.get("id").asText();
            browser.find("#tab-" + tabId).click();
            JsonNode content = http("viewer").get("/api/clients/" + id + "/tabs/" + tabId + "?limit=50&offset=0").json();
            int blocks = content.get("blocks").size();
            browser.await(tabId + " shows its " + blocks + " blocks", d -> "true".equals(browser.find("#tab-" + tabId)
                    .getAttribute("aria-selected")) && "false".equals(browser.find("#tab-panel").getAttribute("aria-busy"))
                    && browser.all("#tab-panel .blocks > .block").size() == blocks);
            for (JsonNode block : content.get("blocks")) {
                if (block.hasNonNull("title")) {
                    assertTrue(tabId + ": " + block.get("title"), browser.find("#tab-panel").getText().contains(block.get("title").asText()));
                }
            }
            // status cells show the column's label for their value, not the raw value
            Map<String, String> labels = new HashMap<>();
            for (JsonNode block : content.get("blocks")) {
                for (JsonNode column : block.path("columns")) {
                    column.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                }
            }
            List<WebElement> statuses = browser.all("#tab-panel span.status");
            for (WebElement status : statuses) {
                String value = status.getAttribute("data-value");
                if (labels.containsKey(value)) {
                    assertEquals(tabId + " " + value, labels.get(value), status.getText());
                }
            }
            if ("projects".equals(tabId)) {
                assertTrue("the projects tab shows statuses", !statuses.isEmpty());
                assertTrue(statuses.get(0).getText(), Set.of("Active", "On hold", "Done", "Open")
                        .contains(statuses.get(0).getText()));
            }
            if ("projects".equals(tabId) || "orders".equals(tabId)) {
                browser.screenshot("04-tab-" + tabId);
            }
        }
        // keyboard: arrows move between tabs
        browser.find("#tab-" + tabs.json().get(0).get("id").asText()).click();
        browser.focused().sendKeys(Keys.ARROW_RIGHT);
        assertEquals("tab-" + tabs.json().get(1).get("id").asText(), browser.focused().getAttribute("id"));
        assertEquals("true", browser.focused().getAttribute("aria-selected"));
    }

    // ---- 5. contact details: editing with If-Match, a 412 is said and offers to reload

    @Test
    public void a6_editContactDetailsDetectsAConcurrentChange() throws IOException {
        JsonNode created = create(client("Konflikt " + letters(6) + " KG"));
        String id = created.get("id").asText();
        openProfile(id);
        browser.find("#edit-contact").click();
        browser.shown("#edit-dialog");
        field("phone").sendKeys("+49 30 111111");

        // meanwhile a colleague changes the client
        Http.Answer other = http("editor").patch("/api/clients/" + id, Map.of("phone", "+49 40 222222"), "If-Match", "\"1\"");
        assertEquals(other.toString(), 200, other.status());

        browser.find("#edit-dialog button[type=submit]").click();
        WebElement reload = browser.shown("#conflict-reload");
        assertTrue(browser.find("#edit-dialog .conflict").getText().contains("Someone else changed this client"));
        assertEquals("conflict-reload", browser.focused().getAttribute("id"));
        assertEquals("+49 40 222222", http("viewer").get("/api/clients/" + id).json().get("phone").asText());
        browser.screenshot("05-edit-conflict");

        reload.click();
        browser.await("the current phone in the form", d -> "+49 40 222222".equals(field("phone").getAttribute("value")));
        field("phone").clear();
        field("phone").sendKeys("+49 30 333333");
        browser.find("#edit-dialog button[type=submit]").click();
        browser.await("dialog closed", d -> browser.all("#edit-dialog").isEmpty());
        browser.await("panel shows the new phone", d -> browser.find("#panel-phone").getText().equals("+49 30 333333"));
        JsonNode now = http("viewer").get("/api/clients/" + id).json();
        assertEquals("+49 30 333333", now.get("phone").asText());
        assertEquals(3, now.get("version").asInt());
    }

    // ---- 5. files: upload into an upload block, download again

    @Test
    public void a7_uploadAndDownloadAFile() throws IOException {
        JsonNode created = create(client("Dateien " + letters(6) + " GmbH"));
        String id = created.get("id").asText();
        Http.Answer tabs = http("viewer").get("/api/clients/" + id + "/tabs");
        assumeTrue("tabs not served yet", tabs.status() == 200);
        String uploadTab = null;
        for (JsonNode t : tabs.json()) {
            JsonNode content = http("viewer").get("/api/clients/" + id + "/tabs/" + t.get("id").asText()).json();
            for (JsonNode b : content.path("blocks")) {
                if ("upload".equals(b.path("kind").asText())) {
                    uploadTab = t.get("id").asText();
                }
            }
        }
        assumeTrue("no tab offers an upload block yet", uploadTab != null);
        openProfile(id);
        browser.find("#tab-" + uploadTab).click();
        WebElement input = browser.shown("#tab-panel .block-upload input[type=file]");
        String fileName = "angebot-" + letters(5) + ".txt";
        Path file = TARGET.resolve(fileName);
        String text = "Angebot für " + created.get("legalName").asText() + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        input.sendKeys(file.toAbsolutePath().toString());
        browser.find("#tab-panel .block-upload button[type=submit]").click();
        WebElement download = browser.await("the file is listed", d -> d.findElements(By.cssSelector("#tab-panel button.download"))
                .stream().filter(b -> b.getText().contains(fileName)).findFirst().orElse(null));
        browser.screenshot("06-tab-" + uploadTab);
        download.click();
        Path saved = browser.downloads.resolve(fileName);
        browser.await("downloaded", d -> Files.isRegularFile(saved));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> text.equals(Files.readString(saved)));
    }

    // ---- 4. the ⋯ menu: import with errors, export with the current filter

    @Test
    public void a4_importWithErrorsAndExportWithFilter() throws IOException {
        String token = "Imp" + letters(7);
        openList();
        Path csv = TARGET.resolve(token + ".csv");
        Files.writeString(csv, "Firma;Straße;PLZ;Ort;Land;USt-IdNr\n"
                + token + " Eins GmbH;Hauptstr. 1;10115;Berlin;DE;" + deVat() + "\n"
                + token + " Zwei GmbH;Hauptstr. 2;10115;Berlin;DE;DE000000001\n"
                + ";Hauptstr. 3;10115;Berlin;DE;\n"
                + token + " Vier GmbH;Hauptstr. 4;20095;Hamburg;DE;\n", StandardCharsets.UTF_8);

        // the menu by keyboard: arrow down opens it on the first item, Esc closes it
        WebElement more = browser.find("#more-button");
        more.sendKeys(Keys.ARROW_DOWN);
        assertEquals("menu-import", browser.focused().getAttribute("id"));
        assertEquals("true", more.getAttribute("aria-expanded"));
        browser.focused().sendKeys(Keys.ESCAPE);
        assertEquals("more-button", browser.focused().getAttribute("id"));
        assertEquals("false", more.getAttribute("aria-expanded"));

        more.click();
        browser.find("#menu-import").click();
        browser.shown("#import-dialog");
        browser.find("#import-dialog input[type=file]").sendKeys(csv.toAbsolutePath().toString());
        browser.find("#import-dry-run").click();
        browser.await("the dry run answers", d -> !browser.find("#import-message").getText().isEmpty());
        assumeTrue("the import endpoints are not served yet: " + browser.find("#import-message").getText(), !browser.find("#import-message").getText().equals("Import is not available on this server."));
        browser.shown("#import-result .dialect");
        browser.shown("#import-result .mapping");
        assertTrue(browser.find("#import-message").getText(), browser.find("#import-message").getText().contains("nothing was saved"));
        assertEquals(0, http("viewer").get("/api/clients?q=" + token).json().get("total").asInt());
        WebElement rows = browser.shown("#import-rows");
        assertTrue(rows.getText(), rows.findElements(By.cssSelector("tr.outcome-error")).size() >= 2);
        browser.js("arguments[0].scrollIntoView({block: 'center'})", browser.find("#import-result .mapping"));
        browser.screenshot("07-import-dry-run");
        browser.js("arguments[0].scrollIntoView({block: 'center'})", rows);
        browser.screenshot("07-import-diff");

        // import the good rows, skip the bad ones, and fetch those to fix them
        new Select(browser.find("#import-dialog select[id^=mode]")).selectByValue("create");
        new Select(browser.find("#import-dialog select[id^=on-error]")).selectByValue("skip");
        browser.find("#import-start").click();
        browser.await("the import ends", d -> browser.find("#import-message").getText().matches("(?s).*(finished|failed|done).*"));
        WebElement progress = browser.find("#import-progress progress");
        assertEquals("4", progress.getAttribute("max"));
        assertEquals("4", progress.getAttribute("value"));
        assertEquals(2, http("viewer").get("/api/clients?q=" + token).json().get("total").asInt());
        browser.find("#download-errors").click();
        Path errors = await(() -> newest(browser.downloads, "-errors.csv", null));
        String failedRows = await(() -> {
            String text = Files.readString(errors, StandardCharsets.UTF_8);
            return text.contains("Hauptstr. 3") ? text : null;
        });
        assertTrue(failedRows, failedRows.contains(token + " Zwei GmbH"));
        assertFalse(failedRows, failedRows.contains(token + " Eins GmbH"));
        browser.screenshot("08-import-done");
        browser.find("#import-dialog .dialog-close").click();

        // export what the list shows
        WebElement search = browser.find("input[type=search]");
        search.clear();
        search.sendKeys(token);
        search.sendKeys(Keys.ENTER);
        int total = http("viewer").get("/api/clients?q=" + token).json().get("total").asInt();
        awaitSummary(total == 0 ? "No clients match." : "1–" + total + " of " + total);
        browser.find("#more-button").click();
        browser.find("#menu-export-csv").click();
        Path export = await(() -> newest(browser.downloads, ".csv", "-errors.csv"));
        String exported = Files.readString(export, StandardCharsets.UTF_8);
        assertEquals(exported, total, exported.lines().filter(l -> l.contains(token)).count());
    }

    // ---- 5. a tab that appears when its extension is installed

    @Test
    public void a8_aTabAppearsWhenItsExtensionIsInstalled() throws Exception {
        JsonNode created = create(client("Erweiterung " + letters(6) + " AG"));
        String id = created.get("id").asText();
        assumeTrue("tabs not served yet", http("viewer").get("/api/clients/" + id + "/tabs").status() == 200);
        openProfile(id);
        assertTrue(browser.all("#tab-" + EXTENSION_TAB).isEmpty());
        String out = shell("feature:install " + EXTENSION_FEATURE, "feature:list -i | grep " + EXTENSION_FEATURE);
        assertTrue(out, out.contains(EXTENSION_FEATURE));
        org.awaitility.Awaitility.await("the API lists the tab").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> http("viewer").get("/api/clients/" + id + "/tabs").raw().body().contains("\"" + EXTENSION_TAB + "\""));
        browser.driver.navigate().to(base + "/clientele/#/clients");
        openProfile(id);
        WebElement tab = browser.shown("#tab-" + EXTENSION_TAB);
        tab.click();
        browser.await("its content", d -> "false".equals(browser.find("#tab-panel").getAttribute("aria-busy"))
                && !browser.all("#tab-panel .block").isEmpty());
        browser.screenshot("09-extension-tab-" + EXTENSION_TAB);
    }

    // ---- 6. German, the keyboard, a phone

    @Test
    public void a9_germanKeyboardAndPhone() throws IOException {
        openList();
        new Select(browser.find("#header-tools select")).selectByValue("de");
        browser.await("German", d -> "Kunden".equals(browser.find("#nav-clients").getText()));
        assertEquals("Vertrieb", browser.find("#nav-sales").getText());
        assertEquals("+ Kunde hinzufügen", browser.find("#add-client").getText());
        assertEquals("de", browser.js("return localStorage.getItem('clientele.lang')"));

        // the dialog by keyboard: focus stays inside, Esc closes it and focus returns
        browser.find("#add-client").sendKeys(Keys.ENTER);
        browser.shown("#add-dialog");
        for (int i = 0; i < 25; i++) {
            browser.focused().sendKeys(Keys.TAB);
            assertTrue("focus left the dialog", (Boolean) browser.js("return document.getElementById('add-dialog').contains(document.activeElement)"));
        }
        browser.find("#add-dialog button[type=submit]").click();
        browser.await("German field errors", d -> "Pflichtfeld.".equals(error("legalName")));
        browser.focused().sendKeys(Keys.ESCAPE);
        browser.await("closed", d -> browser.all("#add-dialog").isEmpty());
        assertEquals("add-client", browser.focused().getAttribute("id"));

        // a visible focus ring on keyboard focus
        String outline = (String) browser.js("return getComputedStyle(document.activeElement).outlineStyle");
        assertEquals("solid", outline);

        // the API's texts follow the page's language: tab titles in German
        String id = create(client("Sprache " + letters(6) + " GmbH")).get("id").asText();
        Http.Answer tabs = http("viewer").get("/api/clients/" + id + "/tabs", "Accept-Language", "de");
        if (tabs.status() == 200) {
            openProfile(id);
            List<String> german = new ArrayList<>();
            tabs.json().forEach(t -> german.add(t.get("title").asText()));
            assertEquals(german, browser.all("[role=tab]").stream().map(WebElement::getText).toList());
            assertTrue(german.toString(), german.contains("Kontaktdaten") || german.contains("Überblick"));
            browser.screenshot("12-profile-german");
        }

        // a phone: no sideways scrolling, the main actions at hand
        browser.size(390, 844);
        openList();
        browser.await("cards", d -> !browser.all("#client-table tbody tr").isEmpty());
        assertTrue((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"));
        assertTrue(browser.find("#add-client").isDisplayed());
        assertTrue(browser.find("#more-button").isDisplayed());
        browser.screenshot("10-phone-list");
        browser.driver.findElement(By.cssSelector("#client-table tbody tr a.client-link")).click();
        browser.shown("aside.panel");
        assertTrue((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"));
        browser.screenshot("11-phone-profile");
        new Select(browser.find("#header-tools select")).selectByValue("en");
        browser.await("English again", d -> "Clients".equals(browser.find("#nav-clients").getText()));
    }

    // ---- helpers

    void signIn(String user, String password) {
        WebElement name = browser.shown("#sign-in-form input[name=username]");
        name.clear();
        name.sendKeys(user);
        WebElement pw = browser.find("#sign-in-form input[name=password]");
        pw.clear();
        pw.sendKeys(password);
        pw.sendKeys(Keys.ENTER);
    }

    void openList() {
        if (!browser.driver.getCurrentUrl().startsWith(base + "/clientele/")) {
            browser.driver.get(base + "/clientele/");
        }
        browser.js("location.hash = '#/clients'");
        if (!browser.all("#sign-in-form").isEmpty()) {
            signIn("editor", "editor-pw");
        }
        browser.shown("#client-table");
        browser.await("list loaded", d -> "false".equals(browser.find("#client-table").getAttribute("aria-busy"))
                && !browser.all("#client-table tbody tr").isEmpty());
    }

    void openProfile(String id) {
        openList();
        browser.js("location.hash = arguments[0]", "#/clients/" + id);
        browser.shown("aside.panel");
        browser.await("tab loaded", d -> "false".equals(browser.find("#tab-panel").getAttribute("aria-busy")));
    }

    void awaitSummary(String text) {
        browser.await("summary " + text, d -> text.equals(browser.find(".list-summary").getText()));
    }

    String firstName() {
        return browser.find("#client-table tbody tr:first-child a.client-link").getText();
    }

    WebElement field(String path) {
        return browser.find("dialog [name='" + path + "']");
    }

    String error(String path) {
        return browser.find("dialog [data-field='" + path + "'] .field-error").getText();
    }

    void clearRequestLog() {
        browser.js("performance.clearResourceTimings()");
    }

    @SuppressWarnings("unchecked")
    List<String> clientRequests() {
        List<String> all = (List<String>) browser.js("return performance.getEntriesByType('resource').map(e => e.name)");
        return all.stream().filter(n -> n.contains("/api/clients?")).collect(Collectors.toList());
    }

    String shell(String... commands) throws IOException, InterruptedException {
        if (karaf != null) {
            return karaf.shell("boss", "boss-pw", commands);
        }
        ProcessBuilder pb = new ProcessBuilder(karafHome.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a",
                Integer.toString(sshPort), "-u", "boss", "-p", "boss-pw", "-b").redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static JsonNode create(Map<String, Object> client) {
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

    static Map<String, Object> withTax(Map<String, Object> c, String taxId) {
        c.put("taxId", taxId);
        return c;
    }

    static String letters(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    /** A German VAT number with a correct ISO 7064 MOD 11,10 check digit. */
    static String deVat() {
        String digits = Integer.toString(ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
        int product = 10;
        for (char ch : digits.toCharArray()) {
            int sum = (ch - '0' + product) % 10;
            product = (2 * (sum == 0 ? 10 : sum)) % 11;
        }
        return "DE" + digits + (11 - product) % 10;
    }

    static Path newest(Path dir, String suffix, String except) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix) && (except == null || !p.toString().endsWith(except)))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified())).orElse(null);
        }
    }

    interface Io<T> {
        T get() throws IOException;
    }

    static <T> T await(Io<T> supplier) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(supplier::get, v -> v != null);
    }
}
