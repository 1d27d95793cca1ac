package org.civicdesk.datasource.tax.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A taxpayer's full local-tax record as of a day: objects, obligations of the current year and
 * the five before it, and the totals an operator reads to a caller.
 *
 * @param arrearsByYear  unpaid principal plus increases, per earlier year that has any
 * @param owedNow        everything due and unpaid today, increases included
 * @param increases      the late-payment increases included in {@code owedNow}
 * @param paidThisYear   payments made in the current calendar year
 * @param nextDueDate    the next instalment still to pay, or {@code null}
 * @param nextDueAmount  its unpaid amount, or zero
 */
public record TaxRecord(String nationalId, String name, String fiscalAddress, LocalDate asOf, List<TaxObject> objects,
        List<TaxLine> lines, Map<Integer, BigDecimal> arrearsByYear, BigDecimal owedNow, BigDecimal increases,
        BigDecimal paidThisYear, LocalDate nextDueDate, BigDecimal nextDueAmount) {
}
