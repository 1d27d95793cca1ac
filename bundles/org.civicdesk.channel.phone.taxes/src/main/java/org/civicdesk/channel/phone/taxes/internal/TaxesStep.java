package org.civicdesk.channel.phone.taxes.internal;

import java.util.Map;
import java.util.Optional;

import org.civicdesk.channel.phone.api.AbstractRobotStep;
import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.api.Next;
import org.civicdesk.channel.phone.api.RobotCall;
import org.civicdesk.channel.phone.api.RobotStep;
import org.civicdesk.datasource.tax.api.TaxInquiry;
import org.civicdesk.datasource.tax.api.TaxSummary;
import org.civicdesk.identity.api.Citizen;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robot's taxes option (R12): to an identified caller, the total owed to the local budget,
 * the next instalment and the unpaid fines, as the tax data source has them. A step of its own
 * bundle, installed with the phone channel while the tax feature runs: without the tax data
 * source the option is simply not in the menu, and the phone channel never wires to the tax API.
 */
@Component(service = RobotStep.class, property = {RobotStep.ID + "=taxes", RobotStep.ORDER + ":Integer=10",
    RobotStep.KEY + "=1"})
public class TaxesStep extends AbstractRobotStep {
    private static final Logger LOG = LoggerFactory.getLogger(TaxesStep.class);

    private final TaxInquiry taxes;

    @Activate
    public TaxesStep(@Reference TaxInquiry taxes) {
        super("taxes.properties");
        this.taxes = taxes;
    }

    @Override
    public boolean needsIdentifiedCaller() {
        return true;
    }

    @Override
    public Next run(RobotCall call) throws CallEndedException {
        Citizen citizen = call.citizen().orElseThrow();
        Optional<TaxSummary> facts;
        try {
            // Read (and audited) as the phone robot, on the caller's own request.
            facts = taxes.summary(call.actor(), citizen, "the caller asked the phone robot for their taxes");
        } catch (RuntimeException e) {
            LOG.warn("Call {}: the tax data source failed: {}", call.callId(), e.toString());
            call.say("unavailable");
            return Next.MENU;
        }
        if (facts.isEmpty() || facts.get().owedNow().signum() == 0 && facts.get().nextDueDate() == null
                && facts.get().unpaidFines() == 0) {
            call.say("taxesNone");
            return Next.MENU;
        }
        TaxSummary f = facts.get();
        StringBuilder text = new StringBuilder(call.text("taxesOwed", Map.of("amount", call.amount(f.owedNow()))));
        if (f.nextDueDate() != null) {
            text.append(' ').append(call.text("taxesNext", Map.of("amount", call.amount(f.nextDueAmount()),
                    "date", call.date(f.nextDueDate()))));
        }
        if (f.unpaidFines() > 0) {
            text.append(' ').append(call.text("taxesFines", Map.of("count", f.unpaidFines(),
                    "amount", call.amount(f.unpaidFinesAmount()))));
        }
        call.speak(text.toString());
        return Next.MENU;
    }
}
