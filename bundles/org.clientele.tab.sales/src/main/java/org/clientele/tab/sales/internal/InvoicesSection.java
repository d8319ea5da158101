package org.clientele.tab.sales.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.clientele.api.overview.Metric;
import org.clientele.api.overview.OverviewContributor;
import org.clientele.api.overview.OverviewRequest;
import org.clientele.api.overview.Section;
import org.clientele.tab.sales.internal.Records.Amounts;
import org.clientele.tab.sales.internal.Records.InvoiceFigures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Overview section {@code invoices}: the client's SALES invoices that are issued and unpaid
 * (PENDING or APPROVED), as a partition relative to the request's today: {@code approved}
 * (APPROVED, due today or later), {@code pending} (PENDING, due today or later),
 * {@code overdue} (either, due before today); then {@code approvedAmount},
 * {@code pendingAmount} and {@code overdueAmount}, one per currency each (in currency-code
 * order). DRAFT, PAID and PURCHASE invoices count nowhere. From one aggregate query.
 */
@Component(service = OverviewContributor.class)
@Section(id = "invoices", title = "Sales invoices", titles = "de=Verkaufsrechnungen", order = 40)
public class InvoicesSection implements OverviewContributor {

    private final SalesStore store;

    @Activate
    public InvoicesSection(@Reference SalesStore store) {
        this.store = store;
    }

    @Override
    public List<Metric> metrics(OverviewRequest r) {
        InvoiceFigures f = store.invoiceFigures(r.clientId(), r.today());
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.count("approved", r.text("Approved, not overdue", "Freigegeben, nicht überfällig"), f.approved()));
        metrics.add(Metric.count("pending", r.text("Pending, not overdue", "Ausstehend, nicht überfällig"), f.pending()));
        metrics.add(Metric.count("overdue", r.text("Overdue", "Überfällig"), f.overdue()));
        Map<String, Amounts> amounts = new TreeMap<>(f.amounts());
        amounts.forEach((currency, a) -> metrics.add(
                Metric.amount("approvedAmount", r.text("Approved amount", "Freigegebener Betrag"), a.approved(), currency)));
        amounts.forEach((currency, a) -> metrics.add(
                Metric.amount("pendingAmount", r.text("Pending amount", "Ausstehender Betrag"), a.pending(), currency)));
        amounts.forEach((currency, a) -> metrics.add(
                Metric.amount("overdueAmount", r.text("Overdue amount", "Überfälliger Betrag"), a.overdue(), currency)));
        return metrics;
    }
}
