package org.clientele.tab.projects.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.clientele.api.spi.DemoData;
import org.clientele.lib.summary.Summary;
import org.clientele.tab.projects.internal.Drafts.ProjectStatus;
import org.clientele.tab.projects.internal.Drafts.TaskStatus;
import org.clientele.tab.projects.internal.entity.ProjectEntity;
import org.clientele.tab.projects.internal.entity.TaskEntity;
import org.clientele.tab.projects.internal.entity.TimeEntryEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Demo records for one client, in one transaction: 2–4 projects (the first one ACTIVE) with
 * time entries over the last 60 days, and 4–10 tasks of which at least one is overdue, one
 * due within the week and one later or undated.
 */
@Component(service = DemoData.class)
public class ProjectsDemoData implements DemoData {

    static final String[] PROJECT_NAMES = {
        "Website-Relaunch 2026", "ERP-Migration SAP S/4HANA", "Onboarding Vertriebsteam", "Customer Portal MVP",
        "Datenschutz-Audit (DSGVO)", "Warehouse Scanner Rollout", "Jahresabschluss-Beratung", "CRM Data Cleanup",
        "Messestand Hannover Messe", "Mobile App iOS/Android"};
    static final String[] TASK_TITLES = {
        "Angebot nachfassen", "Kick-off-Termin vereinbaren", "Send revised estimate", "Anforderungen abstimmen",
        "Review test results", "Rechnung für Meilenstein 1 freigeben", "Prepare steering committee slides",
        "Zugangsdaten anfordern", "Update project plan", "Abnahmeprotokoll unterschreiben lassen",
        "Schedule training session", "Feedback der Fachabteilung einholen"};
    static final String[] NOTES = {
        "Workshop mit Fachabteilung", "Konzeption", "Implementation", "Abstimmung per Telefon", "Code review",
        "Testing", "Dokumentation", "Status meeting", null};

    private final Projects projects;

    @Activate
    public ProjectsDemoData(@Reference Projects projects) {
        this.projects = projects;
    }

    @Override
    public void populate(String clientId, RandomGenerator random, LocalDate today, String user) {
        long now = projects.now();
        projects.inTransaction(clientId, em -> {
            Summary summary = Projects.summary();
            List<ProjectEntity> created = new ArrayList<>();
            int projectCount = 2 + random.nextInt(3);
            List<String> names = new ArrayList<>(List.of(PROJECT_NAMES));
            for (int i = 0; i < projectCount; i++) {
                String name = names.remove(random.nextInt(names.size()));
                ProjectStatus status = i == 0 ? ProjectStatus.ACTIVE
                        : ProjectStatus.values()[random.nextInt(ProjectStatus.values().length)];
                ProjectEntity p = new ProjectEntity(clientId, name, status.name(), now);
                em.persist(p);
                Projects.count(summary, p, 1);
                created.add(p);
            }
            em.flush();
            for (ProjectEntity p : created) {
                int entries = 4 + random.nextInt(10);
                for (int e = 0; e < entries; e++) {
                    LocalDate date = today.minusDays(random.nextInt(60));
                    // 0.25 to 8.00 hours in quarter hours
                    BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(32)).multiply(new BigDecimal("0.25"))
                            .setScale(2);
                    TimeEntryEntity entry = new TimeEntryEntity(p.getPk(), clientId, date, hours,
                            NOTES[random.nextInt(NOTES.length)], user, now);
                    em.persist(entry);
                    Projects.count(summary, entry, 1);
                }
            }
            int taskCount = 4 + random.nextInt(7);
            List<String> titles = new ArrayList<>(List.of(TASK_TITLES));
            for (int i = 0; i < taskCount; i++) {
                // the first four cover every bucket: overdue, due, upcoming, undated
                int bucket = i < 4 ? i : random.nextInt(5);
                LocalDate due = switch (bucket) {
                    case 0 -> today.minusDays(1 + random.nextInt(14));
                    case 1 -> today.plusDays(random.nextInt(8));
                    case 2 -> today.plusDays(8 + random.nextInt(40));
                    case 3 -> null;
                    default -> today.minusDays(random.nextInt(30));
                };
                TaskStatus status = bucket == 4 ? TaskStatus.DONE : TaskStatus.OPEN;
                Long projectPk = random.nextInt(3) == 0 ? null : created.get(random.nextInt(created.size())).getPk();
                TaskEntity task = new TaskEntity(clientId, projectPk, titles.remove(random.nextInt(titles.size())), due,
                        status.name(), now);
                em.persist(task);
                Projects.count(summary, task, 1);
            }
            em.flush();
            summary.apply(em);
            return null;
        });
    }
}
