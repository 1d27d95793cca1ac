/**
 * Types shared by every CivicDesk API: who is acting ({@link org.civicdesk.core.api.Actor}),
 * staff roles, paging and the exceptions every service throws for bad input.
 */
@Export
@Version("1.14.0")
package org.civicdesk.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
