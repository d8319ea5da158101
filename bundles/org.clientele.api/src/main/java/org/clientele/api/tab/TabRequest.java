package org.clientele.api.tab;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What a tab is asked to show.
 *
 * @param clientId the client's id
 * @param limit    page size for tables, 1 to 500
 * @param offset   position of the first table row, 0 or more
 * @param today    the current date (pinned in tests)
 * @param locale   the reader's language, for labels
 */
public record TabRequest(String clientId, int limit, int offset, LocalDate today, Locale locale) {

    /** True when the reader prefers German. */
    public boolean german() {
        return locale != null && "de".equals(locale.getLanguage());
    }

    /** {@code de} when the reader prefers German, else {@code en}. */
    public String text(String en, String de) {
        return german() ? de : en;
    }
}
