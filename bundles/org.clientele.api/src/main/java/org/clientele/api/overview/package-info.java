/**
 * The overview SPI: an {@link org.clientele.api.overview.OverviewContributor} service adds
 * a section of key figures to a client's overview; {@link org.clientele.api.overview.OverviewService}
 * is the module's view of the whole overview.
 */
@Export
@Version("1.0.0")
package org.clientele.api.overview;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
