package org.clientele.itests;

import java.util.Map;

/**
 * Records of the extension bundles for one client (projects, tasks, orders, invoices), made
 * through their REST resources so that the profile has figures to show. An extension that is
 * not installed answers 404, and its part is simply left out.
 */
final class Related {
    private Related() {
    }

    static void add(Http editor, String clientId) {
        String c = "/api/clients/" + clientId;
        Http.Answer project = editor.post(c + "/projects", Map.of("name", "Website relaunch", "status", "ACTIVE"));
        if (project.status() == 201) {
            String pid = project.json().get("id").asText();
            editor.post("/api/projects/" + pid + "/time-entries", Map.of("date", "2026-03-02", "hours", "6.5", "note", "Kick-off"));
            editor.post("/api/projects/" + pid + "/time-entries", Map.of("date", "2026-03-09", "hours", "4", "note", "Design"));
            editor.post(c + "/tasks", Map.of("title", "Send offer", "dueDate", "2026-01-10", "status", "OPEN", "projectId", pid));
        }
        editor.post(c + "/projects", Map.of("name", "Support 2026", "status", "ON_HOLD"));
        editor.post(c + "/orders", Map.of("number", "A-1001", "date", "2026-02-01", "amount", "1234.50", "currency", "EUR",
                "status", "COMPLETED"));
        editor.post(c + "/orders", Map.of("number", "A-1002", "date", "2026-02-15", "amount", "99.00", "currency", "EUR",
                "status", "OPEN"));
        editor.post(c + "/invoices", Map.of("kind", "SALES", "number", "R-2001", "issueDate", "2026-01-05", "dueDate",
                "2026-02-04", "amount", "1234.50", "currency", "EUR", "status", "APPROVED"));
        editor.post(c + "/deals", Map.of("title", "Rahmenvertrag", "stage", "PROPOSAL", "amount", "25000.00", "currency", "EUR"));
    }
}
