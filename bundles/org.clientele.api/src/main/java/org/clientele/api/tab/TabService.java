package org.clientele.api.tab;

import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The client profile's tabs, built-in and extension tabs alike, as currently installed.
 * Errors are {@link org.clientele.api.ClientException}s:
 * {@link org.clientele.api.NotFoundException} for an unknown client or tab,
 * {@link org.clientele.api.ValidationException} for bad paging.
 */
@ProviderType
public interface TabService {

    /** The tabs for a client, in display order. */
    List<TabInfo> tabs(String clientId, Locale locale);

    /**
     * One tab's content. A tab that throws or runs past its time budget yields a view with
     * a single text block saying so, never an error for the whole request.
     */
    TabView tab(String clientId, String tabId, int limit, int offset, Locale locale);
}
