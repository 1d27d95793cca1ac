/**
 * What CivicDesk's web faces (the operator console, the citizens' portal) share: a servlet that
 * serves a bundle's pages with a strict content security policy. The city map they draw is served
 * at {@code /web/} ({@code map.js}, the base layer, {@code settings.json}).
 */
@Export
@Version("1.0.0")
package org.civicdesk.web.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
