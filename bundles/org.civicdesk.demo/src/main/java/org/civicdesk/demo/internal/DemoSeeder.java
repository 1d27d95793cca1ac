package org.civicdesk.demo.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.civicdesk.audit.api.ConfidentialityAgreement;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Role;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.identity.api.Department;
import org.civicdesk.identity.api.NewStaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.ChannelCatalog;
import org.civicdesk.request.api.ChannelDescriptor;
import org.civicdesk.request.api.Interaction;
import org.civicdesk.request.api.InteractionLog;
import org.civicdesk.request.api.InteractionOutcome;
import org.civicdesk.request.api.Location;
import org.civicdesk.request.api.NewRequest;
import org.civicdesk.request.api.RequestAttribute;
import org.civicdesk.request.api.RequestChange;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo municipality into an empty database, once: it does nothing when the
 * {@code admin} account already exists. Runs off the framework thread (on the JVM's common
 * pool) so that start-up is not held up.
 *
 * <p>The demo accounts' passwords are public (password = user name): when the demo is turned off
 * ({@code enabled = false}) every demo account that still has its demo password is disabled, and
 * turning the demo on again enables them. An account whose password was changed is left alone.
 */
@Component(configurationPid = "org.civicdesk.demo", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = DemoConfig.class)
public class DemoSeeder {
    /** A citizen's words for each score, from 1 to 5 (some say nothing). */
    private static final List<String> RATING_COMMENTS = Arrays.asList("A durat prea mult.", "Rezolvat pe jumătate.",
            null, "Mulțumesc, s-a rezolvat.", "Foarte repede, mulțumesc!");

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    static final List<Department> DEPARTMENTS = List.of(
            new Department("REG", "Registratură și relații cu publicul"),
            new Department("TAX", "Direcția Impozite și Taxe Locale"),
            new Department("ROADS", "Direcția Drumuri și Infrastructură"),
            new Department("SANIT", "Serviciul Salubrizare"),
            new Department("URB", "Direcția Urbanism"),
            new Department("SOC", "Direcția de Asistență Socială"));
    /** What citizens typically write, per request type; other types get a generic text. */
    private static final Map<String, List<String>> DESCRIPTIONS = Map.of(
            "pothole", List.of("Groapă mare în carosabil, pericol pentru autoturisme.",
                    "Asfalt surpat lângă trecerea de pietoni."),
            "streetlight", List.of("Stâlpul de iluminat nu funcționează de o săptămână.",
                    "Strada este complet neiluminată noaptea."),
            "waste", List.of("Gunoiul nu a fost ridicat de 5 zile.", "Pubele răsturnate, deșeuri pe trotuar."),
            "information", List.of("Solicit informații despre programul de lucru al ghișeelor.",
                    "Ce acte sunt necesare pentru înregistrarea unui autoturism?"),
            "complaint", List.of("Reclam zgomotul produs noaptea de un șantier.",
                    "Am așteptat două ore la ghișeu fără să fiu servit."),
            "petition", List.of("Solicităm amenajarea unui loc de joacă în cartier."),
            "tax-certificate", List.of("Doresc un certificat de atestare fiscală pentru vânzarea apartamentului."),
            "building-permit", List.of("Cer informații despre autorizația de construire pentru un garaj."),
            "social-aid", List.of("Solicit ajutor pentru încălzirea locuinței în sezonul rece."));

    /** The accounts the demo creates, each with its user name as password. */
    static final List<String> ACCOUNTS = List.of("operator", "supervisor", "employee", "elena", "raluca", "ion", "admin");

    private final StaffDirectory staff;
    private final CitizenRegistry citizens;
    private final RequestRegistry requests;
    private final RequestTypeCatalog types;
    private final ChannelCatalog channels;
    private final ConfidentialityAgreement agreement;
    private final InteractionLog contacts;

    @Activate
    public DemoSeeder(@Reference StaffDirectory staff, @Reference CitizenRegistry citizens,
            @Reference RequestRegistry requests, @Reference RequestTypeCatalog types, @Reference ChannelCatalog channels,
            @Reference ConfidentialityAgreement agreement, @Reference InteractionLog contacts, DemoConfig config) {
        this.agreement = agreement;
        this.contacts = contacts;
        this.staff = staff;
        this.citizens = citizens;
        this.requests = requests;
        this.types = types;
        this.channels = channels;
        // Off the framework thread: seeding takes a while, and checking passwords is slow on purpose.
        CompletableFuture.runAsync(config.enabled() ? () -> seed(config) : this::disableDemoAccounts).exceptionally(e -> {
            LOG.error("Demo accounts or data could not be set up", e);
            return null;
        });
    }

