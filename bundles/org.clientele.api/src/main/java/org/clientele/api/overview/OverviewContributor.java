package org.clientele.api.overview;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adds one section of key figures to a client's overview; a whiteboard service with
 * {@link Section} properties. Contributors are called in parallel, each within a time
 * budget; one that throws or runs late gets a section marked {@code FAILED} or
 * {@code TIMEOUT} and the rest of the overview is shown as usual.
 */
@ConsumerType
public interface OverviewContributor {

    /**
     * The section's figures for one client that exists. Must answer from aggregate queries
     * (counts and sums in the database), never by loading a client's records.
     */
    List<Metric> metrics(OverviewRequest request);
}
