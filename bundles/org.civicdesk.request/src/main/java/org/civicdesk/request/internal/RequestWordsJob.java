package org.civicdesk.request.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * Writes the tokens of the words ({@link RequestWords}) of the requests stored before they were kept (an upgrade lists
 * them in CD_REQUEST_WORDS_PENDING: those from before words were kept, and all of them when words became hashed tokens),
 * {@link #PER_RUN} at a time (several times in a run, for up to 20 s) in the order of their numbers, each taken off the
 * list with its tokens: every request filed or imported since has its tokens written with it. Until then a word search
 * does not find the older requests. A cluster job: one node writes.
 */
@Component(service = Job.class, property = {Job.ID + "=request-words", Job.SCOPE + "=" + Job.CLUSTER,
    Job.PERIOD + ":Long=30000"})
public class RequestWordsJob implements Job {
    /** How many requests one run writes the words of at most. */
    static final int PER_RUN = 10_000;
    /** How long a run goes on writing while requests are listed. */
    private static final long BUSY_NANOS = 20_000_000_000L;
    /** People's keys read at once. */
    private static final int KEYS_AT_ONCE = 500;
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
        // An upgrade lists every request of a city (a million): as many batches as fit in a while, not one per period.
        long until = System.nanoTime() + BUSY_NANOS;
        int written;
        do {
            written = writeSome();
        } while (written == PER_RUN && System.nanoTime() < until);
    }

    /** Writes the tokens of the next {@link #PER_RUN} requests listed, at most; how many were listed. */
    private int writeSome() throws SQLException {
        List<Unindexed> found = jdbc.query("find requests without words", "SELECT r.REQ_NUMBER, r.CITIZEN_ID, r.DESCRIPTION,"
                + " r.ADDRESS FROM CD_REQUEST_WORDS_PENDING p JOIN CD_REQUEST r ON r.REQ_NUMBER = p.REQ_NUMBER"
                + " ORDER BY p.REQ_NUMBER",
                rs -> new Unindexed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), PER_RUN);
        if (found.isEmpty()) {
            return 0;
        }
        jdbc.inTransaction(c -> {
            try (PreparedStatement done = c.prepareStatement("DELETE FROM CD_REQUEST_WORDS_PENDING WHERE REQ_NUMBER = ?")) {
                for (int from = 0; from < found.size(); from += KEYS_AT_ONCE) {
                    List<Unindexed> slice = found.subList(from, Math.min(found.size(), from + KEYS_AT_ONCE));
                    texts.preload(slice.stream().map(r -> PersonalTexts.keyOf(r.citizenId(), r.number())).distinct()
                            .toList());
                    for (Unindexed r : slice) {
                        done.setString(1, r.number());
                        // Taken off first: a request another node wrote meanwhile is no longer listed, and is skipped.
                        if (done.executeUpdate() == 1) {
                            // An erasure or the retention may have given it its number's words alone: what opens now is
                            // the same, and written once.
                            String key = PersonalTexts.keyOf(r.citizenId(), r.number());
                            RequestWords.replace(c, texts, r.number(), RequestWords.of(r.number(),
                                    texts.opened(key, r.description()), texts.opened(key, r.address())));
                        }
                    }
                }
            }
            return null;
        });
        LOG.info("Registry: the words of {} requests stored before are written for search", found.size());
        return found.size();
    }
}
