/**
 * The storage port: what the domain needs from a store. The persistence bundle implements
 * it (JPA on Derby or PostgreSQL); another store can replace it. Only the domain calls it:
 * every other bundle goes through {@link org.clientele.api.ClientService}, except the export
 * (org.clientele.io), which reads the whole list with {@link ClientStore#forEachClient}.
 */
@Export
@Version("1.2.0")
package org.clientele.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
