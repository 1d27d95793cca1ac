package org.civicdesk.identity.internal;

import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.identity.api.Citizen;
import org.civicdesk.persistence.InLists;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the search tokens of the citizens whose row records none (TOKENS_OF empty): those on record when the rules
 * ({@link SearchTerms#RULES}) changed, whose earlier tokens the upgrade's changeset dropped, {@link #PER_RUN} at a time.
 * They are found through an index on the rows' rules: a run with nothing to do reads one page of it. Every citizen
 * registered or changed since has their tokens written with them; rows still in clear wait for their sealing, which
 * writes them. A cluster job: one node writes.
 */
@Component(service = Job.class, property = {Job.ID + "=citizen-tokens", Job.SCOPE + "=" + Job.CLUSTER,
    Job.PERIOD + ":Long=5000"})
public class CitizenTokensJob implements Job {
    /** How many citizens one run makes the tokens of at most. */
    static final int PER_RUN = 20_000;
    /** How many citizens one transaction makes the tokens of. */
    private static final int PER_TRANSACTION = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CitizenTokensJob.class);

    private final Jdbc jdbc;
    private final SealedCitizens sealed;

    @Activate
    public CitizenTokensJob(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference CitizenKeysImpl keys) {
        this.jdbc = new Jdbc(dataSource);
        this.sealed = new SealedCitizens(keys, jdbc);
    }

    @Override
    public void run(JobContext context) throws Exception {
        List<String> found = jdbc.query("find citizens without search tokens", "SELECT ID FROM CD_CITIZEN"
                // Told the index: Derby, its statistics from when no row had tokens, read the whole table each run.
                + Jdbc.along("CD_CITIZEN_TOKENS_OF") + " WHERE TOKENS_OF IS NULL AND NATIONAL_ID_KEY IS NOT NULL",
                rs -> rs.getString(1), PER_RUN);
        if (found.isEmpty()) {
            return;
        }
        int made = 0;
        for (int from = 0; from < found.size(); from += PER_TRANSACTION) {
            made += tokenise(found.subList(from, Math.min(found.size(), from + PER_TRANSACTION)));
        }
        LOG.info("Identity: the search tokens of {} citizens on record are made", made);
    }

    /**
     * Writes the tokens of these citizens, opened before: each row is marked first, in the same transaction, and one
     * marked meanwhile (a change writes its tokens with it) is left as it is. An erased person has no tokens.
     */
    private int tokenise(List<String> ids) throws java.sql.SQLException {
        List<Citizen> people = sealed.read(ids);
        Set<String> erased = new HashSet<>();
        InLists.inSlices(ids, slice -> jdbc.query("find erased citizens", "SELECT CITIZEN_ID FROM CD_CITIZEN_ERASURE"
                + " WHERE CITIZEN_ID" + InLists.marks(slice.size()), rs -> rs.getString(1), 0, slice.toArray()))
                .forEach(erased::add);
        return jdbc.inTransaction(c -> {
            int count = 0;
            try (PreparedStatement mark = c.prepareStatement("UPDATE CD_CITIZEN SET TOKENS_OF = ? WHERE ID = ?"
                    + " AND TOKENS_OF IS NULL")) {
                for (Citizen person : people) {
                    mark.setShort(1, SearchTerms.RULES);
                    mark.setString(2, person.id());
                    if (mark.executeUpdate() == 1 && !erased.contains(person.id())) {
                        sealed.index(c, null, person);
                        count++;
                    }
                }
            }
            return count;
        });
    }
}
