package org.clientele.api.overview;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What an overview contributor is asked for.
 *
 * @param clientId the client's id
 * @param today    the current date, the reference for "overdue" and "due" (pinned in tests)
 * @param locale   the reader's language, for labels
 */
public record OverviewRequest(String clientId, LocalDate today, Locale locale) {

    /** {@code de} when the reader prefers German, else {@code en}. */
    public String text(String en, String de) {
        return locale != null && "de".equals(locale.getLanguage()) ? de : en;
    }
}
