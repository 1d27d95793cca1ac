package org.civicdesk.datasource.tax.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One obligation on one object for one year, as it stands on the day of the record.
 *
 * @param objectId            the object it is owed for
 * @param year                the tax year
 * @param amount              the year's amount for this taxpayer, after reductions
 * @param settledWithDiscount paid in full by 31 March with the early-payment discount
 * @param instalments         the instalments, oldest first
 * @param payments            payments made for it
 */
public record TaxLine(String objectId, int year, BigDecimal amount, boolean settledWithDiscount,
        List<Instalment> instalments, List<PaymentMade> payments) {

    /** An instalment: amount, what is paid and unpaid, and the increase for late payment. */
    public record Instalment(LocalDate due, BigDecimal amount, BigDecimal paid, BigDecimal unpaid, int monthsLate,
            BigDecimal increase) {
    }

    /** A payment: date, amount, receipt number. */
    public record PaymentMade(LocalDate date, BigDecimal amount, String receipt) {
    }
}
