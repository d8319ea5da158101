package org.clientele.tab.projects.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.clientele.api.Page;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.ClientTab;
import org.clientele.api.tab.Tab;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.clientele.tab.projects.internal.Drafts.ProjectStatus;
import org.clientele.tab.projects.internal.Drafts.TaskStatus;
import org.clientele.tab.projects.internal.Projects.OpenTask;
import org.clientele.tab.projects.internal.Views.ProjectView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Projects tab: a page of the client's projects (name, status, booked hours, open
 * tasks), then a page of its open tasks by due date (title, due date, status, project).
 * Both tables use the request's limit and offset; totals come from counts.
 */
@Component(service = ClientTab.class)
@Tab(id = "projects", title = "Projects", titles = "de=Projekte", order = 30)
public class ProjectsTab implements ClientTab {

    private final Projects projects;

    @Activate
    public ProjectsTab(@Reference Projects projects) {
        this.projects = projects;
    }

    @Override
    public TabContent render(TabRequest request) {
        Page<ProjectView> page = projects.projects(request.clientId(), request.limit(), request.offset());
        List<List<Object>> projectRows = new ArrayList<>();
        for (ProjectView p : page.items()) {
            projectRows.add(List.of(new Block.Link(p.name(), "/api/projects/" + p.id()), p.status(), p.hours(),
                    p.openTasks()));
        }
        Block.Table projectTable = new Block.Table(request.text("Projects", "Projekte"), List.of(
                new Block.Column("name", request.text("Name", "Name"), "link"),
                Block.Column.status("status", request.text("Status", "Status"), ProjectStatus.class,
                        s -> switch (s) {
                            case ACTIVE -> request.text("Active", "Aktiv");
                            case ON_HOLD -> request.text("On hold", "Pausiert");
                            case DONE -> request.text("Done", "Abgeschlossen");
                        }),
                new Block.Column("hours", request.text("Hours", "Stunden"), "hours"),
                new Block.Column("openTasks", request.text("Open tasks", "Offene Aufgaben"), "number")),
                projectRows, page.total());

        Page<OpenTask> tasks = projects.openTasks(request.clientId(), request.limit(), request.offset());
        List<List<Object>> taskRows = new ArrayList<>();
        for (OpenTask t : tasks.items()) {
            List<Object> row = new ArrayList<>();
            row.add(t.task().title());
            row.add(t.task().dueDate() == null ? null : LocalDate.parse(t.task().dueDate()));
            row.add(t.task().status());
            row.add(t.projectName());
            taskRows.add(row);
        }
        Block.Table taskTable = new Block.Table(request.text("Open tasks", "Offene Aufgaben"), List.of(
                new Block.Column("title", request.text("Task", "Aufgabe"), "text"),
                new Block.Column("dueDate", request.text("Due", "Fällig"), "date"),
                Block.Column.status("status", request.text("Status", "Status"), TaskStatus.class,
                        s -> switch (s) {
                            case OPEN -> request.text("Open", "Offen");
                            case DONE -> request.text("Done", "Erledigt");
                        }),
                new Block.Column("project", request.text("Project", "Projekt"), "text")),
                taskRows, tasks.total());
        return TabContent.of(projectTable, taskTable);
    }
}
