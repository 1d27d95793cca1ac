package org.civicdesk.datasource.tax.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.civicdesk.datasource.tax.internal.TaxCalculator.Assessment;
import org.civicdesk.datasource.tax.internal.TaxCalculator.Obligation;
import org.civicdesk.datasource.tax.internal.TaxCalculator.Payment;
import org.junit.Test;

/** Figures computed by hand, as a tax office clerk would. */
public class TaxCalculatorTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    private static BigDecimal lei(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    public void countsEveryStartedMonthOfDelay() {
        assertEquals(0, TaxCalculator.monthsLate(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-03-31")));
        assertEquals(1, TaxCalculator.monthsLate(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-04-01")));
        assertEquals(1, TaxCalculator.monthsLate(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-04-30")));
        assertEquals(2, TaxCalculator.monthsLate(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-05-01")));
        // 30 Sep 2025 to 23 Nov 2026: 1 year, 1 month and 23 days: 14 months or parts of a month.
        assertEquals(14, TaxCalculator.monthsLate(LocalDate.parse("2025-09-30"), TODAY));
    }

    @Test
    public void lastYearsUnpaidSecondInstalmentBearsIncreases() {
        // A car taxed 500 lei in 2025; only the first instalment (250) was paid, on time.
        Assessment a = TaxCalculator.assess(new Obligation(2025, lei("500"), BigDecimal.ZERO,
                List.of(new Payment(LocalDate.parse("2025-03-20"), lei("250"), "CH-1001"))), TODAY);
        assertEquals(lei("250.00"), a.instalments().get(0).paid());
        assertFalse(a.instalments().get(0).isOverdue());
        assertEquals(lei("250.00"), a.instalments().get(1).unpaid());
        assertEquals(14, a.instalments().get(1).monthsLate());
        assertEquals(lei("35.00"), a.instalments().get(1).increase()); // 250 × 1 % × 14
        assertEquals(lei("285.00"), a.owedNow());
    }

    @Test
    public void paymentsSettleTheOldestInstalmentFirstAndOddAmountsSplitToTheBan() {
        // 301.15 lei → 150.58 + 150.57; one late payment of 200 lei on 15 May 2026.
        Assessment a = TaxCalculator.assess(new Obligation(2026, lei("301.15"), BigDecimal.ZERO,
                List.of(new Payment(LocalDate.parse("2026-05-15"), lei("200"), "CH-2002"))), TODAY);
        assertEquals(lei("150.58"), a.instalments().get(0).amount());
        assertEquals(lei("150.57"), a.instalments().get(1).amount());
        assertEquals(lei("0.00"), a.instalments().get(0).unpaid());
        // The 49.42 left after the first instalment goes to the second: 150.57 - 49.42 = 101.15.
        assertEquals(lei("101.15"), a.instalments().get(1).unpaid());
        // 30 Sep to 23 Nov 2026: 1 month and 24 days → 2 → 101.15 × 2 % = 2.023 → 2.02
        assertEquals(lei("2.02"), a.instalments().get(1).increase());
        assertEquals(lei("103.17"), a.owedNow());
    }

    @Test
    public void payingTheWholeYearByMarchWithTheDiscountSettlesIt() {
        // 800 lei with a 10 % early-payment discount, 720 paid on 10 March.
        Assessment a = TaxCalculator.assess(new Obligation(2026, lei("800"), lei("10"),
                List.of(new Payment(LocalDate.parse("2026-03-10"), lei("720"), "CH-3003"))), TODAY);
        assertTrue(a.settledWithDiscount());
        assertEquals(lei("0.00"), a.unpaid());
        assertEquals(lei("0.00"), a.owedNow());
    }

    @Test
    public void notYetDueInstalmentsAreNotOwedNow() {
        Assessment a = TaxCalculator.assess(new Obligation(2026, lei("400"), BigDecimal.ZERO, List.of()),
                LocalDate.parse("2026-02-01"));
        assertEquals(lei("400.00"), a.unpaid());
        assertEquals(lei("0.00"), a.owedNow());
        assertEquals(lei("0.00"), a.increases());
    }
}
