/**
 * The data-source SPI: how a back-office system (tax database, document registry, …) adds what
 * it knows about a citizen to the operator's 360° view. A data-source bundle registers a
 * {@link org.civicdesk.datasource.api.CitizenProfileContributor} as a DS service; the core
 * assembles the profile from whichever contributors are installed at that moment.
 */
@Export
@Version("1.4.0")
package org.civicdesk.datasource.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