    /** The demo is off: its well-known passwords must not open anything. */
    void disableDemoAccounts() {
        Actor system = Actor.system("demo");
        int disabled = 0;
        for (String username : ACCOUNTS) {
            if (staff.authenticate(username, username.toCharArray()).isPresent()) {
                staff.setEnabled(system, username, false);
                disabled++;
            }
        }
        if (disabled > 0) {
            LOG.info("Demo turned off: {} demo accounts still holding their demo password disabled", disabled);
        }
    }

    /**
     * The demo's accounts accept the confidentiality agreement in force, recorded as accepted by the demo's seeding (no
     * person read it): a demo shows citizen data at once. A new account accepts for itself.
     */
    private void acceptAgreementForDemoAccounts() {
        String version = agreement.current("ro").version();
        for (String username : ACCOUNTS) {
            if (!agreement.hasAccepted(username)) {
                agreement.accept(Actor.system("demo"), username, version);
            }
        }
    }

    /** The demo is on again: its accounts that were disabled log in again. */
    private void enableDemoAccounts() {
        Actor system = Actor.system("demo");
        for (String username : ACCOUNTS) {
            staff.find(username).filter(account -> !account.enabled())
                    .ifPresent(account -> staff.setEnabled(system, username, true));
        }
    }

    void seed(DemoConfig config) {
        if (staff.find("admin").isPresent()) {
            LOG.info("Demo data already present; nothing to seed");
            enableDemoAccounts();
            acceptAgreementForDemoAccounts();
            return;
        }
        Actor system = Actor.system("demo");
        long started = System.currentTimeMillis();
        // First: the demo's staff file and change its requests, and once the admin account exists (it means "seeded")
        // staff read citizen data at once.
        acceptAgreementForDemoAccounts();
        DEPARTMENTS.forEach(d -> staff.saveDepartment(system, d));
        Random random = new Random(config.seed());
        List<CitizenDetails> people = DemoPeople.generate(config.citizens(), random);
        citizens.importAll(system, people);
        account("operator", "Oana Operator", null, Role.OPERATOR);
        account("supervisor", "Sorin Supervisor", "ROADS", Role.SUPERVISOR);
        account("employee", "Emil Employee", "ROADS", Role.EMPLOYEE);
        account("elena", "Elena Employee", "ROADS", Role.EMPLOYEE);
        account("raluca", "Raluca Registratură", "REG", Role.SUPERVISOR);
        account("ion", "Ion Registratură", "REG", Role.EMPLOYEE);
        seedRequests(config.requests(), people, random);
        seedLetters(people, random);
        // The admin account goes last: its presence means "seeded".
        account("admin", "Ana Admin", null, Role.ADMIN);
        LOG.info("Demo municipality seeded in {} ms: {} departments, {} citizens, {} requests, {} staff accounts",
                System.currentTimeMillis() - started, DEPARTMENTS.size(), people.size(), config.requests() + LETTERS.size(),
                ACCOUNTS.size());
    }

    /** Answers to the type's list questions (always to the required ones), as a citizen would give them. */
    private static Map<String, List<String>> answers(RequestType type, Random random) {
        Map<String, List<String>> answers = new HashMap<>();
        for (RequestAttribute attribute : type.attributes()) {
            if (attribute.datatype().isList() && (attribute.required() || random.nextBoolean())) {
                List<RequestAttribute.Value> values = attribute.values();
                answers.put(attribute.code(), List.of(values.get(random.nextInt(values.size())).key()));
            }
        }
        return answers;
    }

    private static String describe(String type, Random random) {
        List<String> texts = DESCRIPTIONS.getOrDefault(type, List.of("Solicit sprijinul primăriei."));
        return texts.get(random.nextInt(texts.size()));
    }

    private void account(String username, String name, String department, Role role) {
        staff.create(Actor.system("demo"), new NewStaffAccount(username, name, username + "@civicdesk.example",
                department, Set.of(role), username.toCharArray()));
    }

    /**
     * Complaints that came by post weeks ago, registered by the front desk with the day they arrived (R7): the oldest is
     * overdue at once, unassigned, and escalates; the other nears its deadline: the overdue view and the warnings have
     * something to show.
     */
    private static final List<Integer> LETTERS = List.of(50, 26);

