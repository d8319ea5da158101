package org.clientele.tab.projects.internal;

import org.clientele.api.spi.ClientErasure;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Deletes a client's time entries, tasks and projects inside the erase transaction. */
@Component(service = ClientErasure.class)
public class ProjectsErasure implements ClientErasure {

    private final Projects projects;

    @Activate
    public ProjectsErasure(@Reference Projects projects) {
        this.projects = projects;
    }

    @Override
    public void erase(String clientId) {
        projects.eraseClient(clientId);
    }

    @Override
    public boolean holdsRecords(String clientId) {
        return projects.holdsClient(clientId);
    }
}
