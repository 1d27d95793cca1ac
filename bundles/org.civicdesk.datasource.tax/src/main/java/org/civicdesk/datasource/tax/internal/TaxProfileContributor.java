package org.civicdesk.datasource.tax.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.datasource.api.AbstractCitizenProfileContributor;
import org.civicdesk.datasource.api.CitizenProfileContributor;
import org.civicdesk.datasource.api.Fact;
import org.civicdesk.datasource.api.ProfileContribution;
import org.civicdesk.datasource.api.ProfileSection;
import org.civicdesk.datasource.api.VerificationFact;
import org.civicdesk.datasource.tax.api.TaxObject;
import org.civicdesk.datasource.tax.api.TaxReaders;
import org.civicdesk.datasource.tax.api.TaxRecord;
import org.civicdesk.identity.api.Citizen;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Adds the local-tax section and verification questions to the 360° view of those who may read tax data. */
@Component(service = CitizenProfileContributor.class,
        property = CitizenProfileContributor.ID_PROPERTY + "=" + TaxProfileContributor.SOURCE)
public class TaxProfileContributor extends AbstractCitizenProfileContributor {
    static final String SOURCE = "taxes";

    private final TaxDatabase database;
    private final CityClock clock;

    @Activate
    public TaxProfileContributor(@Reference(target = TaxInquiryImpl.TAX_DATASOURCE) DataSource dataSource,
            @Reference CityClock clock) {
        this.database = new TaxDatabase(dataSource);
        this.clock = clock;
    }

    @Override
    public boolean visibleTo(Actor viewer) {
        return TaxReaders.mayRead(viewer);
    }

    private static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle("org.civicdesk.datasource.tax.internal.Messages", locale,
                TaxProfileContributor.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private Optional<TaxRecord> record(Citizen citizen) {
        return TaxInquiryImpl.read(database, citizen.nationalId(), clock);
    }

    /** The taxpayer's record is read once for both the section and the questions. */
    @Override
    public ProfileContribution contribution(Actor viewer, Citizen citizen, Locale locale) {
        Optional<TaxRecord> found = record(citizen);
        return new ProfileContribution(found.map(r -> section(r, locale)).orElse(List.of()),
                found.map(r -> questions(r, locale)).orElse(List.of()));
    }

    @Override
    public List<ProfileSection> sections(Citizen citizen, Locale locale) {
        return record(citizen).map(r -> section(r, locale)).orElse(List.of());
    }

    @Override
    public List<VerificationFact> verificationFacts(Citizen citizen, Locale locale) {
        return record(citizen).map(r -> questions(r, locale)).orElse(List.of());
    }

    private static List<ProfileSection> section(TaxRecord r, Locale locale) {
        ResourceBundle m = messages(locale);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(m.getString("owedNow"), lei(r.owedNow()) + " (" + m.getString("ofWhichIncreases") + " "
                + lei(r.increases()) + ")"));
        facts.add(new Fact(m.getString("nextDue"), r.nextDueDate() == null ? "—"
                : r.nextDueDate() + ": " + lei(r.nextDueAmount())));
        facts.add(new Fact(m.getString("paidThisYear"), lei(r.paidThisYear())));
        for (Map.Entry<Integer, BigDecimal> arrears : r.arrearsByYear().entrySet()) {
            facts.add(new Fact(m.getString("arrears") + " " + arrears.getKey(), lei(arrears.getValue())));
        }
        for (TaxObject o : r.objects()) {
            String owners = o.coOwners().isEmpty() ? ""
                    : "; " + m.getString("coOwners") + ": " + o.coOwners().stream()
                            .map(w -> w.name() + " " + w.sharePercent().stripTrailingZeros().toPlainString() + "%")
                            .collect(Collectors.joining(", "));
            String reductions = o.reductions().isEmpty() ? ""
                    : "; " + m.getString("reductions") + ": " + o.reductions().stream()
                            .map(x -> x.kind() + " " + x.percent().stripTrailingZeros().toPlainString() + "%")
                            .collect(Collectors.joining(", "));
            facts.add(new Fact(m.getString("object." + o.kind()), o.description() + ", "
                    + o.sharePercent().stripTrailingZeros().toPlainString() + "%" + owners + reductions));
        }
        return List.of(new ProfileSection(SOURCE, m.getString("title"), "tax", facts));
    }

    private static List<VerificationFact> questions(TaxRecord r, Locale locale) {
        ResourceBundle m = messages(locale);
        List<VerificationFact> facts = new ArrayList<>();
        for (TaxObject o : r.objects()) {
            if ("BUILDING".equals(o.kind()) && o.address() != null) {
                facts.add(new VerificationFact(SOURCE, m.getString("ask.propertyAddress"), o.address(), "tax-property"));
                if (!o.coOwners().isEmpty()) {
                    facts.add(new VerificationFact(SOURCE, m.getString("ask.coOwner"),
                            o.coOwners().stream().map(TaxObject.Owner::name).collect(Collectors.joining(", ")),
                            "tax-property"));
                }
            } else if ("VEHICLE".equals(o.kind())) {
                facts.add(new VerificationFact(SOURCE, m.getString("ask.vehicle"), o.description(), "tax-vehicle"));
            }
        }
        return facts;
    }

    private static String lei(BigDecimal amount) {
        return amount.setScale(2).toPlainString() + " lei";
    }
}
