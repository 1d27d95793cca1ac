/**
 * Text on PDF pages as people read it: the one font every CivicDesk PDF embeds (DejaVu Sans: the standard PDF fonts
 * cannot write ș ț ă î â), text cleaned of what a font cannot draw, and lines wrapped to a width.
 */
@Export
@Version("1.0.0")
package org.civicdesk.pdf;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
