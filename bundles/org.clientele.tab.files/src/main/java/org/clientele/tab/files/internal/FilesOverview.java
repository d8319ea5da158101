package org.clientele.tab.files.internal;

import java.math.BigDecimal;
import java.util.List;

import org.clientele.api.overview.Metric;
import org.clientele.api.overview.OverviewContributor;
import org.clientele.api.overview.OverviewRequest;
import org.clientele.api.overview.Section;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Overview section {@code files}: how many files a client has and their size (one COUNT/SUM query). */
@Component(service = OverviewContributor.class, name = "org.clientele.files.overview")
@Section(id = "files", title = "Files", titles = "de=Dateien", order = 50)
public class FilesOverview implements OverviewContributor {
    /** The unit of the size metric: bytes. */
    static final String BYTES = "B";

    private final FileStore store;

    @Activate
    public FilesOverview(@Reference FileStore store) {
        this.store = store;
    }

    @Override
    public List<Metric> metrics(OverviewRequest request) {
        FileStore.Usage usage = store.usage(request.clientId());
        return List.of(Metric.count("count", request.text("Files", "Dateien"), usage.count()),
                new Metric("size", request.text("Total size", "Gesamtgröße"), BigDecimal.valueOf(usage.bytes()), BYTES,
                        Metric.Kind.COUNT));
    }
}
