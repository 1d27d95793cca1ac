package org.civicdesk.datasource.tax.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the phone robot reads to an identified caller (R12).
 *
 * @param owedNow        total due and unpaid today, increases included
 * @param nextDueDate    the next instalment, or {@code null}
 * @param nextDueAmount  its amount, or zero
 * @param unpaidFines    how many fines are unpaid
 * @param unpaidFinesAmount their total, increases included
 */
public record TaxSummary(BigDecimal owedNow, LocalDate nextDueDate, BigDecimal nextDueAmount, int unpaidFines,
        BigDecimal unpaidFinesAmount) {
}
