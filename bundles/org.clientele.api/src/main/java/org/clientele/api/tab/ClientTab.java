package org.clientele.api.tab;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A tab of the client profile, registered as a whiteboard service with {@link Tab}
 * properties. Tabs come and go with their bundles; the tab list follows at once. When two
 * tabs share an id, the one with the higher service ranking is shown; the other comes back
 * when the winner leaves.
 */
@ConsumerType
public interface ClientTab {

    /**
     * The tab's content for one client. Called only for clients that exist. Tables are paged
     * with the request's limit and offset and give their total. Must answer from the
     * database quickly: never load all of a client's records to show a page of them.
     */
    TabContent render(TabRequest request);
}
