/**
 * Persistence helpers: local transactions over an {@code EntityManagerFactory} service for the
 * core bundles that own a persistence unit, and, for them and for plug-ins that keep a few
 * tables of their own in CivicDesk's database, creating those tables and the database-level
 * guard that makes history tables append-only; {@link org.civicdesk.persistence.SchemaMigrations}
 * brings a bundle's tables up to date from its Liquibase changelog.
 */
@Export
@Version("1.4.0")
package org.civicdesk.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
