package org.clientele.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

/**
 * The Sales extension in our distribution, as a REST consumer uses it: orders, invoices,
 * deals and quotes over REST, the overview sections {@code orders} and {@code invoices} at
 * every boundary on a pinned "today" (2026-03-16) in two currencies, the two tabs with
 * paging, validation, ETags, erasure with the client, and the feature coming and going.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SalesIT extends KarafTestSupport {
    static final String TODAY = "2026-03-16";
    static final String YESTERDAY = "2026-03-15";
    static final String TOMORROW = "2026-03-17";

    @Configuration
    public Option[] config() {
        return new Option[] {ourDistribution(), common(),
            editConfigurationFilePut("etc/org.clientele.overview.cfg", "pinnedDate", TODAY)};
    }

    @Before
    public void salesAreServed() {
        await("the API answers").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/tax-ids/DE136695976") == 200);
        // the API is rebuilt while services arrive after boot: create the probe within the wait
        String[] probe = new String[1];
        await("a client can be created").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Http.Answer a = http("editor").post("/api/clients",
                            ClientApiIT.client("Probe " + ClientApiIT.unique() + " GmbH"));
                    probe[0] = a.status() == 201 ? a.json().get("id").asText() : null;
                    return probe[0] != null;
                });
        await("the sales resources, tabs and sections are served").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/clients/" + probe[0] + "/orders") == 200
                        && http("viewer").statusOf("/api/clients/" + probe[0] + "/quotes") == 200
                        && hasTabs(probe[0]) && hasSections(probe[0]));
    }

    // ---- overview at every boundary, two currencies

    @Test
    public void a_overviewSectionsCountEveryBoundaryPerCurrency() {
        String client = newClient("Boundary");
        String other = newClient("Bystander");

        order(client, "SO", "2026-03-01", "100.00", "EUR", "OPEN");
        order(client, "SO", "2026-03-02", "250.50", "EUR", "COMPLETED");
        order(client, "SO", "2026-03-03", "999.99", "EUR", "CANCELLED");
        order(client, "SO", "2026-03-04", "40.05", "CHF", "COMPLETED");
        order(client, "SO", "2026-03-05", "10.00", "CHF", "CANCELLED");
        order(other, "SO", "2026-03-05", "7.00", "EUR", "COMPLETED");

        // due today: not overdue
        invoice(client, "SALES", "2026-02-14", TODAY, "100.00", "EUR", "APPROVED");
        invoice(client, "SALES", "2026-02-14", TODAY, "1.50", "EUR", "PENDING");
        // due tomorrow: not overdue
        invoice(client, "SALES", "2026-02-15", TOMORROW, "30.00", "EUR", "PENDING");
        invoice(client, "SALES", "2026-03-01", "2026-04-01", "5.00", "CHF", "PENDING");
        // due yesterday: overdue
        invoice(client, "SALES", "2026-02-13", YESTERDAY, "200.00", "EUR", "APPROVED");
        invoice(client, "SALES", "2026-02-13", YESTERDAY, "40.00", "EUR", "PENDING");
        invoice(client, "SALES", "2026-02-01", "2026-03-01", "11.10", "CHF", "APPROVED");
        // never counted: paid, draft, purchase invoices, another client's
        invoice(client, "SALES", "2026-02-13", YESTERDAY, "1000.00", "EUR", "PAID");
        invoice(client, "SALES", "2026-02-13", YESTERDAY, "2000.00", "EUR", "DRAFT");
        invoice(client, "PURCHASE", "2026-02-13", YESTERDAY, "3000.00", "EUR", "APPROVED");
        invoice(client, "PURCHASE", "2026-02-13", TODAY, "3000.00", "CHF", "PENDING");
        invoice(other, "SALES", "2026-02-13", YESTERDAY, "4000.00", "EUR", "APPROVED");

        JsonNode overview = ok(http("viewer").get("/api/clients/" + client + "/overview"));
        assertEquals(TODAY, overview.get("today").asText());
        Map<String, JsonNode> sections = sections(overview);
        List<String> order = new ArrayList<>(sections.keySet());
        assertTrue(order.toString(), order.indexOf("orders") >= 0 && order.indexOf("orders") < order.indexOf("invoices"));

        JsonNode orders = sections.get("orders");
        assertEquals("OK", orders.get("status").asText());
        assertEquals("Orders", orders.get("title").asText());
        assertEquals(List.of(
                "count - COUNT 3",
                "completed - COUNT 2",
                "total CHF AMOUNT 40.05",
                "total EUR AMOUNT 350.50"), metrics(orders));

        JsonNode invoices = sections.get("invoices");
        assertEquals("OK", invoices.get("status").asText());
        assertEquals(List.of(
                "approved - COUNT 1",
                "pending - COUNT 3",
                "overdue - COUNT 3",
                "approvedAmount CHF AMOUNT 0.00",
                "approvedAmount EUR AMOUNT 100.00",
                "pendingAmount CHF AMOUNT 5.00",
                "pendingAmount EUR AMOUNT 31.50",
                "overdueAmount CHF AMOUNT 11.10",
                "overdueAmount EUR AMOUNT 240.00"), metrics(invoices));

        Map<String, JsonNode> german = sections(ok(http("viewer").get("/api/clients/" + client + "/overview?lang=de")));
        assertEquals("Bestellungen", german.get("orders").get("title").asText());
        assertEquals("Verkaufsrechnungen", german.get("invoices").get("title").asText());

        // the bystander sees only its own
        Map<String, JsonNode> bystander = sections(ok(http("viewer").get("/api/clients/" + other + "/overview")));
        assertEquals(List.of("count - COUNT 1", "completed - COUNT 1", "total EUR AMOUNT 7.00"),
                metrics(bystander.get("orders")));
        assertEquals(List.of("approved - COUNT 0", "pending - COUNT 0", "overdue - COUNT 1",
                "approvedAmount EUR AMOUNT 0.00", "pendingAmount EUR AMOUNT 0.00", "overdueAmount EUR AMOUNT 4000.00"),
                metrics(bystander.get("invoices")));

        // a fresh client has zero counts and no amounts
        String empty = newClient("Empty");
        Map<String, JsonNode> none = sections(ok(http("viewer").get("/api/clients/" + empty + "/overview")));
        assertEquals(List.of("count - COUNT 0", "completed - COUNT 0"), metrics(none.get("orders")));
        assertEquals(List.of("approved - COUNT 0", "pending - COUNT 0", "overdue - COUNT 0"),
                metrics(none.get("invoices")));
    }

    // ---- tabs and lists with paging

    @Test
    public void b_tabsAndListsArePaged() {
        String client = newClient("Tabs");
        String so1 = order(client, "TAB", "2026-03-10", "1234.50", "EUR", "OPEN");
        order(client, "TAB", "2026-03-12", "0.99", "USD", "COMPLETED");
        order(client, "TAB", "2026-03-14", "10", "EUR", "CANCELLED");
        invoice(client, "SALES", "2026-02-01", YESTERDAY, "100.00", "EUR", "APPROVED");
        invoice(client, "SALES", "2026-02-02", TODAY, "200.00", "EUR", "PENDING");
        invoice(client, "PURCHASE", "2026-02-03", YESTERDAY, "300.00", "CHF", "PAID");
        String deal = deal(client, "Pilot installation", "LEAD", "5000.00");
        deal(client, "Fleet upgrade", "WON", "7000.00");
        String quote = quote(client, "2026-04-15", "SENT", "4500.00");

        JsonNode tabs = ok(http("viewer").get("/api/clients/" + client + "/tabs"));
        JsonNode ordersTab = find(tabs, "orders");
        assertNotNull(tabs.toString(), ordersTab);
        assertEquals("Orders / Sales invoices", ordersTab.get("title").asText());
        assertEquals(40, ordersTab.get("order").asInt());
        JsonNode dealsTab = find(tabs, "deals");
        assertEquals("Deals & Quotes", dealsTab.get("title").asText());
        assertEquals(50, dealsTab.get("order").asInt());
        JsonNode germanTabs = ok(http("viewer").get("/api/clients/" + client + "/tabs?lang=de"));
        assertEquals("Bestellungen / Verkaufsrechnungen", find(germanTabs, "orders").get("title").asText());
        assertEquals("Deals & Angebote", find(germanTabs, "deals").get("title").asText());

        JsonNode page1 = ok(http("viewer").get("/api/clients/" + client + "/tabs/orders?limit=2&offset=0"));
        JsonNode orders = page1.get("blocks").get(0);
        assertEquals("table", orders.get("kind").asText());
        assertEquals(List.of("number", "date", "amount", "currency", "status"), ids(orders.get("columns")));
        assertEquals("money", orders.get("columns").get(2).get("type").asText());
        assertEquals(3, orders.get("total").asLong());
        assertEquals(2, orders.get("rows").size());
        // newest first
        assertEquals(List.of("2026-03-14", "10.00", "EUR", "CANCELLED"), cells(orders.get("rows").get(0), 1));
        assertEquals(List.of("2026-03-12", "0.99", "USD", "COMPLETED"), cells(orders.get("rows").get(1), 1));
        JsonNode invoices = page1.get("blocks").get(1);
        assertEquals(List.of("kind", "number", "issueDate", "dueDate", "amount", "currency", "status", "overdue"),
                ids(invoices.get("columns")));
        assertEquals(3, invoices.get("total").asLong());
        assertEquals(List.of("PURCHASE"), cells(invoices.get("rows").get(0), 0).subList(0, 1));
        assertEquals(List.of("2026-02-03", YESTERDAY, "300.00", "CHF", "PAID", "no"),
                cells(invoices.get("rows").get(0), 2));
        assertEquals(List.of("2026-02-02", TODAY, "200.00", "EUR", "PENDING", "no"),
                cells(invoices.get("rows").get(1), 2));

        JsonNode page2 = ok(http("viewer").get("/api/clients/" + client + "/tabs/orders?limit=2&offset=2&lang=de"));
        orders = page2.get("blocks").get(0);
        assertEquals(3, orders.get("total").asLong());
        assertEquals(List.of("2026-03-10", "1234.50", "EUR", "OPEN"), cells(orders.get("rows").get(0), 1));
        // numbers link to the record
        assertEquals("link", orders.get("columns").get(0).get("type").asText());
        assertEquals("/api/orders/" + so1, orders.get("rows").get(0).get(0).get("href").asText());
        String soNumber = orders.get("rows").get(0).get(0).get("label").asText();
        assertEquals(soNumber, ok(http("viewer").get(orders.get("rows").get(0).get(0).get("href").asText()))
                .get("number").asText());
        assertEquals(1, orders.get("rows").size());
        invoices = page2.get("blocks").get(1);
        assertEquals(List.of("SALES"), cells(invoices.get("rows").get(0), 0).subList(0, 1));
        assertEquals(List.of("2026-02-01", YESTERDAY, "100.00", "EUR", "APPROVED", "ja"),
                cells(invoices.get("rows").get(0), 2));

        JsonNode dealsContent = ok(http("viewer").get("/api/clients/" + client + "/tabs/deals?limit=1"));
        JsonNode deals = dealsContent.get("blocks").get(0);
        assertEquals(List.of("title", "stage", "amount", "currency"), ids(deals.get("columns")));
        assertEquals(2, deals.get("total").asLong());
        assertEquals(1, deals.get("rows").size());
        assertEquals("Fleet upgrade", deals.get("rows").get(0).get(0).get("label").asText());
        assertEquals(List.of("WON", "7000.00", "EUR"), cells(deals.get("rows").get(0), 1));
        JsonNode quotes = dealsContent.get("blocks").get(1);
        assertEquals(List.of("number", "amount", "currency", "validUntil", "status"), ids(quotes.get("columns")));
        assertEquals(1, quotes.get("total").asLong());
        assertEquals(List.of("4500.00", "EUR", "2026-04-15", "SENT"), cells(quotes.get("rows").get(0), 1));
        assertEquals("/api/quotes/" + quote, quotes.get("rows").get(0).get(0).get("href").asText());

        // the REST lists: pages with total and Link headers, invoices filtered by kind
        Http.Answer list = http("viewer").get("/api/clients/" + client + "/orders?limit=2");
        JsonNode body = ok(list);
        assertEquals(3, body.get("total").asLong());
        assertEquals(2, body.get("items").size());
        assertTrue(list.header("Link"), list.header("Link").contains("rel=\"next\""));
        JsonNode last = ok(http("viewer").get("/api/clients/" + client + "/orders?limit=2&offset=2"));
        assertEquals(so1, last.get("items").get(0).get("id").asText());
        assertEquals("1234.50", last.get("items").get(0).get("amount").asText());
        assertTrue(last.get("items").get(0).get("amount").isTextual());
        assertEquals(3, ok(http("viewer").get("/api/clients/" + client + "/invoices")).get("total").asLong());
        JsonNode sales = ok(http("viewer").get("/api/clients/" + client + "/invoices?kind=SALES"));
        assertEquals(2, sales.get("total").asLong());
        JsonNode purchase = ok(http("viewer").get("/api/clients/" + client + "/invoices?kind=PURCHASE"));
        assertEquals(1, purchase.get("total").asLong());
        assertEquals("300.00", purchase.get("items").get(0).get("amount").asText());
        assertEquals(2, ok(http("viewer").get("/api/clients/" + client + "/deals")).get("total").asLong());
        assertEquals(1, ok(http("viewer").get("/api/clients/" + client + "/quotes")).get("total").asLong());

        JsonNode oneDeal = ok(http("viewer").get("/api/deals/" + deal));
        assertEquals("Pilot installation", oneDeal.get("title").asText());
        assertEquals("LEAD", oneDeal.get("stage").asText());
        assertEquals(client, oneDeal.get("clientId").asText());
        JsonNode oneQuote = ok(http("viewer").get("/api/quotes/" + quote));
        assertEquals("2026-04-15", oneQuote.get("validUntil").asText());
    }

    // ---- bad input

    @Test
    public void c_badInputIs422NamingTheFieldAndUnknownsAre404() {
        String client = newClient("Validation");
        String base = "/api/clients/" + client;

        Map<String, Object> o = orderBody("BAD-" + ClientApiIT.unique(), TODAY, "10.00", "EURO", "OPEN");
        assertEquals("INVALID", error(http("editor").post(base + "/orders", o), "currency"));
        o = orderBody("BAD-" + ClientApiIT.unique(), TODAY, "10.005", "EUR", "OPEN");
        assertEquals("TOO_MANY_DECIMALS", error(http("editor").post(base + "/orders", o), "amount"));
        o = orderBody("BAD-" + ClientApiIT.unique(), TODAY, "-1.00", "EUR", "OPEN");
        assertEquals("NEGATIVE", error(http("editor").post(base + "/orders", o), "amount"));
        o = orderBody("BAD-" + ClientApiIT.unique(), "16.03.2026", "1.00", "EUR", "SHIPPED");
        Http.Answer two = http("editor").post(base + "/orders", o);
        assertEquals("INVALID", error(two, "date"));
        assertEquals("INVALID", error(two, "status"));
        assertEquals(2, two.json().get("errors").size());

        Map<String, Object> inv = invoiceBody("SALES", "2026-03-16", "2026-03-15", "10.00", "EUR", "PENDING");
        assertEquals("BEFORE_ISSUE_DATE", error(http("editor").post(base + "/invoices", inv), "dueDate"));
        inv = invoiceBody("CREDIT", TODAY, TODAY, "10.00", "usd", "PENDING");
        assertEquals("INVALID", error(http("editor").post(base + "/invoices", inv), "kind"));
        assertEquals("REQUIRED", error(http("editor").post(base + "/deals", Map.of("amount", "1", "currency", "EUR")),
                "title"));
        Map<String, Object> q = new LinkedHashMap<>(Map.of("number", "Q-" + ClientApiIT.unique(), "amount", "1",
                "currency", "XQQ", "colour", "red"));
        Http.Answer quoteErrors = http("editor").post(base + "/quotes", q);
        assertEquals("INVALID", error(quoteErrors, "currency"));
        assertEquals("UNKNOWN_FIELD", error(quoteErrors, "colour"));
        assertEquals("INVALID", error(http("viewer").get(base + "/invoices?kind=CREDIT"), "kind"));
        assertEquals("INVALID", error(http("viewer").get(base + "/orders?limit=501"), "limit"));

        // a duplicate number
        String number = "DUP-" + ClientApiIT.unique();
        post(base + "/orders", orderBody(number, TODAY, "1.00", "EUR", "OPEN"));
        assertEquals("DUPLICATE", error(http("editor").post(base + "/orders", orderBody(number, TODAY, "2.00", "EUR",
                "OPEN")), "number"));
        // malformed JSON
        assertEquals(400, http("editor").post(base + "/orders", "{\"number\": ").status());

        // nothing of that was stored
        assertEquals(1, ok(http("viewer").get(base + "/orders")).get("total").asLong());
        assertEquals(0, ok(http("viewer").get(base + "/invoices")).get("total").asLong());
        assertEquals(0, ok(http("viewer").get(base + "/deals")).get("total").asLong());
        assertEquals(0, ok(http("viewer").get(base + "/quotes")).get("total").asLong());

        // unknown client and records
        for (String kind : List.of("orders", "invoices", "deals", "quotes")) {
            Http.Answer unknown = http("viewer").get("/api/clients/no-such-client/" + kind);
            assertEquals(unknown.toString(), 404, unknown.status());
            assertEquals("application/problem+json", unknown.header("Content-Type"));
            assertTrue(unknown.json().get("detail").asText().contains("no-such-client"));
            assertEquals(404, http("editor").post("/api/clients/no-such-client/" + kind, Map.of()).status());
            Http.Answer record = http("viewer").get("/api/" + kind + "/no-such-record");
            assertEquals(record.toString(), 404, record.status());
            assertEquals("application/problem+json", record.header("Content-Type"));
        }

        // roles
        assertEquals(403, http("viewer").post(base + "/orders", orderBody("R-" + ClientApiIT.unique(), TODAY, "1",
                "EUR", "OPEN")).status());
        assertEquals(401, http(null).get(base + "/orders").status());
        assertEquals(403, http("outsider").get(base + "/orders").status());
    }

    // ---- ETags

    @Test
    public void d_putAndDeleteNeedTheCurrentEtag() {
        String client = newClient("Etag");
        String id = order(client, "ETAG", "2026-03-01", "10.00", "EUR", "OPEN");
        Http.Answer read = http("viewer").get("/api/orders/" + id);
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals(304, http("viewer").get("/api/orders/" + id, "If-None-Match", "\"1\"").status());

        Map<String, Object> change = orderBody(read.json().get("number").asText(), "2026-03-02", "12.30", "EUR",
                "COMPLETED");
        Http.Answer missing = http("editor").put("/api/orders/" + id, change);
        assertEquals(missing.toString(), 428, missing.status());
        Http.Answer stale = http("editor").put("/api/orders/" + id, change, "If-Match", "\"7\"");
        assertEquals(stale.toString(), 412, stale.status());
        assertEquals("\"1\"", stale.json().get("currentEtag").asText());
        Http.Answer put = http("editor").put("/api/orders/" + id, change, "If-Match", "\"1\"");
        assertEquals(put.toString(), 200, put.status());
        assertEquals("\"2\"", put.header("ETag"));
        assertEquals("12.30", put.json().get("amount").asText());
        assertEquals("COMPLETED", put.json().get("status").asText());
        assertEquals(412, http("editor").put("/api/orders/" + id, change, "If-Match", "\"1\"").status());
        assertEquals("INVALID", error(http("editor").put("/api/orders/" + id,
                orderBody("X", TODAY, "1", "EURO", "OPEN"), "If-Match", "\"2\""), "currency"));
        assertEquals(403, http("viewer").put("/api/orders/" + id, change, "If-Match", "\"2\"").status());
        assertEquals(404, http("editor").put("/api/orders/no-such-order", change, "If-Match", "\"1\"").status());

        assertEquals(428, http("editor").delete("/api/orders/" + id).status());
        assertEquals(412, http("editor").delete("/api/orders/" + id, "If-Match", "\"1\"").status());
        assertEquals(204, http("editor").delete("/api/orders/" + id, "If-Match", "\"2\"").status());
        assertEquals(404, http("viewer").get("/api/orders/" + id).status());

        // the other three kinds alike
        String inv = invoice(client, "SALES", "2026-03-01", "2026-03-31", "10.00", "EUR", "DRAFT");
        Map<String, Object> approved = invoiceBody("SALES", "2026-03-01", "2026-03-31", "10.00", "EUR", "APPROVED");
        approved.put("number", ok(http("viewer").get("/api/invoices/" + inv)).get("number").asText());
        assertEquals(428, http("editor").put("/api/invoices/" + inv, approved).status());
        Http.Answer invPut = http("editor").put("/api/invoices/" + inv, approved, "If-Match", "*");
        assertEquals(invPut.toString(), 200, invPut.status());
        assertEquals("APPROVED", invPut.json().get("status").asText());
        assertEquals("\"2\"", http("viewer").get("/api/invoices/" + inv).header("ETag"));
        assertEquals(412, http("editor").delete("/api/invoices/" + inv, "If-Match", "\"1\"").status());
        assertEquals(204, http("editor").delete("/api/invoices/" + inv, "If-Match", "\"2\"").status());
        assertEquals(404, http("viewer").get("/api/invoices/" + inv).status());

        String deal = deal(client, "Versioned deal", "LEAD", "1.00");
        Map<String, Object> won = new LinkedHashMap<>(Map.of("title", "Versioned deal", "stage", "WON", "amount",
                "2.00", "currency", "EUR"));
        assertEquals(428, http("editor").put("/api/deals/" + deal, won).status());
        assertEquals(412, http("editor").put("/api/deals/" + deal, won, "If-Match", "\"2\"").status());
        assertEquals("WON", ok(http("editor").put("/api/deals/" + deal, won, "If-Match", "\"1\"")).get("stage").asText());
        assertEquals(204, http("editor").delete("/api/deals/" + deal, "If-Match", "\"2\"").status());

        String quote = quote(client, null, "DRAFT", "3.00");
        Map<String, Object> sent = new LinkedHashMap<>(Map.of("number", ok(http("viewer").get("/api/quotes/" + quote))
                .get("number").asText(), "amount", "3.00", "currency", "EUR", "validUntil", "2026-04-30", "status", "SENT"));
        assertEquals(428, http("editor").put("/api/quotes/" + quote, sent).status());
        assertEquals("2026-04-30", ok(http("editor").put("/api/quotes/" + quote, sent, "If-Match", "\"1\""))
                .get("validUntil").asText());
        assertEquals(428, http("editor").delete("/api/quotes/" + quote).status());
        assertEquals(204, http("editor").delete("/api/quotes/" + quote, "If-Match", "\"2\"").status());
        assertEquals(404, http("viewer").get("/api/quotes/" + quote).status());
    }

    // ---- erasure

    @Test
    public void e_erasingTheClientErasesItsSalesRecords() {
        String client = newClient("Erasable");
        String o = order(client, "ERASE", TODAY, "1.00", "EUR", "OPEN");
        String i = invoice(client, "SALES", TODAY, TODAY, "2.00", "EUR", "APPROVED");
        String p = invoice(client, "PURCHASE", TODAY, TODAY, "2.00", "EUR", "PENDING");
        String d = deal(client, "Doomed deal", "PROPOSAL", "3.00");
        String q = quote(client, TODAY, "SENT", "4.00");
        String survivor = newClient("Survivor");
        String kept = order(survivor, "KEEP", TODAY, "5.00", "EUR", "OPEN");
        String keptInvoice = invoice(survivor, "SALES", TODAY, TODAY, "6.00", "EUR", "PENDING");

        assertEquals(403, http("editor").delete("/api/clients/" + client, "If-Match", "\"1\"").status());
        Http.Answer erase = http("boss").delete("/api/clients/" + client, "If-Match", "\"1\"");
        assertEquals(erase.toString(), 204, erase.status());

        assertEquals(404, http("viewer").get("/api/orders/" + o).status());
        assertEquals(404, http("viewer").get("/api/invoices/" + i).status());
        assertEquals(404, http("viewer").get("/api/invoices/" + p).status());
        assertEquals(404, http("viewer").get("/api/deals/" + d).status());
        assertEquals(404, http("viewer").get("/api/quotes/" + q).status());
        for (String kind : List.of("orders", "invoices", "deals", "quotes")) {
            assertEquals(404, http("viewer").get("/api/clients/" + client + "/" + kind).status());
        }
        assertEquals(404, http("viewer").get("/api/clients/" + client + "/overview").status());
        assertEquals(200, http("viewer").get("/api/orders/" + kept).status());
        assertEquals(200, http("viewer").get("/api/invoices/" + keptInvoice).status());
        assertEquals(1, ok(http("viewer").get("/api/clients/" + survivor + "/orders")).get("total").asLong());
    }

    // ---- the feature comes and goes

    @Test
    public void f_uninstallingTheFeatureRemovesResourcesTabsAndSections() throws Exception {
        String client = newClient("Modular");
        String o = order(client, "MOD", TODAY, "9.99", "EUR", "COMPLETED");

        String out = shell("feature:uninstall clientele-sales");
        assertFalse(out, out.contains("Error"));
        await("the sales resources are gone").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/clients/" + client + "/orders") == 404);
        await("the tabs and sections are gone").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> hasNoTabs(client) && hasNoSections(client));
        assertEquals(404, http("viewer").get("/api/orders/" + o).status());
        assertEquals(404, http("viewer").get("/api/clients/" + client + "/tabs/orders").status());
        assertEquals(200, http("viewer").get("/api/clients/" + client).status());

        out = shell("feature:install clientele-sales");
        assertFalse(out, out.contains("Error"));
        await("the sales resources are back").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/clients/" + client + "/orders") == 200);
        await("the tabs and sections are back").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> hasTabs(client) && hasSections(client));
        assertEquals("9.99", ok(http("viewer").get("/api/orders/" + o)).get("amount").asText());
        assertEquals(List.of("count - COUNT 1", "completed - COUNT 1", "total EUR AMOUNT 9.99"),
                metrics(sections(ok(http("viewer").get("/api/clients/" + client + "/overview"))).get("orders")));
    }

    // ---- helpers

    private static Set<String> tabIds(String client) {
        Http.Answer a = http("viewer").get("/api/clients/" + client + "/tabs");
        if (a.status() != 200) {
            return null;
        }
        return Set.copyOf(ids(a.json()));
    }

    private static boolean hasTabs(String client) {
        Set<String> ids = tabIds(client);
        return ids != null && ids.contains("orders") && ids.contains("deals");
    }

    private static boolean hasNoTabs(String client) {
        Set<String> ids = tabIds(client);
        return ids != null && !ids.contains("orders") && !ids.contains("deals");
    }

    private static Set<String> sectionIds(String client) {
        Http.Answer a = http("viewer").get("/api/clients/" + client + "/overview");
        return a.status() == 200 ? sections(a.json()).keySet() : null;
    }

    private static boolean hasSections(String client) {
        Set<String> ids = sectionIds(client);
        return ids != null && ids.contains("orders") && ids.contains("invoices");
    }

    private static boolean hasNoSections(String client) {
        Set<String> ids = sectionIds(client);
        return ids != null && !ids.contains("orders") && !ids.contains("invoices");
    }

    private static String newClient(String prefix) {
        Http.Answer a = http("editor").post("/api/clients", ClientApiIT.client(prefix + " " + ClientApiIT.unique() + " GmbH"));
        assertEquals(a.toString(), 201, a.status());
        return a.json().get("id").asText();
    }

    private static Map<String, Object> orderBody(String number, String date, String amount, String currency,
            String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("date", date);
        m.put("amount", amount);
        m.put("currency", currency);
        m.put("status", status);
        return m;
    }

    private static Map<String, Object> invoiceBody(String kind, String issue, String due, String amount,
            String currency, String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("number", "RE-" + ClientApiIT.unique());
        m.put("issueDate", issue);
        m.put("dueDate", due);
        m.put("amount", amount);
        m.put("currency", currency);
        m.put("status", status);
        return m;
    }

    /** POSTs, expects 201 with Location /api/{kind}/{id} and ETag "1", and returns the record. */
    private static JsonNode post(String path, Map<String, Object> body) {
        Http.Answer a = http("editor").post(path, body);
        assertEquals(a.toString(), 201, a.status());
        String id = a.json().get("id").asText();
        String kind = path.substring(path.lastIndexOf('/') + 1);
        assertTrue(a.header("Location"), a.header("Location").endsWith("/api/" + kind + "/" + id));
        assertEquals("\"1\"", a.header("ETag"));
        assertEquals(1, a.json().get("version").asLong());
        return a.json();
    }

    private static String order(String client, String prefix, String date, String amount, String currency,
            String status) {
        JsonNode o = post("/api/clients/" + client + "/orders",
                orderBody(prefix + "-" + ClientApiIT.unique(), date, amount, currency, status));
        assertEquals(new BigDecimal(amount).setScale(2).toPlainString(), o.get("amount").asText());
        assertEquals(client, o.get("clientId").asText());
        return o.get("id").asText();
    }

    private static String invoice(String client, String kind, String issue, String due, String amount,
            String currency, String status) {
        JsonNode i = post("/api/clients/" + client + "/invoices", invoiceBody(kind, issue, due, amount, currency, status));
        assertEquals(kind, i.get("kind").asText());
        assertEquals(due, i.get("dueDate").asText());
        return i.get("id").asText();
    }

    private static String deal(String client, String title, String stage, String amount) {
        return post("/api/clients/" + client + "/deals",
                new LinkedHashMap<>(Map.of("title", title, "stage", stage, "amount", amount, "currency", "EUR")))
                .get("id").asText();
    }

    private static String quote(String client, String validUntil, String status, String amount) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("number", "QT-" + ClientApiIT.unique());
        q.put("amount", amount);
        q.put("currency", "EUR");
        q.put("validUntil", validUntil);
        q.put("status", status);
        JsonNode created = post("/api/clients/" + client + "/quotes", q);
        if (validUntil == null) {
            assertTrue(created.get("validUntil").isNull());
        }
        return created.get("id").asText();
    }

    private static JsonNode ok(Http.Answer a) {
        assertEquals(a.toString(), 200, a.status());
        return a.json();
    }

    /** The code of the error for {@code field} in a 422 problem. */
    private static String error(Http.Answer a, String field) {
        assertEquals(a.toString(), 422, a.status());
        assertEquals("application/problem+json", a.header("Content-Type"));
        assertFalse(a.raw().body(), a.raw().body().contains("Exception"));
        for (JsonNode e : a.json().get("errors")) {
            if (field.equals(e.get("field").asText())) {
                assertFalse(e.get("message").asText().isBlank());
                return e.get("code").asText();
            }
        }
        throw new AssertionError("no error for " + field + ": " + a);
    }

    private static Map<String, JsonNode> sections(JsonNode overview) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        overview.get("sections").forEach(s -> m.put(s.get("id").asText(), s));
        return m;
    }

    /** A section's metrics as "id unit kind value" lines, in order; "-" for no unit; values at scale 2 for amounts. */
    private static List<String> metrics(JsonNode section) {
        assertNotNull(section);
        assertEquals(section.toString(), "OK", section.get("status").asText());
        List<String> lines = new ArrayList<>();
        for (JsonNode m : section.get("metrics")) {
            String kind = m.get("kind").asText();
            BigDecimal value = m.get("value").decimalValue();
            String text = "AMOUNT".equals(kind) ? value.setScale(2).toPlainString()
                    : value.stripTrailingZeros().toPlainString();
            assertFalse(m.get("label").asText().isBlank());
            lines.add(m.get("id").asText() + " " + (m.get("unit") == null || m.get("unit").isNull() ? "-" : m.get("unit").asText()) + " " + kind
                    + " " + text);
        }
        return lines;
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (id.equals(n.get("id").asText())) {
                return n;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    /** A table row's cells from {@code from} on, as text (null for JSON null). */
    private static List<String> cells(JsonNode row, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < row.size(); i++) {
            out.add(row.get(i).isNull() ? null : row.get(i).asText());
        }
        return out;
    }
}
