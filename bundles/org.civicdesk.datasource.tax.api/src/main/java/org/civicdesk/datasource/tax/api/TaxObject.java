package org.civicdesk.datasource.tax.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A taxable object the taxpayer (co-)owns: a building, land, a vehicle, or another obligation
 * (concession, fine, permit fee).
 *
 * @param id           the tax office's id
 * @param kind         BUILDING, LAND, VEHICLE, CONCESSION, FINE or PERMIT_FEE
 * @param description  a one-line description for people ("Apartament rezidențial, 65 m²")
 * @param address      where it is, or {@code null}
 * @param sharePercent the taxpayer's ownership share
 * @param coOwners     the other owners and their shares
 * @param reductions   reductions and exemptions the taxpayer has on it
 */
public record TaxObject(String id, String kind, String description, String address, BigDecimal sharePercent,
        List<Owner> coOwners, List<Reduction> reductions) {

    /** A co-owner and their share. */
    public record Owner(String name, BigDecimal sharePercent) {
    }

    /** A reduction or exemption: kind, percentage, legal basis. */
    public record Reduction(String kind, BigDecimal percent, String legalBasis) {
    }
}
