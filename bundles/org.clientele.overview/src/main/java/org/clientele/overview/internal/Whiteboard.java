package org.clientele.overview.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live services of one whiteboard (tabs or overview contributors) with their metadata
 * from service properties {@code <prefix>id}, {@code title}, {@code titles}, {@code order}.
 * Malformed services are logged once at WARN and not tracked. Among services with the same
 * id the highest {@code service.ranking} wins (then the lowest {@code service.id}); the
 * others stay tracked and come back when the winner leaves. Nothing is cached: every call
 * derives its answer from the services registered at that moment.
 *
 * @param <T> the service type
 */
final class Whiteboard<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Whiteboard.class);
    static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    static final int DEFAULT_ORDER = 1000;
    static final Comparator<Listing<?>> DISPLAY_ORDER = Comparator.<Listing<?>>comparingInt(Listing::order)
            .thenComparing(Listing::id);

    private final String prefix;
    private final String kind;
    private final Map<Long, Listing<T>> live = new ConcurrentHashMap<>();

    /**
     * @param prefix property prefix, e.g. {@code clientele.tab.}
     * @param kind   what the services are, for log lines, e.g. {@code tab}
     */
    Whiteboard(String prefix, String kind) {
        this.prefix = prefix;
        this.kind = kind;
    }

    /** Tracks a service registered with these properties; false when it is malformed. */
    boolean add(T service, Map<String, ?> properties, String origin) {
        List<String> problems = new ArrayList<>();
        Object serviceId = properties.get(Constants.SERVICE_ID);
        if (!(serviceId instanceof Long)) {
            problems.add(Constants.SERVICE_ID + " is missing");
        }
        String id = text(properties.get(prefix + "id"));
        if (id == null) {
            problems.add(prefix + "id is missing");
        } else if (!ID.matcher(id).matches()) {
            problems.add(prefix + "id '" + id + "' is not made of lower-case letters, digits and '-'");
        }
        String title = text(properties.get(prefix + "title"));
        if (title == null || title.isBlank()) {
            problems.add(prefix + "title is missing or blank");
        }
        Integer order = order(properties.get(prefix + "order"));
        if (order == null) {
            problems.add(prefix + "order '" + properties.get(prefix + "order") + "' is not an integer");
        }
        if (!problems.isEmpty()) {
            LOG.warn("Ignoring the {} service {} of bundle {}: {}", kind, properties.get(Constants.SERVICE_ID), origin,
                    String.join("; ", problems));
            return false;
        }
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Listing<T> listing = new Listing<>(id, title.strip(), titles(properties.get(prefix + "titles")), order,
                ranking instanceof Integer r ? r : 0, (Long) serviceId, origin, service);
        live.put(listing.serviceId(), listing);
        LOG.debug("Tracking {} '{}' (service {}, ranking {}) of bundle {}", kind, id, serviceId, listing.ranking(), origin);
        return true;
    }

    /** Stops tracking the service with these properties. */
    void remove(Map<String, ?> properties) {
        Object serviceId = properties.get(Constants.SERVICE_ID);
        Listing<T> gone = serviceId == null ? null : live.remove(serviceId);
        if (gone != null) {
            LOG.debug("No longer tracking {} '{}' (service {}) of bundle {}", kind, gone.id(), serviceId, gone.origin());
        }
    }

    /** Follows a change of a service's properties. */
    void update(T service, Map<String, ?> properties, String origin) {
        remove(properties);
        add(service, properties, origin);
    }

    /** The winning service of every id, in display order (order, then id). */
    List<Listing<T>> current() {
        Map<String, Listing<T>> winners = new HashMap<>();
        for (Listing<T> l : live.values()) {
            winners.merge(l.id(), l, (a, b) -> b.beats(a) ? b : a);
        }
        List<Listing<T>> sorted = new ArrayList<>(winners.values());
        sorted.sort(DISPLAY_ORDER);
        return sorted;
    }

    /** The winning service with this id. */
    Optional<Listing<T>> find(String id) {
        Listing<T> best = null;
        for (Listing<T> l : live.values()) {
            if (l.id().equals(id) && (best == null || l.beats(best))) {
                best = l;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A service reference's properties as a map. */
    static Map<String, Object> properties(ServiceReference<?> ref) {
        Map<String, Object> map = new HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            map.put(key, ref.getProperty(key));
        }
        return map;
    }

    /** The registering bundle of a service, for log lines. */
    static String origin(ServiceReference<?> ref) {
        var bundle = ref.getBundle();
        return bundle == null ? "(unregistered)"
                : bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private static Integer order(Object value) {
        if (value == null) {
            return DEFAULT_ORDER;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** {@code titles} as a String, String[] or collection of {@code language=title}; other entries are skipped. */
    private static Map<String, String> titles(Object value) {
        List<Object> entries = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            entries.addAll(c);
        } else if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                entries.add(Array.get(value, i));
            }
        } else if (value != null) {
            entries.add(value);
        }
        Map<String, String> titles = new LinkedHashMap<>();
        for (Object e : entries) {
            if (e instanceof String s) {
                int eq = s.indexOf('=');
                if (eq > 0 && eq < s.length() - 1 && !s.substring(eq + 1).isBlank()) {
                    titles.putIfAbsent(s.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT),
                            s.substring(eq + 1).strip());
                }
            }
        }
        return titles;
    }
}
