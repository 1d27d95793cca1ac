/**
 * The request registry (R3–R7): request types with their workflow and deadline, requests with
 * a registration number and an append-only history from which their state is derived; and the
 * interactions (contacts with citizens) that lead to them or not.
 */
@Export
@Version("2.10.0")
package org.civicdesk.request.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
