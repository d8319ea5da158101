package org.clientele.overview.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Service properties as the framework would pass them, with a fresh service.id each. */
final class Props {
    private static final AtomicLong SERVICE_IDS = new AtomicLong(100);

    private Props() {
    }

    /** {@code <prefix>id}, title, order (null values are left out) plus service.id and optionally more pairs. */
    static Map<String, Object> of(String prefix, String id, String title, Object order, Object... more) {
        Map<String, Object> p = new HashMap<>();
        if (id != null) {
            p.put(prefix + "id", id);
        }
        if (title != null) {
            p.put(prefix + "title", title);
        }
        if (order != null) {
            p.put(prefix + "order", order);
        }
        p.put("service.id", SERVICE_IDS.incrementAndGet());
        for (int i = 0; i + 1 < more.length; i += 2) {
            p.put((String) more[i], more[i + 1]);
        }
        return p;
    }
}
