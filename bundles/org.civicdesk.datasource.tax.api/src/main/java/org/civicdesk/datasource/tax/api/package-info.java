/**
 * What the tax data source tells the rest of CivicDesk (R9, R12): a taxpayer's full record for
 * operators, and the narrow {@link org.civicdesk.datasource.tax.api.TaxInquiry} the phone robot
 * uses. Consultation only: nothing here writes to the tax database.
 */
@Export
@Version("2.0.0")
package org.civicdesk.datasource.tax.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
