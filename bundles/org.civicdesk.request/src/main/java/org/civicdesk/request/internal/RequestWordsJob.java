package org.civicdesk.request.internal;

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
 * Writes the words ({@link RequestWords}) of requests stored before words were kept (an upgrade), {@link #PER_RUN} at a
 * time in the order of their numbers, until one pass finds none left: every request filed or imported since has its
 * words written with it. Until then a word search does not find the older requests. A cluster job: one node writes.
 */
@Component(service = Job.class, property = {Job.ID + "=request-words", Job.SCOPE + "=" + Job.CLUSTER,
    Job.PERIOD + ":Long=30000"})
public class RequestWordsJob implements Job {
    /** How many requests one run writes the words of at most. */
    static final int PER_RUN = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(RequestWordsJob.class);

    private final Jdbc jdbc;
    private final PersonalTexts texts;
    /** The highest number this node looked at; past it the requests still to be looked at. */
    private volatile String after = "";
    private volatile boolean allHaveWords;

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
        if (allHaveWords) {
            return;
        }
        List<Unindexed> found = jdbc.query("find requests without words", "SELECT r.REQ_NUMBER, r.CITIZEN_ID, r.DESCRIPTION,"
                + " r.ADDRESS"
                + " FROM CD_REQUEST r WHERE r.REQ_NUMBER > ? AND NOT EXISTS (SELECT 1 FROM CD_REQUEST_WORD w"
                + " WHERE w.REQ_NUMBER = r.REQ_NUMBER) ORDER BY r.REQ_NUMBER",
                rs -> new Unindexed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), PER_RUN,
                after);
        if (found.isEmpty()) {
            allHaveWords = true;
            return;
        }
        jdbc.inTransaction(c -> {
            for (Unindexed r : found) {
                RequestWords.insert(c, r.number(), RequestWords.of(r.number(),
                        texts.opened(PersonalTexts.keyOf(r.citizenId(), r.number()), r.description()),
                        texts.opened(PersonalTexts.keyOf(r.citizenId(), r.number()), r.address())));
            }
            return null;
        });
        after = found.get(found.size() - 1).number();
        LOG.info("Registry: the words of {} requests stored before are written for search", found.size());
    }
}
