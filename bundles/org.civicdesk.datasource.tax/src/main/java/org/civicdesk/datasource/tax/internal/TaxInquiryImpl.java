package org.civicdesk.datasource.tax.internal;

import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.datasource.tax.api.TaxInquiry;
import org.civicdesk.datasource.tax.api.TaxReaders;
import org.civicdesk.datasource.tax.api.TaxRecord;
import org.civicdesk.datasource.tax.api.TaxSummary;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.NationalIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Consultation of the tax database; every call is audited with the actor and the reason. */
@Component(service = TaxInquiry.class)
public class TaxInquiryImpl implements TaxInquiry {
    static final String TAX_DATASOURCE = "(osgi.jndi.service.name=civicdesk-tax)";
    private final TaxDatabase database;
    private final AuditLog audit;
    private final CityClock clock;

    @Activate
    public TaxInquiryImpl(@Reference(target = TAX_DATASOURCE) DataSource dataSource, @Reference AuditLog audit,
            @Reference CityClock clock) {
        this.database = new TaxDatabase(dataSource);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<TaxRecord> record(Actor actor, Citizen taxpayer, String reason) {
        requireReader(actor);
        String id = NationalIds.validate(taxpayer.nationalId());
        audit.record(new AuditEvent(actor.username(), "tax.read", "tax", "citizen", taxpayer.id(), AuditEvent.purpose(reason)));
        return read(database, id, clock);
    }

    @Override
    public Optional<TaxSummary> summary(Actor actor, Citizen taxpayer, String reason) {
        requireReader(actor);
        String id = NationalIds.validate(taxpayer.nationalId());
        audit.record(new AuditEvent(actor.username(), "tax.summary", "tax", "citizen", taxpayer.id(),
                AuditEvent.purpose(reason)));
        return read(database, id, clock).map(TaxDatabase::summarize);
    }

    private static void requireReader(Actor actor) {
        if (!TaxReaders.mayRead(actor)) {
            throw new AccessDeniedException("tax data is for operators, supervisors and admins");
        }
    }

    /** A taxpayer's record as of the city's today. */
    static Optional<TaxRecord> read(TaxDatabase database, String nationalId, CityClock clock) {
        try {
            return database.record(nationalId, clock.today());
        } catch (SQLException e) {
            throw new IllegalStateException("the tax database did not answer (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
