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

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import org.civicdesk.channel.email.internal.ProcessedMessages.Outcome;
import org.civicdesk.channel.email.internal.ProcessedMessages.Processed;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.datasource.documents.api.AttachmentStore;
import org.civicdesk.datasource.documents.api.StoredAttachment;
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
 * it, so that a crash or a second delivery never files it twice. Polling; IMAP IDLE is a later step.
 */
@Component(configurationPid = EmailIntake.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = EmailChannelConfig.class)
public class EmailIntake {
    static final String PID = "org.civicdesk.channel.email";
    static final String JOB_ID = "email-intake";
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
        if (!changed.enabled()) {
            unschedule();
            return;
        }
        Map<String, Object> properties = Map.of(Job.ID, JOB_ID, Job.SCOPE, Job.CLUSTER, Job.PERIOD,
                Math.max(1, changed.pollSeconds()) * 1000L);
        if (job == null) {
            job = context.registerService(Job.class, run -> poll(), FrameworkUtil.asDictionary(properties));
        } else {
            job.setProperties(FrameworkUtil.asDictionary(properties));
        }
    }

    @Deactivate
    synchronized void deactivate() {
        unschedule();
    }

    private void unschedule() {
        if (job != null) {
            job.unregister();
            job = null;
        }
    }

    /** One run: every unseen message of the folder, oldest first. */
    void poll() throws MessagingException {
        EmailChannelConfig now = config;
        if (types.find(now.defaultType()).isEmpty()) {
            // Mail stays unread in the mailbox until the configuration names a type that exists.
            LOG.error("The e-mail channel's defaultType '{}' is not a request type: no mail is read", now.defaultType());
            return;
        }
        Set<String> own = Set.of(now.from().strip().toLowerCase(Locale.ROOT), now.imap_user().strip().toLowerCase(Locale.ROOT));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail finds Angus (its providers and stream provider) with ServiceLoader on the context class loader.
        thread.setContextClassLoader(IMAPStore.class.getClassLoader());
        try (Mailbox mailbox = Mailbox.open(now)) {
            for (Message message : mailbox.unseen(MESSAGES_PER_RUN)) {
                try {
                    if (take(Mailbox.copy(message), own, now)) {
                        mailbox.markSeen(message);
                    }
                } catch (MessagingException | java.io.IOException | RuntimeException e) {
                    // Left unseen: the next run tries again. No personal data in the log.
                    LOG.warn("An e-mail could not be taken, it stays unread for the next run: {}", e.toString());
                }
            }
        } finally {
            thread.setContextClassLoader(previous);
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

    /** The request a reply answers: a message of its thread we took, or its number in the subject. */
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
                return Optional.of(requests.get(actor, RequestNumber.parse(number.get())).number());
            } catch (NotFoundException | InvalidInputException e) {
                // No such request: the message is a new one.
            }
        }
        return Optional.empty();
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
        processed.expect(mail.key(), type, description);
        try {
            filed = requests.file(actor, new NewRequest(type, Channel.EMAIL, who(mail), description, null));
        } finally {
            processed.expectNothing();
        }
        if (processed.find(mail.key()).isEmpty()) {
            // Not written with the filing (the hand-off was not there): right after it.
            processed.record(mail.key(), Outcome.FILED, filed.number().toString());
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
