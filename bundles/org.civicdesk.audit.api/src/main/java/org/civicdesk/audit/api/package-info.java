/**
 * The audit trail (R18, R19): an append-only, hash-chained log of every access to citizen
 * data and every change of a record.
 */
@Export
@Version("1.7.0")
package org.civicdesk.audit.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