    private void seedLetters(List<CitizenDetails> people, Random random) {
        if (types.find("complaint").isEmpty() || channels.list().stream().noneMatch(c -> Channel.DESK.equals(c.channel()))
                || people.isEmpty()) {
            return;
        }
        Actor desk = staff.find("operator").orElseThrow().asActor();
        Actor registry = staff.find("raluca").orElseThrow().asActor();
        for (int daysAgo : LETTERS) {
            ServiceRequest filed = requests.file(desk, new NewRequest("complaint", Channel.DESK,
                    people.get(random.nextInt(people.size())), "Reclamație primită prin poștă: " + describe("complaint", random),
                    null, Map.of(), null, LocalDate.now().minusDays(daysAgo)));
            // The oldest sits unassigned, as the overdue complaint a supervisor has to find.
            if (daysAgo < LETTERS.get(0)) {
                requests.apply(registry, filed.number(),
                        RequestChange.assign("ion", "Scrisoare veche: răspundeți cu prioritate."));
            }
        }
    }

    /** What the operator notes of a call that filed nothing, by how it ended. */
    private static final Map<InteractionOutcome, String> CONTACT_REMARKS = Map.of(
            InteractionOutcome.INFORMATION_GIVEN, "A întrebat de stadiul cererii; i s-a spus termenul.",
            InteractionOutcome.TRANSFERRED, "Îndrumat către Direcția de taxe și impozite.",
            InteractionOutcome.NOT_JUSTIFIED, "Ținea de furnizorul de gaze, nu de primărie.",
            InteractionOutcome.ABANDONED, "Apelul s-a întrerupt.");

    /** A contact in the call log: with the citizen who filed {@code about} and the request linked, when there is one. */
    private void contact(Actor operator, Channel channel, ServiceRequest about, InteractionOutcome outcome, String remarks) {
        Interaction contact = contacts.start(operator, channel);
        if (about != null && about.citizenId() != null) {
            contacts.identify(operator, contact.id(), about.citizenId(), true);
            if (outcome == InteractionOutcome.REQUEST_FILED || outcome == InteractionOutcome.INFORMATION_GIVEN) {
                contacts.link(operator, contact.id(), about.number());
            }
        }
        contacts.close(operator, contact.id(), outcome, remarks);
    }

    private void seedRequests(int count, List<CitizenDetails> people, Random random) {
        List<RequestType> available = types.list();
        List<Channel> installed = channels.list().stream().map(ChannelDescriptor::channel).toList();
        if (available.isEmpty() || installed.isEmpty() || people.isEmpty()) {
            LOG.warn("No request types or channels configured; demo requests skipped");
            return;
        }
        Actor operator = staff.find("operator").orElseThrow().asActor();
        Actor supervisor = staff.find("supervisor").orElseThrow().asActor();
        for (int i = 0; i < count; i++) {
            RequestType type = available.get(random.nextInt(available.size()));
            CitizenDetails citizen = people.get(random.nextInt(people.size()));
            Location location = random.nextInt(3) == 0 ? null
                    : new Location(47.63 + random.nextDouble() * 0.04, 26.22 + random.nextDouble() * 0.06,
                            citizen.address());
            ServiceRequest filed = requests.file(operator, new NewRequest(type.code(), installed.get(i % installed.size()),
                    citizen, describe(type.code(), random), location, answers(type, random)));
            if (Channel.PHONE.equals(filed.channel()) || Channel.DESK.equals(filed.channel())) {
                contact(operator, filed.channel(), filed, InteractionOutcome.REQUEST_FILED, "Cerere înregistrată.");
            }
            // Not every call ends in a request: the call log shows the others too.
            if (i % 4 == 0) {
                InteractionOutcome[] others = {InteractionOutcome.INFORMATION_GIVEN, InteractionOutcome.TRANSFERRED,
                    InteractionOutcome.NOT_JUSTIFIED, InteractionOutcome.ABANDONED};
                InteractionOutcome outcome = others[random.nextInt(others.length)];
                contact(operator, Channel.PHONE, outcome == InteractionOutcome.ABANDONED ? null : filed, outcome,
                        CONTACT_REMARKS.get(outcome));
            }
            // A share of the roads department's requests is already being worked on.
            if ("ROADS".equals(type.department()) && random.nextInt(3) > 0) {
                requests.apply(supervisor, filed.number(), RequestChange.assign("employee", "Vă rog verificați pe teren."));
                if (random.nextBoolean() && type.allows("assigned", "in_progress")) {
                    requests.apply(supervisor, filed.number(), RequestChange.status("in_progress", null));
                    // Some are done, and most of those rated by their citizen: the satisfaction figures have data.
                    if (random.nextInt(3) == 0 && type.allows("in_progress", "resolved")) {
                        requests.apply(supervisor, filed.number(), RequestChange.status("resolved",
                                "Problema a fost remediată."));
                        if (random.nextInt(4) > 0) {
                            int score = Math.min(5, 2 + random.nextInt(4) + random.nextInt(2));
                            requests.rate(filed.trackingCode(), score, RATING_COMMENTS.get(score - 1));
                        }
                    }
                }
            }
        }
    }
}
