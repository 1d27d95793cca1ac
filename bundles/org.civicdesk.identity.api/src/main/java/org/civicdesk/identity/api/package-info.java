/**
 * Identity (R1, R2): staff accounts, departments and citizens, with validation of Romanian
 * national ids (CNP for persons, CUI/CIF for companies).
 */
@Export
@Version("1.14.0")
package org.civicdesk.identity.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
