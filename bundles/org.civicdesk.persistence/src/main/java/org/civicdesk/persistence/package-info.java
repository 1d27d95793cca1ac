/**
 * Persistence helpers shared by the core bundles that own a persistence unit: local
 * transactions over an {@code EntityManagerFactory} service and the database-level guard that
 * makes history tables append-only. Plug-ins never use this package.
 */
@Export
@Version("1.0.0")
package org.civicdesk.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
