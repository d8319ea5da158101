package org.clientele.tab.projects.internal;

/** Public ids of projects, time entries and tasks: their primary keys as decimal strings. */
final class Keys {
    private Keys() {
    }

    /** The key for a public id, or null when it cannot be one of ours. */
    static Long parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 18) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return null;
            }
        }
        return Long.valueOf(id);
    }
}
