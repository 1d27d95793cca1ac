/**
 * What the document management data source offers the rest of CivicDesk (R8, R10): files
 * attached to requests, stored content-addressed and checked on every read; the knowledge
 * base of "acts and problems" that answers a caller at once; and the hand-off of requests and their files
 * to an external document management system ({@link org.civicdesk.datasource.documents.api.DocumentArchive}).
 */
@Export
@Version("1.2.0")
package org.civicdesk.datasource.documents.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
