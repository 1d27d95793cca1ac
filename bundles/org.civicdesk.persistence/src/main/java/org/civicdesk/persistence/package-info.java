/**
 * Persistence helpers: local transactions over an {@code EntityManagerFactory} service for the
 * core bundles that own a persistence unit, plain JDBC for plug-ins that keep a few tables of
 * their own in CivicDesk's database, and {@link org.civicdesk.persistence.SchemaMigrations}, with
 * which every bundle that owns tables brings them up to date from its Liquibase changelog.
 */
@Export
@Version("2.9.0")
package org.civicdesk.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
