package org.civicdesk.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.civicdesk.core.api.AccessDeniedException;
import org.civicdesk.core.api.Actor;
import org.civicdesk.engagement.api.Poll;
import org.civicdesk.engagement.api.Polls;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.identity.api.StaffDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's public consultations, where the engagement feature is installed (this component waits for its service;
 * the demo bundle does without it): one open for a month, and one that closes two minutes after the demo is seeded, so
 * that its results can be shown; both with the votes of demo citizens, by web and by phone. Once per database: nothing
 * is done when a poll exists.
 */
@Component(configurationPid = "org.civicdesk.demo", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public class DemoPolls {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPolls.class);
    /** How long the demo's seeding of citizens is waited for. */
    private static final Duration SEEDING = Duration.ofMinutes(10);
    private static final int VOTERS = 60;

    private final Polls polls;
    private final StaffDirectory staff;
    private final CitizenRegistry citizens;

    @Activate
    public DemoPolls(@Reference Polls polls, @Reference StaffDirectory staff, @Reference CitizenRegistry citizens,
            DemoConfig config) {
        this.polls = polls;
        this.staff = staff;
        this.citizens = citizens;
        if (config.enabled() && config.polls()) {
            CompletableFuture.runAsync(() -> seed(config)).exceptionally(e -> {
                LOG.error("Demo polls could not be set up", e);
                return null;
            });
        }
    }

    void seed(DemoConfig config) {
        if (!polls.list().isEmpty() || !awaitSeeded()) {
            return;
        }
        Actor supervisor = staff.find("supervisor").orElseThrow().asActor();
        Instant now = Instant.now();
        Poll park = polls.create(supervisor, Map.of("ro", "Ce să amenajeze primăria în Parcul Zamca?",
                "en", "What should the city hall build in Zamca Park?"),
                List.of(option("play", "Un loc de joacă", "A playground"),
                        option("sport", "Un teren de sport", "A sports ground"),
                        option("shade", "Bănci și copaci", "Benches and trees")), now, now.plus(Duration.ofDays(30)), 14);
        Poll saturday = polls.create(supervisor, Map.of("ro", "Să fie ghișeele deschise sâmbăta dimineața?",
                "en", "Should the counters open on Saturday mornings?"),
                List.of(option("yes", "Da", "Yes"), option("no", "Nu", "No")), now,
                now.plus(Duration.ofSeconds(config.shortPollSeconds())), 18);
        Random random = new Random(config.seed());
        List<CitizenDetails> people = DemoPeople.generate(config.citizens(), random);
        Actor demo = Actor.system("demo");
        int votes = 0;
        for (CitizenDetails person : people.subList(0, Math.min(VOTERS, people.size()))) {
            Citizen citizen = citizens.findOrRegister(demo, person);
            for (Poll poll : List.of(park, saturday)) {
                try {
                    polls.vote(citizen, poll.id(), poll.options().get(random.nextInt(poll.options().size())).key(),
                            random.nextInt(4) == 0 ? "phone" : "web");
                    votes++;
                } catch (AccessDeniedException tooYoungOrACompany) {
                    // Not everyone may vote in every poll.
                }
            }
        }
        LOG.info("Demo polls seeded: 2 polls, {} votes", votes);
    }

    /** Whether the demo's citizens are in (its admin account comes last). */
    private boolean awaitSeeded() {
        long deadline = System.nanoTime() + SEEDING.toNanos();
        while (staff.find("admin").isEmpty()) {
            if (System.nanoTime() > deadline) {
                LOG.warn("The demo was not seeded within {}; no demo polls", SEEDING);
                return false;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static Poll.Option option(String key, String ro, String en) {
        return new Poll.Option(key, Map.of("ro", ro, "en", en));
    }
}
