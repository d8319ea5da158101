package org.clientele.api.overview;

import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds a client's overview from every installed {@link OverviewContributor}.
 * {@link org.clientele.api.NotFoundException} for an unknown client.
 */
@ProviderType
public interface OverviewService {

    Overview overview(String clientId, Locale locale);
}
