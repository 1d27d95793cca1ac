package org.civicdesk.datasource.tax.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic of Romanian local taxes, as of a given day: an annual tax is due in two equal
 * instalments (31 March and 30 September); payments settle the oldest instalment first; an
 * unpaid instalment bears a late-payment increase of 1 % of the unpaid principal for each month
 * or part of a month since its due date; paying the whole year by 31 March earns the
 * early-payment discount when the object has one. One-off obligations (fines, fees) are due
 * whole on their own date; fines bear no increases (the fiscal procedure code charges no
 * accessories on fines). Amounts are in lei with two decimals.
 */
final class TaxCalculator {
    static final BigDecimal MONTHLY_INCREASE = new BigDecimal("0.01");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal NONE = BigDecimal.ZERO.setScale(2);

    private TaxCalculator() {
    }

    /** A payment made for one obligation. */
    record Payment(LocalDate date, BigDecimal amount, String receipt) {
    }

    /**
     * One taxable object's tax for one year.
     *
     * @param annualAmount          the year's tax after reductions and exemptions
     * @param earlyDiscountPercent  discount for paying the whole year by 31 March (0 when none)
     */
    record Obligation(int year, BigDecimal annualAmount, BigDecimal earlyDiscountPercent, LocalDate dueDate,
            boolean bearsIncreases, List<Payment> payments) {
        /** An annual tax, due in the two legal instalments. */
        Obligation(int year, BigDecimal annualAmount, BigDecimal earlyDiscountPercent, List<Payment> payments) {
            this(year, annualAmount, earlyDiscountPercent, null, true, payments);
        }
    }

    /** An instalment as it stands on the day of the assessment. */
    record InstalmentStatus(LocalDate due, BigDecimal amount, BigDecimal paid, BigDecimal unpaid, int monthsLate,
            BigDecimal increase) {
        boolean isOverdue() {
            return monthsLate > 0 && unpaid.signum() > 0;
        }
    }

    /** The obligation as it stands: its instalments, and whether the early discount settled it. */
    record Assessment(int year, List<InstalmentStatus> instalments, boolean settledWithDiscount) {
        BigDecimal unpaid() {
            return instalments.stream().map(InstalmentStatus::unpaid).reduce(NONE, BigDecimal::add);
        }

        BigDecimal increases() {
            return instalments.stream().map(InstalmentStatus::increase).reduce(NONE, BigDecimal::add);
        }

        /** Unpaid principal already due plus its increases. */
        BigDecimal owedNow() {
            return instalments.stream().filter(InstalmentStatus::isOverdue).map(i -> i.unpaid().add(i.increase()))
                    .reduce(NONE, BigDecimal::add);
        }
    }

    static LocalDate firstDue(int year) {
        return LocalDate.of(year, 3, 31);
    }

    static LocalDate secondDue(int year) {
        return LocalDate.of(year, 9, 30);
    }

    /** Months or parts of a month from the day after {@code due} to {@code asOf}; 0 when not yet late. */
    static int monthsLate(LocalDate due, LocalDate asOf) {
        if (!asOf.isAfter(due)) {
            return 0;
        }
        Period late = Period.between(due, asOf);
        return (int) late.toTotalMonths() + (late.getDays() > 0 ? 1 : 0);
    }

    static Assessment assess(Obligation obligation, LocalDate asOf) {
        BigDecimal annual = obligation.annualAmount().setScale(2, RoundingMode.HALF_UP);
        BigDecimal first = annual.divide(TWO, 2, RoundingMode.HALF_UP);
        BigDecimal[] amounts = {first, annual.subtract(first)};
        LocalDate[] dues = {firstDue(obligation.year()), secondDue(obligation.year())};
        if (obligation.dueDate() != null) {
            amounts = new BigDecimal[] {annual};
            dues = new LocalDate[] {obligation.dueDate()};
        }
        LocalDate firstDue = dues[0];

        List<Payment> payments = new ArrayList<>(obligation.payments());
        payments.sort(Comparator.comparing(Payment::date));
        BigDecimal paidByFirstDue = payments.stream().filter(p -> !p.date().isAfter(firstDue)).map(Payment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discount = obligation.earlyDiscountPercent() == null ? BigDecimal.ZERO : obligation.earlyDiscountPercent();
        BigDecimal discounted = annual.subtract(annual.multiply(discount).divide(HUNDRED, 2, RoundingMode.HALF_UP));
        if (discount.signum() > 0 && paidByFirstDue.compareTo(discounted) >= 0) {
            List<InstalmentStatus> settled = new ArrayList<>();
            for (int i = 0; i < amounts.length; i++) {
                settled.add(new InstalmentStatus(dues[i], amounts[i], amounts[i], NONE, 0, NONE));
            }
            return new Assessment(obligation.year(), settled, true);
        }

        BigDecimal available = payments.stream().filter(p -> !p.date().isAfter(asOf)).map(Payment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<InstalmentStatus> statuses = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            BigDecimal paid = available.min(amounts[i]);
            available = available.subtract(paid);
            BigDecimal unpaid = amounts[i].subtract(paid);
            int months = unpaid.signum() > 0 ? monthsLate(dues[i], asOf) : 0;
            BigDecimal increase = !obligation.bearsIncreases() ? NONE
                    : unpaid.multiply(MONTHLY_INCREASE).multiply(BigDecimal.valueOf(months)).setScale(2, RoundingMode.HALF_UP);
            statuses.add(new InstalmentStatus(dues[i], amounts[i], paid.setScale(2), unpaid.setScale(2), months, increase));
        }
        return new Assessment(obligation.year(), statuses, false);
    }
}
