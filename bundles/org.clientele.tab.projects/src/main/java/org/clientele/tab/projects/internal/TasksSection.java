package org.clientele.tab.projects.internal;

import java.util.List;

import org.clientele.api.overview.Metric;
import org.clientele.api.overview.OverviewContributor;
import org.clientele.api.overview.OverviewRequest;
import org.clientele.api.overview.Section;
import org.clientele.tab.projects.internal.Projects.TaskBuckets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Overview section {@code tasks}, OPEN tasks only, a partition: {@code overdue} (due before
 * today), {@code due} (due today to today+7), {@code upcoming} (later, or no due date).
 */
@Component(service = OverviewContributor.class)
@Section(id = "tasks", title = "Tasks", titles = "de=Aufgaben", order = 20)
public class TasksSection implements OverviewContributor {

    private final Projects projects;

    @Activate
    public TasksSection(@Reference Projects projects) {
        this.projects = projects;
    }

    @Override
    public List<Metric> metrics(OverviewRequest request) {
        TaskBuckets b = projects.taskBuckets(request.clientId(), request.today());
        return List.of(
                Metric.count("overdue", request.text("Overdue", "Überfällig"), b.overdue()),
                Metric.count("due", request.text("Due within 7 days", "Fällig in 7 Tagen"), b.due()),
                Metric.count("upcoming", request.text("Later or undated", "Später oder ohne Termin"), b.upcoming()));
    }
}
