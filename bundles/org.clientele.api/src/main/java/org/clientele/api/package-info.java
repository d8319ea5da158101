/**
 * The client domain's public face: immutable records, {@link org.clientele.api.ClientService},
 * query and page types, and the domain exceptions that every channel (REST, shell, import)
 * turns into its own kind of error message.
 */
@Export
@Version("1.1.0")
package org.clientele.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
