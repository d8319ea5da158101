package org.clientele.api;

/** A record changed since the caller read it: the expected version is stale. */
public class VersionConflictException extends ClientException {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final long expectedVersion;
    private final long currentVersion;

    public VersionConflictException(String id, long expectedVersion, long currentVersion) {
        this("Client", id, expectedVersion, currentVersion);
    }

    /**
     * @param kind what changed, for people: "Client", "Project", "Invoice", …
     */
    public VersionConflictException(String kind, String id, long expectedVersion, long currentVersion) {
        super(kind + " '" + id + "' changed meanwhile (it is now at version " + currentVersion
                + "). Reload it and apply your change again.");
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public String id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
