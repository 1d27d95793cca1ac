package org.civicdesk.request.internal;

import java.sql.PreparedStatement;
import java.util.List;

import javax.sql.DataSource;

import org.civicdesk.identity.api.CitizenKeys;
import org.civicdesk.persistence.Jdbc;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the words ({@link RequestWords}) of the requests stored before words were kept (an upgrade lists them in
 * CD_REQUEST_WORDS_PENDING), {@link #PER_RUN} at a time in the order of their numbers, each taken off the list with its
 * words: every request filed or imported since has its words written with it. Until then a word search does not find
 * the older requests. A cluster job: one node writes.
 */
@Component(service = Job.class, property = {Job.ID + "=request-words", Job.SCOPE + "=" + Job.CLUSTER,
    Job.PERIOD + ":Long=30000"})
public class RequestWordsJob implements Job {
    /** How many requests one run writes the words of at most. */
    static final int PER_RUN = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(RequestWordsJob.class);

    private final Jdbc jdbc;
    private final PersonalTexts texts;

    private record Unindexed(String number, String citizenId, String description, String address) {
    }

    @Activate
    public RequestWordsJob(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference CitizenKeys keys) {
        this.jdbc = new Jdbc(dataSource);
        this.texts = new PersonalTexts(keys);
    }

    @Override
    public void run(JobContext context) throws Exception {
        List<Unindexed> found = jdbc.query("find requests without words", "SELECT r.REQ_NUMBER, r.CITIZEN_ID, r.DESCRIPTION,"
                + " r.ADDRESS FROM CD_REQUEST_WORDS_PENDING p JOIN CD_REQUEST r ON r.REQ_NUMBER = p.REQ_NUMBER"
                + " ORDER BY p.REQ_NUMBER",
                rs -> new Unindexed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), PER_RUN);
        if (found.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            try (PreparedStatement done = c.prepareStatement("DELETE FROM CD_REQUEST_WORDS_PENDING WHERE REQ_NUMBER = ?");
                    PreparedStatement numberAlone = c.prepareStatement("DELETE FROM CD_REQUEST_WORD WHERE REQ_NUMBER = ?")) {
                for (Unindexed r : found) {
                    done.setString(1, r.number());
                    // Taken off first: a request another node wrote meanwhile is no longer listed, and is skipped.
                    if (done.executeUpdate() == 1) {
                        // An erasure or the retention may have given it its number's words alone: what opens now is
                        // the same, and written once.
                        numberAlone.setString(1, r.number());
                        numberAlone.executeUpdate();
                        RequestWords.insert(c, r.number(), RequestWords.of(r.number(),
                                texts.opened(PersonalTexts.keyOf(r.citizenId(), r.number()), r.description()),
                                texts.opened(PersonalTexts.keyOf(r.citizenId(), r.number()), r.address())));
                    }
                }
            }
            return null;
        });
        LOG.info("Registry: the words of {} requests stored before are written for search", found.size());
    }
}
