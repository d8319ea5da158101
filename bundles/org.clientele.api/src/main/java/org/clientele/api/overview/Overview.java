package org.clientele.api.overview;

import java.time.LocalDate;
import java.util.List;

import org.clientele.api.Client;

/**
 * A client's overview.
 *
 * @param client   the legal and contact panel: the client as stored
 * @param today    the date the figures refer to
 * @param sections one per installed contributor, in display order
 */
public record Overview(Client client, LocalDate today, List<OverviewSection> sections) {
    public Overview {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }
}
