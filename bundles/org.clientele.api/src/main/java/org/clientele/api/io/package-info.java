/**
 * Import and export of client lists: the bulk path of the domain
 * ({@link org.clientele.api.io.ClientBulkService}), import jobs
 * ({@link org.clientele.api.io.ImportService}), exports
 * ({@link org.clientele.api.io.ExportService}) and the canonical columns both use
 * ({@link org.clientele.api.io.ClientColumns}).
 */
@Export
@Version("1.1.0")
package org.clientele.api.io;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
