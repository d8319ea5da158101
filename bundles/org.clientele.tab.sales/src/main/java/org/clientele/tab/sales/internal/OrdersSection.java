package org.clientele.tab.sales.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.clientele.api.overview.Metric;
import org.clientele.api.overview.OverviewContributor;
import org.clientele.api.overview.OverviewRequest;
import org.clientele.api.overview.Section;
import org.clientele.tab.sales.internal.Records.OrderFigures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Overview section {@code orders}: {@code count} (orders not cancelled), {@code completed}
 * (COMPLETED ones) and one {@code total} per currency (the sum of the non-cancelled amounts,
 * {@code unit} = the currency, in currency-code order). From one aggregate query.
 */
@Component(service = OverviewContributor.class)
@Section(id = "orders", title = "Orders", titles = "de=Bestellungen", order = 30)
public class OrdersSection implements OverviewContributor {

    private final SalesStore store;

    @Activate
    public OrdersSection(@Reference SalesStore store) {
        this.store = store;
    }

    @Override
    public List<Metric> metrics(OverviewRequest r) {
        OrderFigures f = store.orderFigures(r.clientId());
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.count("count", r.text("Orders (not cancelled)", "Bestellungen (ohne stornierte)"), f.count()));
        metrics.add(Metric.count("completed", r.text("Completed", "Abgeschlossen"), f.completed()));
        for (Map.Entry<String, BigDecimal> total : new TreeMap<>(f.totals()).entrySet()) {
            metrics.add(Metric.amount("total", r.text("Order total", "Bestellsumme"), total.getValue(), total.getKey()));
        }
        return metrics;
    }
}
