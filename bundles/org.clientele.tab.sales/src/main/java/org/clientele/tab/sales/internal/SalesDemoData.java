package org.clientele.tab.sales.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

import org.clientele.api.spi.DemoData;
import org.clientele.tab.sales.internal.Records.DealDraft;
import org.clientele.tab.sales.internal.Records.InvoiceDraft;
import org.clientele.tab.sales.internal.Records.OrderDraft;
import org.clientele.tab.sales.internal.Records.QuoteDraft;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Demo records for one client: orders in EUR (one of them cancelled) and one in CHF or USD,
 * sales invoices in every status including two overdue ones and one purchase invoice, deals
 * in several stages and quotes. Numbers carry a random tag so that several demo clients do
 * not collide.
 */
@Component(service = DemoData.class)
public class SalesDemoData implements DemoData {

    private static final List<String> DEAL_TITLES = List.of("Framework agreement 2027", "Spare parts subscription",
            "Warehouse shelving", "Service contract extension", "Pilot installation", "Fleet upgrade");

    private final SalesStore store;

    @Activate
    public SalesDemoData(@Reference SalesStore store) {
        this.store = store;
    }

    @Override
    public void populate(String clientId, RandomGenerator random, LocalDate today, String user) {
        // the client's id in the tag: the same seed for another client gives other numbers
        long space = 36L * 36 * 36 * 36 * 36 * 36;
        String tag = Long.toString(Math.floorMod(31L * clientId.hashCode() + random.nextLong(space), space), 36)
                .toUpperCase(Locale.ROOT);
        String year = Integer.toString(today.getYear());

        OrderStatus[] orderStates = {OrderStatus.COMPLETED, OrderStatus.COMPLETED, OrderStatus.OPEN, OrderStatus.CANCELLED};
        for (int i = 0; i < orderStates.length; i++) {
            store.createOrder(clientId, new OrderDraft("SO-" + year + "-" + tag + "-" + (i + 1),
                    today.minusDays(10L + 20L * i + random.nextInt(5)), amount(random), "EUR", orderStates[i]));
        }
        store.createOrder(clientId, new OrderDraft("SO-" + year + "-" + tag + "-" + (orderStates.length + 1),
                today.minusDays(3), amount(random), random.nextBoolean() ? "CHF" : "USD", OrderStatus.OPEN));

        invoice(clientId, random, tag, 1, InvoiceKind.SALES, today.minusDays(2), 30, InvoiceStatus.DRAFT);
        invoice(clientId, random, tag, 2, InvoiceKind.SALES, today.minusDays(5), 30, InvoiceStatus.PENDING);
        invoice(clientId, random, tag, 3, InvoiceKind.SALES, today.minusDays(12), 30, InvoiceStatus.APPROVED);
        invoice(clientId, random, tag, 4, InvoiceKind.SALES, today.minusDays(70), 30, InvoiceStatus.PAID);
        invoice(clientId, random, tag, 5, InvoiceKind.SALES, today.minusDays(45), 30, InvoiceStatus.APPROVED);
        invoice(clientId, random, tag, 6, InvoiceKind.SALES, today.minusDays(40), 14, InvoiceStatus.PENDING);
        invoice(clientId, random, tag, 7, InvoiceKind.PURCHASE, today.minusDays(8), 30, InvoiceStatus.APPROVED);

        DealStage[] stages = {DealStage.LEAD, DealStage.QUALIFIED, DealStage.PROPOSAL, DealStage.WON, DealStage.LOST};
        int first = random.nextInt(DEAL_TITLES.size());
        for (int i = 0; i < stages.length - random.nextInt(2); i++) {
            store.createDeal(clientId, new DealDraft(DEAL_TITLES.get((first + i) % DEAL_TITLES.size()), stages[i],
                    amount(random), "EUR"));
        }

        QuoteStatus[] quoteStates = {QuoteStatus.DRAFT, QuoteStatus.SENT, QuoteStatus.ACCEPTED, QuoteStatus.REJECTED};
        for (int i = 0; i < quoteStates.length; i++) {
            store.createQuote(clientId, new QuoteDraft("QT-" + year + "-" + tag + "-" + (i + 1), amount(random), "EUR",
                    today.plusDays(30L - 15L * i), quoteStates[i]));
        }
    }

    private void invoice(String clientId, RandomGenerator random, String tag, int n, InvoiceKind kind,
            LocalDate issued, int days, InvoiceStatus status) {
        String number = (kind == InvoiceKind.SALES ? "RE-" : "ER-") + issued.getYear() + "-" + tag + "-" + n;
        store.createInvoice(clientId, new InvoiceDraft(kind, number, issued, issued.plusDays(days), amount(random), "EUR",
                status));
    }

    /** 200.00 to 5,000.00 with cents. */
    private static BigDecimal amount(RandomGenerator random) {
        return BigDecimal.valueOf(20_000 + random.nextInt(480_001), 2);
    }
}
