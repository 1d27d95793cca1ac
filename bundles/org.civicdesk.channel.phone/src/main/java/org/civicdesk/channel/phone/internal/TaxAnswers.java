package org.civicdesk.channel.phone.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.civicdesk.datasource.tax.api.TaxInquiry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The robot's window on the tax data source, a component of its own: it exists only while the
 * tax feature runs (the package is an optional import), and the robot offers the tax option only
 * while it does. Nothing of the tax API leaks into the robot's classes.
 */
@Component(service = TaxAnswers.class)
public class TaxAnswers {
    private final TaxInquiry taxes;

    /** What the robot reads to an identified caller. */
    record TaxFacts(BigDecimal owedNow, LocalDate nextDueDate, BigDecimal nextDueAmount, int unpaidFines,
            BigDecimal unpaidFinesAmount) {
    }

    @Activate
    public TaxAnswers(@Reference TaxInquiry taxes) {
        this.taxes = taxes;
    }

    /** The caller's taxes, read (and audited) as the phone robot on the caller's own request. */
    Optional<TaxFacts> of(Actor robot, String nationalId) {
        return taxes.summary(robot, nationalId, "the caller asked the phone robot for their taxes")
                .map(s -> new TaxFacts(s.owedNow(), s.nextDueDate(), s.nextDueAmount(), s.unpaidFines(),
                        s.unpaidFinesAmount()));
    }
}
