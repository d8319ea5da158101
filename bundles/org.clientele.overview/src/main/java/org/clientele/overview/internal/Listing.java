package org.clientele.overview.internal;

import java.util.Locale;
import java.util.Map;

/**
 * A well-formed whiteboard service (a tab or an overview contributor) with its metadata.
 *
 * @param id        the tab or section id
 * @param title     the English title
 * @param titles    titles by language, e.g. {@code de -> Projekte}
 * @param order     position; lower first
 * @param ranking   service ranking; the highest wins among services with the same id
 * @param serviceId service id; the lowest wins among equal rankings
 * @param origin    the registering bundle, for log lines
 * @param service   the service object
 * @param <T>       the service type
 */
record Listing<T>(String id, String title, Map<String, String> titles, int order, int ranking, long serviceId,
        String origin, T service) {

    Listing {
        titles = Map.copyOf(titles);
    }

    /** The title in the locale's language, else the English one. */
    String title(Locale locale) {
        if (locale != null) {
            String t = titles.get(locale.getLanguage());
            if (t != null) {
                return t;
            }
        }
        return title;
    }

    /** True when this listing wins over {@code other} for the same id. */
    boolean beats(Listing<?> other) {
        return ranking != other.ranking ? ranking > other.ranking : serviceId < other.serviceId;
    }
}
