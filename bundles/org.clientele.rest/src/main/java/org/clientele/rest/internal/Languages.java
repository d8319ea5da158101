package org.clientele.rest.internal;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.core.HttpHeaders;

/** The reader's language for labels: {@code ?lang=}, else Accept-Language, else English. */
final class Languages {
    private static final List<String> SUPPORTED = List.of("en", "de");

    private Languages() {
    }

    static Locale of(String lang, HttpHeaders headers) {
        if (lang != null && SUPPORTED.contains(lang.strip().toLowerCase(Locale.ROOT))) {
            return Locale.forLanguageTag(lang.strip().toLowerCase(Locale.ROOT));
        }
        for (Locale l : headers.getAcceptableLanguages()) {
            if (SUPPORTED.contains(l.getLanguage())) {
                return Locale.forLanguageTag(l.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }
}
