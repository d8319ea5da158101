/**
 * Services an extension bundle offers so that the module can include it in its own work:
 * erasing a client's records, loading demo data, serving REST resources under
 * {@code /api}.
 */
@Export
@Version("1.2.0")
package org.clientele.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
