/**
 * The tab SPI: a {@link org.clientele.api.tab.ClientTab} service adds a tab to the client
 * profile. Its metadata are service properties (see {@link org.clientele.api.tab.Tab}), its
 * content is generic {@link org.clientele.api.tab.Block}s that every channel can show
 * without code of its own for the tab. {@link org.clientele.api.tab.TabService} is the
 * module's view of all installed tabs.
 */
@Export
@Version("1.1.0")
package org.clientele.api.tab;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
