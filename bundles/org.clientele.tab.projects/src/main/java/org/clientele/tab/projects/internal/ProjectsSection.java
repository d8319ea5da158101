package org.clientele.tab.projects.internal;

import java.util.List;

import org.clientele.api.overview.Metric;
import org.clientele.api.overview.OverviewContributor;
import org.clientele.api.overview.OverviewRequest;
import org.clientele.api.overview.Section;
import org.clientele.tab.projects.internal.Projects.ProjectTotals;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Overview section {@code projects}: {@code count} (all projects), {@code active} (ACTIVE
 * ones), {@code hours} (sum of all time-entry hours, unit {@code h}).
 */
@Component(service = OverviewContributor.class)
@Section(id = "projects", title = "Projects", titles = "de=Projekte", order = 10)
public class ProjectsSection implements OverviewContributor {

    private final Projects projects;

    @Activate
    public ProjectsSection(@Reference Projects projects) {
        this.projects = projects;
    }

    @Override
    public List<Metric> metrics(OverviewRequest request) {
        ProjectTotals t = projects.projectTotals(request.clientId());
        return List.of(
                Metric.count("count", request.text("Projects", "Projekte"), t.count()),
                Metric.count("active", request.text("Active", "Aktiv"), t.active()),
                Metric.hours("hours", request.text("Hours booked", "Gebuchte Stunden"), t.hours()));
    }
}
