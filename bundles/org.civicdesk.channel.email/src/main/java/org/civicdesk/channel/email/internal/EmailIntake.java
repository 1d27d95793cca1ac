package org.civicdesk.channel.email.internal;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import org.civicdesk.channel.email.internal.ProcessedMessages.Outcome;
import org.civicdesk.channel.email.internal.ProcessedMessages.Processed;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.datasource.documents.api.AttachmentStore;
import org.civicdesk.datasource.documents.api.StoredAttachment;
import org.civicdesk.channel.email.internal.ProcessedMessages.AlreadyProcessed;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.EventKind;
import org.civicdesk.request.api.NewRequest;
import org.civicdesk.request.api.RequestChange;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.ServiceRequest;
import org.civicdesk.scheduler.api.Job;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail channel (R16): a cluster job reads the city's mailbox over IMAP every {@code pollSeconds}, and each new
 * message becomes a request (channel {@code email}), or a comment on the request it answers; mail sent by machines is
 * never filed. A message is flagged seen only once what it became is committed, and its Message-ID is recorded with
 * it, so that a crash or a second delivery never files it twice.
 *
 * <p>Where the server has IMAP IDLE, a node job also waits for new mail ({@link #waitOnce}): each run is one wait, ended
 * by new mail, by the {@code email-idle-renew} job after {@code pollSeconds}, or by the component going away, and the
 * scheduler starts the next one. Every intake of a node (the poll and the wait) takes mail one at a time, under one
 * lock; across nodes, the Message-ID's row written with the filing keeps a message from being filed twice.
 */
@Component(configurationPid = EmailIntake.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = EmailChannelConfig.class)
public class EmailIntake {
    static final String PID = "org.civicdesk.channel.email";
    static final String JOB_ID = "email-intake";
    static final String IDLE_JOB_ID = "email-idle";
    static final String RENEW_JOB_ID = "email-idle-renew";
    /** The pause between two waits (the next run of the wait job): a wait that failed is not retried in a burst. */
    static final long IDLE_RESTART_MILLIS = 1000;
    /** The longest the component's deactivation waits for the message being taken. */
    private static final long STOP_WAIT_SECONDS = 5;
    /** The most messages one run takes: a run stays short, the next takes the rest. */
    static final int MESSAGES_PER_RUN = 200;
    private static final Logger LOG = LoggerFactory.getLogger(EmailIntake.class);
    private static final String PURPOSE = "e-mail intake";
    /** Files kept per message: the web channel's limit of photos per report. */
    static final int MAX_ATTACHMENTS = 5;

    private final BundleContext context;
    private final RequestRegistry requests;
    private final RequestTypeCatalog types;
    private final CitizenRegistry citizens;
    private final ProcessedMessages processed;
    /** The channel's intake actor: comments it records are the citizen's answers (Channel.intakeOf). */
    private final Actor actor = Channel.EMAIL.intakeActor();
    private volatile EmailChannelConfig config;
    /** Document management (R10), where attached files go; without it a message's text is filed alone. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AttachmentStore attachments;
    private ServiceRegistration<Job> job;
    private ServiceRegistration<Job> idleJob;
    private ServiceRegistration<Job> renewJob;
    /** One intake at a time on this node: the poll and the wait never take the same message at once. */
    private final ReentrantLock intake = new ReentrantLock();
    /** False once deactivated: an intake in progress stops before its next message, a wait ends. */
    private volatile boolean active = true;
    /** The mailbox of the wait in progress on this node, while it waits or takes mail. */
    private volatile Mailbox waiting;
    /** Whether the wait in progress is in IDLE right now (not taking mail): what the renewal may end. */
    private volatile boolean idling;
    /** The configuration with which the server was found without IDLE: no wait until it changes. */
    private volatile EmailChannelConfig noIdle;

    @Activate
    public EmailIntake(BundleContext context, @Reference RequestRegistry requests, @Reference RequestTypeCatalog types,
            @Reference CitizenRegistry citizens, @Reference ProcessedMessages processed, EmailChannelConfig config) {
        this.context = context;
        this.requests = requests;
        this.types = types;
        this.citizens = citizens;
        this.processed = processed;
        modified(config);
    }

    /** A changed configuration applies from the next run; the job comes and goes with {@code enabled}. */
    @Modified
    synchronized void modified(EmailChannelConfig changed) {
        this.config = changed;
        // A wait in IDLE began with the old settings: it ends, and the next one uses the new.
        if (idling) {
            endWait();
        }
        if (!changed.enabled()) {
            unschedule();
            return;
        }
        long pollMillis = Math.max(1, changed.pollSeconds()) * 1000L;
        Map<String, Object> properties = Map.of(Job.ID, JOB_ID, Job.SCOPE, Job.CLUSTER, Job.PERIOD, pollMillis);
        if (job == null) {
            job = context.registerService(Job.class, run -> poll(), FrameworkUtil.asDictionary(properties));
        } else {
            job.setProperties(FrameworkUtil.asDictionary(properties));
        }
        if (!changed.imap_idle()) {
            unscheduleWait();
            return;
        }
        // Node jobs: each node keeps its own connection waiting (IDLE is per connection).
        Map<String, Object> renew = Map.of(Job.ID, RENEW_JOB_ID, Job.SCOPE, Job.NODE, Job.PERIOD, pollMillis);
        if (idleJob == null) {
            idleJob = context.registerService(Job.class, run -> waitOnce(), FrameworkUtil.asDictionary(Map.of(Job.ID,
                    IDLE_JOB_ID, Job.SCOPE, Job.NODE, Job.PERIOD, IDLE_RESTART_MILLIS)));
            renewJob = context.registerService(Job.class, run -> renew(), FrameworkUtil.asDictionary(renew));
        } else {
            renewJob.setProperties(FrameworkUtil.asDictionary(renew));
        }
    }

    @Deactivate
    void deactivate() {
        active = false;
        // First end a wait in IDLE, so that unregistering its job (which waits for the run) returns at once; a message
        // being taken is finished (filed and flagged seen), and the intake stops before the next one.
        if (idling) {
            endWait();
        }
        try {
            if (intake.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                intake.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endWait();
        synchronized (this) {
            unschedule();
        }
    }

    private void unschedule() {
        unscheduleWait();
        if (job != null) {
            job.unregister();
            job = null;
        }
    }

    private void unscheduleWait() {
        if (idling) {
            endWait();
        }
        if (idleJob != null) {
            idleJob.unregister();
            idleJob = null;
        }
        if (renewJob != null) {
            renewJob.unregister();
            renewJob = null;
        }
    }

    /** Ends the wait in progress on this node, if any. */
    private void endWait() {
        Mailbox mailbox = waiting;
        if (mailbox != null) {
            mailbox.stopWaiting();
        }
    }

    /**
     * A run of the renewal job, every {@code pollSeconds}: the wait in IDLE ends, and the next opens a new connection.
     * No wait outlasts the poll period, so a connection the network dropped without a word is not waited on forever
     * (Angus ignores read timeouts in IDLE).
     */
    void renew() {
        if (idling) {
            endWait();
        }
    }

    /**
     * A run of the wait job: connects, takes what is unseen, waits with IDLE for new mail, and takes it. Without IDLE on
     * the server nothing is done (until the configuration changes): the poll reads the mailbox.
     */
    void waitOnce() throws MessagingException {
        EmailChannelConfig now = config;
        if (!active || !now.enabled() || !now.imap_idle() || noIdle == now || !typeExists(now)) {
            return;
        }
        withMailLoader(() -> {
            try (Mailbox mailbox = Mailbox.open(now)) {
                if (!mailbox.canIdle()) {
                    noIdle = now;
                    LOG.info("The mail server has no IMAP IDLE: the mailbox is read every {} s", now.pollSeconds());
                    return;
                }
                waiting = mailbox;
                // Set before this check: deactivate either sees the mailbox waiting or is seen here.
                if (!active || config != now) {
                    return;
                }
                drain(mailbox, now);
                idling = true;
                try {
                    // Checked after idling is set, as deactivate and modified set their field before reading idling:
                    // either the wait does not start, or they see it and end it.
                    if (mailbox.isOpen() && active && config == now) {
                        mailbox.waitForChange();
                    }
                } finally {
                    idling = false;
                }
                if (mailbox.isOpen() && active) {
                    drain(mailbox, now);
                }
            } catch (IllegalStateException e) {
                // The folder was closed under the wait (renewal, new settings, deactivation): the wait is over.
            } finally {
                waiting = null;
            }
        });
    }

    /** One run of the poll: every unseen message of the folder, oldest first. */
    void poll() throws MessagingException {
        EmailChannelConfig now = config;
        if (!active || !typeExists(now)) {
            return;
        }
        withMailLoader(() -> {
            try (Mailbox mailbox = Mailbox.open(now)) {
                drain(mailbox, now);
            }
        });
    }

    private boolean typeExists(EmailChannelConfig now) {
        if (types.find(now.defaultType()).isEmpty()) {
            // Mail stays unread in the mailbox until the configuration names a type that exists.
            LOG.error("The e-mail channel's defaultType '{}' is not a request type: no mail is read", now.defaultType());
            return false;
        }
        return true;
    }

    /** Work with the mailbox, under the class loader that Jakarta Mail finds Angus with. */
    private interface MailWork {
        void run() throws MessagingException;
    }

    private static void withMailLoader(MailWork work) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail finds Angus (its providers and stream provider) with ServiceLoader on the context class loader.
        thread.setContextClassLoader(IMAPStore.class.getClassLoader());
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Takes the unseen messages of the open folder, oldest first, in batches of {@link #MESSAGES_PER_RUN}, until none is
     * left or the component goes away; one intake at a time on this node.
     */
    private void drain(Mailbox mailbox, EmailChannelConfig now) throws MessagingException {
        Set<String> own = Set.of(now.from().strip().toLowerCase(Locale.ROOT), now.imap_user().strip().toLowerCase(Locale.ROOT));
        intake.lock();
        try {
            boolean more = true;
            while (more && active && mailbox.isOpen()) {
                List<Message> batch = mailbox.unseen(MESSAGES_PER_RUN);
                int done = 0;
                for (Message message : batch) {
                    if (!active || !mailbox.isOpen()) {
                        return;
                    }
                    try {
                        if (take(Mailbox.copy(message), own, now)) {
                            mailbox.markSeen(message);
                            done++;
                        }
                    } catch (MessagingException | java.io.IOException | RuntimeException e) {
                        // Left unseen: the next run tries again. No personal data in the log.
                        LOG.warn("An e-mail could not be taken, it stays unread for the next run: {}", e.toString());
                    }
                }
                // Another full batch only while this one moved on: what stays unseen waits for the next run.
                more = batch.size() == MESSAGES_PER_RUN && done > 0;
            }
        } finally {
            intake.unlock();
        }
    }

    /**
     * What one message becomes.
     *
     * @return whether it may be flagged seen (done with); a message refused by the registry stays unread for a person
     */
    boolean take(jakarta.mail.internet.MimeMessage message, Set<String> own, EmailChannelConfig now)
            throws MessagingException, java.io.IOException {
        IncomingMail mail = MailReader.read(message, own);
        Optional<Processed> done = processed.find(mail.key());
        if (done.isPresent()) {
            if (done.get().requestNumber() != null) {
                // Unseen although done: the run stopped before the files or the flag; files already stored are skipped.
                attach(mail, RequestNumber.parse(done.get().requestNumber()));
            }
            return done.get().outcome() != Outcome.REJECTED;
        }
        if (mail.automatic() != null) {
            processed.record(mail.key(), Outcome.IGNORED, null);
            LOG.info("An e-mail sent by a machine was not filed ({})", mail.automatic());
            return true;
        }
        try {
            Optional<RequestNumber> answered = answered(mail);
            RequestNumber number = answered.isPresent() ? comment(mail, answered.get()) : file(mail, now);
            attach(mail, number);
            return true;
        } catch (InvalidInputException e) {
            processed.record(mail.key(), Outcome.REJECTED, null);
            LOG.warn("An e-mail was refused by the registry ({}); it stays unread in the mailbox", e.field());
            return false;
        }
    }

    /**
     * The request a reply answers: a message of its thread we took, or its number in the subject when the sender is
     * the request's citizen or contact (anyone may write a number in a subject).
     */
    private Optional<RequestNumber> answered(IncomingMail mail) {
        for (String key : mail.threadKeys()) {
            Optional<Processed> earlier = processed.find(key);
            if (earlier.isPresent() && earlier.get().requestNumber() != null) {
                return Optional.of(RequestNumber.parse(earlier.get().requestNumber()));
            }
        }
        Optional<String> number = Texts.requestNumber(mail.subject());
        if (number.isPresent()) {
            try {
                ServiceRequest request = requests.get(actor, RequestNumber.parse(number.get()));
                if (fromRequester(mail, request)) {
                    return Optional.of(request.number());
                }
                LOG.info("An e-mail names request {} in its subject but is not from the request's citizen or contact: "
                        + "it is filed as a new request", request.number());
            } catch (NotFoundException | InvalidInputException e) {
                // No such request: the message is a new one.
            }
        }
        return Optional.empty();
    }

    /** Whether the sender's address is the one of the request's citizen, or of the contact left with it. */
    private boolean fromRequester(IncomingMail mail, ServiceRequest request) {
        if (mail.sender() == null) {
            return false;
        }
        Optional<String> address = request.citizenId() != null
                ? citizens.get(actor, request.citizenId(), PURPOSE).map(Citizen::email)
                : requests.contact(actor, request.number()).map(CitizenDetails::email);
        return address.filter(a -> a.strip().equalsIgnoreCase(mail.sender())).isPresent();
    }

    private RequestNumber comment(IncomingMail mail, RequestNumber number) {
        String body = Texts.withoutQuote(mail.text());
        String text = Texts.limit(body.isEmpty() ? mail.subject() : body, RequestChange.MAX_COMMENT);
        Optional<String> claim = processed.claimed(mail.key());
        boolean made = claim.isPresent() && requests.history(actor, number).stream().anyMatch(e ->
                e.kind() == EventKind.COMMENTED && actor.username().equals(e.actor()) && text.equals(e.comment()));
        if (!made) {
            if (claim.isEmpty()) {
                processed.claim(mail.key(), number.toString());
            }
            requests.apply(actor, number, RequestChange.comment(text));
        }
        processed.record(mail.key(), Outcome.COMMENTED, number.toString());
        return number;
    }

    private RequestNumber file(IncomingMail mail, EmailChannelConfig now) {
        String type = typeOf(mail).orElse(now.defaultType());
        String body = mail.text().isEmpty() ? "" : "\n\n" + mail.text();
        String description = Texts.limit((mail.subject() + body).strip(), NewRequest.MAX_DESCRIPTION);
        if (description.isEmpty()) {
            description = "(e-mail fără text / e-mail without text)";
        }
        ServiceRequest filed;
        try {
            // The message's row is written with the filing (ProcessedMessages.onFiled): both commit, or neither.
            filed = requests.file(actor, new NewRequest(type, Channel.EMAIL, who(mail), description, null, Map.of(),
                    ProcessedMessages.reference(mail.key())));
        } catch (AlreadyProcessed | IllegalStateException e) {
            // Another run (another node) filed it first, or recorded it at the same moment: that filing stands.
            Optional<Processed> done = processed.find(mail.key());
            if (done.isEmpty() || done.get().requestNumber() == null) {
                throw e;
            }
            return RequestNumber.parse(done.get().requestNumber());
        }
        LOG.info("E-mail filed as request {}", filed.number());
        return filed.number();
    }

    /**
     * Stores the message's files with the request in document management, with the web channel's limits (the store
     * checks type and size); files it already holds for the request are skipped, so a run that stopped is taken up.
     * What is refused is said in a comment on the request.
     */
    private void attach(IncomingMail mail, RequestNumber number) {
        AttachmentStore store = attachments;
        if (store == null || mail.attachments().isEmpty()) {
            return;
        }
        List<String> stored = store.list(actor, number).stream().map(StoredAttachment::sha256).toList();
        List<String> refused = new ArrayList<>();
        int kept = 0;
        for (IncomingMail.Attachment file : mail.attachments()) {
            if (kept >= MAX_ATTACHMENTS || file.content() == null) {
                refused.add(file.fileName());
                continue;
            }
            if (stored.contains(sha256(file.content()))) {
                kept++;
                continue;
            }
            try {
                store.attach(actor, number, file.fileName(), new ByteArrayInputStream(file.content()),
                        "Din e-mail / From the e-mail");
                kept++;
            } catch (InvalidInputException e) {
                refused.add(file.fileName());
            }
        }
        if (!refused.isEmpty()) {
            String names = String.join(", ", refused);
            String note = Texts.limit("Atașamente nepăstrate (tip, mărime sau mai mult de " + MAX_ATTACHMENTS + "): " + names
                    + "\nAttachments not kept (type, size or more than " + MAX_ATTACHMENTS + "): " + names,
                    RequestChange.MAX_COMMENT);
            boolean noted = requests.history(actor, number).stream().anyMatch(e -> e.kind() == EventKind.COMMENTED
                    && actor.username().equals(e.actor()) && note.equals(e.comment()));
            if (!noted) {
                requests.apply(actor, number, RequestChange.comment(note));
            }
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request type named by a recipient: {@code pothole@…} or {@code cereri+pothole@…}. */
    private Optional<String> typeOf(IncomingMail mail) {
        for (String recipient : mail.recipients()) {
            String local = recipient.contains("@") ? recipient.substring(0, recipient.indexOf('@')) : recipient;
            String alias = local.contains("+") ? local.substring(local.indexOf('+') + 1) : local;
            if (types.find(alias).isPresent()) {
                return Optional.of(alias);
            }
        }
        return Optional.empty();
    }

    /**
     * The citizen a valid CNP/CUI in the message names, if known; else the one citizen whose address on
     * record is the sender's; otherwise the sender as a contact to link later.
     */
    private CitizenDetails who(IncomingMail mail) {
        Optional<String> id = Texts.nationalId(mail.subject() + "\n" + mail.text());
        if (id.isPresent()) {
            Optional<Citizen> known = citizens.findByNationalId(actor, id.get(), PURPOSE);
            if (known.isPresent()) {
                return details(known.get());
            }
        }
        if (mail.sender() == null || !mail.sender().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return null;
        }
        // An address several people share names none of them.
        List<Citizen> writers = citizens.findByEmail(actor, mail.sender(), PURPOSE);
        if (writers.size() == 1) {
            return details(writers.get(0));
        }
        String first = null;
        String last = null;
        if (mail.senderName() != null) {
            String name = Texts.limit(mail.senderName(), CitizenDetails.MAX_FIRST_NAME);
            int space = name.lastIndexOf(' ');
            first = space > 0 ? name.substring(0, space) : null;
            last = space > 0 ? name.substring(space + 1) : name;
        }
        return new CitizenDetails(null, first, last, null, null, mail.sender());
    }

    private static CitizenDetails details(Citizen c) {
        return new CitizenDetails(c.nationalId(), c.firstName(), c.lastName(), c.address(), c.phone(), c.email());
    }
}
