package org.civicdesk.channel.phone.internal.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.civicdesk.channel.phone.internal.ami.Pbx;
import org.civicdesk.channel.phone.internal.queue.DeskCall.OpenRequest;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.ConflictException;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.CitizenRegistry;
import org.civicdesk.identity.api.PhoneNumbers;
import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.Interaction;
import org.civicdesk.request.api.InteractionLog;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;

/**
 * The call centre behind the queue: operators' presence and skills, the caller put through to an
 * operator (found by number or PIN, an interaction started, their open requests popped up on the
 * console), the end of each conversation, and what operators do through the exchange's manager
 * interface: transfers, call-backs, click-to-call. What the console asks of the phone channel.
 */
public final class CallCentre {
    /** The robot's own actor: what it reads and files is audited under this name. */
    public static final Actor ROBOT = Actor.system("phone-robot");
    private static final String CONFIG_FILE = "etc/org.civicdesk.channel.phone.cfg";
    /** How many of the caller's open requests the pop-up lists. */
    private static final int OPEN_REQUESTS = 10;

    private final CallDistributor distributor;
    private final DeskCalls deskCalls;
    private final CitizenRegistry citizens;
    private final RequestRegistry registry;
    private final InteractionLog interactions;
    private final StaffDirectory staff;
    private final CallLog callLog;
    private final Callbacks callbacks;
    /** The languages the robot speaks: every operator not configured otherwise takes calls in all of them. */
    private final Supplier<List<String>> languages;
    private volatile Pbx pbx;
    /** The operators of the configuration, by user name, read when it changes. */
    private volatile Map<String, OperatorSetup> configuredOperators = Map.of();
    private volatile String dialContext = "";
    private volatile String extensionDial = "%s";

    /** Where an operator's calls ring and what they can answer. */
    public record OperatorSetup(String extension, Set<String> skills) {
    }

    public CallCentre(CallDistributor distributor, DeskCalls deskCalls, CitizenRegistry citizens,
            RequestRegistry registry, InteractionLog interactions, StaffDirectory staff, CallLog callLog,
            Callbacks callbacks, Supplier<List<String>> languages) {
        this.distributor = distributor;
        this.deskCalls = deskCalls;
        this.citizens = citizens;
        this.registry = registry;
        this.interactions = interactions;
        this.staff = staff;
        this.callLog = callLog;
        this.callbacks = callbacks;
        this.languages = languages;
    }

    /**
     * Takes the configuration's operators ({@code user = extension : skills, …}), the dialplan context of
     * transfers and call-backs and the dial string of an extension.
     */
    public void configure(String operators, String dialContext, String extensionDial) {
        this.configuredOperators = operators(operators);
        this.dialContext = dialContext;
        this.extensionDial = extensionDial;
    }

    /** The exchange's manager interface to use from now on, or {@code null} when none is configured. */
    public void useExchange(Pbx exchange) {
        this.pbx = exchange;
    }

    private Pbx exchange() {
        Pbx connected = pbx;
        if (connected == null) {
            throw new ConflictException("no exchange manager interface (AMI) is configured: set amiHost in " + CONFIG_FILE);
        }
        return connected;
    }

    public CallDistributor distributor() {
        return distributor;
    }

    public Callbacks callbacks() {
        return callbacks;
    }

    /** How the exchange dials an operator's extension. */
    public String dialString(String extension) {
        return String.format(extensionDial, extension);
    }

    // What the exchange says.

    /** The exchange says the operator answered (the caller joined a bridge): talk time counts from now. */
    public void connected(String callId) {
        distributor.onCall(callId).filter(agent -> deskCalls.answered(callId))
                .ifPresent(agent -> callLog.append(callId, CallLog.CONNECTED, agent.username()));
    }

    /** The exchange says a call is over (AMI hang-up, or the dialplan's {@code h} extension): its operator wraps up. */
    public void talkEnded(String callId) {
        distributor.onCall(callId).ifPresent(agent -> {
            long talk = Duration.between(deskCalls.talkStarted(callId).orElse(Instant.now()), Instant.now()).toSeconds();
            // Every node with AMI hears the hang-up: the one that ends the call logs it.
            if (distributor.callEnded(agent.username(), callId, talk)) {
                callLog.append(callId, CallLog.TALK_ENDED, agent.username());
            }
        });
    }

    /** The caller is on the operator's line: find who it is, start the interaction, pop it up on the console. */
    public void offerToOperator(Agent operator, String callId, String pbxChannel, String caller, String language,
            Citizen identified) {
        Optional<StaffAccount> account = staff.find(operator.username());
        Actor actor = account.map(StaffAccount::asActor).orElse(ROBOT);
        List<Citizen> matches = identified != null ? List.of(identified)
                : caller == null ? List.of() : citizens.findByPhone(actor, caller, "caller on the operator's line");
        Interaction interaction = interactions.start(actor, Channel.PHONE);
        String citizenId = matches.size() == 1 ? matches.get(0).id() : null;
        if (citizenId != null) {
            interactions.identify(actor, interaction.id(), citizenId, identified != null);
        }
        callLog.append(callId, CallLog.INTERACTION, interaction.id());
        List<OpenRequest> open = citizenId == null ? List.of() : registry.search(actor, new RequestQuery(null, null, null,
                null, null, citizenId, null, null, null, null, null, null, null, null, null, false), 0, OPEN_REQUESTS)
                .items().stream().map(r -> new OpenRequest(r.number().toString(), r.type(), r.status(), r.assignee(),
                        r.deadline())).toList();
        deskCalls.put(operator.username(), new DeskCall(callId, pbxChannel, caller, language, citizenId, identified != null,
                matches.size(), interaction.id(), Instant.now(), open));
    }

    // What the console asks.

    /** An operator changes their presence. */
    public Agent setPresence(StaffAccount account, String presence, String extension) {
        Presence wanted = Presence.parse(presence);
        if (extension != null && !extension.isBlank()) {
            if (!extension.strip().matches("[0-9]{2,8}")) {
                throw InvalidInputException.of("extension", "phone.extension");
            }
        }
        if (wanted == Presence.ON_CALL) {
            throw InvalidInputException.of("presence", "phone.onCall");
        }
        Optional<Agent> current = distributor.agent(account.username());
        if (current.isPresent() && current.get().presence() == Presence.ON_CALL && current.get().callId() != null) {
            // The operator ends the call from the console: the exchange did not tell us (no AMI, no h extension).
            talkEnded(current.get().callId());
        }
        OperatorSetup setup = operatorSetup(account, extension == null || extension.isBlank() ? null : extension.strip());
        if (wanted == Presence.AVAILABLE && setup.extension() == null) {
            throw InvalidInputException.of("extension", "phone.extensionRequired");
        }
        return distributor.setPresence(account.username(), setup.extension(), setup.skills(), wanted);
    }

    /** The extension and skills of an operator: from the configuration, else their department and every language. */
    public OperatorSetup operatorSetup(StaffAccount account) {
        return operatorSetup(account, null);
    }

    /** As {@link #operatorSetup(StaffAccount)}, with the extension the operator gives now (else the one given before). */
    OperatorSetup operatorSetup(StaffAccount account, String given) {
        OperatorSetup configured = configuredOperators.get(account.username());
        String extension = given != null ? given : configured != null ? configured.extension()
                : distributor.agent(account.username()).map(Agent::extension).orElse(null);
        Set<String> skills = new HashSet<>();
        if (configured == null || configured.skills().isEmpty()) {
            skills.addAll(languages.get());
            skills.add(CallDistributor.GENERAL);
        } else {
            skills.addAll(configured.skills());
        }
        if (account.department() != null) {
            skills.add(account.department());
        }
        return new OperatorSetup(extension, Set.copyOf(skills));
    }

    /** {@code user = extension : skills, …} as configured. */
    private static Map<String, OperatorSetup> operators(String configured) {
        Map<String, OperatorSetup> operators = new HashMap<>();
        for (String entry : configured.split(",")) {
            String[] userAndRest = entry.split("=", 2);
            if (userAndRest.length == 2) {
                String[] extensionAndSkills = userAndRest[1].split(":", 2);
                Set<String> skills = extensionAndSkills.length == 2 ? Arrays.stream(extensionAndSkills[1].strip()
                        .split("[\\s,]+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet()) : Set.of();
                operators.put(userAndRest[0].strip(), new OperatorSetup(extensionAndSkills[0].strip(), skills));
            }
        }
        return Map.copyOf(operators);
    }

    public List<Agent> agents() {
        return distributor.agents();
    }

    /** The state the exchange reports for an extension, when AMI is connected. */
    public Optional<String> extensionState(String extension) {
        Pbx connected = pbx;
        return connected == null ? Optional.empty() : Optional.ofNullable(connected.extensionState(extension));
    }

    public boolean exchangeConnected() {
        Pbx connected = pbx;
        return connected != null && connected.connected();
    }

    /** Moves the caller on the operator's line to a colleague's desk phone (the responsible employee). */
    public void transfer(StaffAccount operator, StaffAccount colleague) {
        DeskCall desk = deskCall(operator.username()).filter(d -> distributor.agent(operator.username())
                .map(a -> a.presence() == Presence.ON_CALL).orElse(false))
                .orElseThrow(() -> new ConflictException("there is no caller on your line to transfer"));
        String extension = operatorSetup(colleague).extension();
        if (extension == null) {
            throw InvalidInputException.of("to", "phone.colleagueExtension", colleague.username(), CONFIG_FILE);
        }
        exchange().redirect(desk.pbxChannel(), dialContext, extension);
        callLog.append(desk.callId(), CallLog.TRANSFERRED, colleague.username());
        talkEnded(desk.callId());
    }

    /** Rings the operator's phone and, when they answer, calls the citizen who asked to be called back. */
    public void callBack(StaffAccount operator, String callbackId) {
        Callbacks.Callback callback = callbacks.open(callbackId);
        dial(operator, callback.number(), callback.callId());
        // A call-back about a request stays open until the operator records how it went, in the request's history.
        if (callback.requestNumber() == null) {
            callbacks.done(callbackId, operator.username(), "dialled");
        }
        callLog.append(callback.callId(), CallLog.CALLBACK, "dialled by " + operator.username());
    }

    /**
     * Click-to-call: rings the operator's desk phone, then dials the number from it.
     *
     * @param callId the call this one follows up, if any, for the exchange's records
     */
    public void dial(StaffAccount operator, String number, String callId) {
        String extension = operatorSetup(operator).extension();
        if (extension == null) {
            throw InvalidInputException.of("extension", "phone.ownExtension", CONFIG_FILE);
        }
        // The exchange dials national numbers with the trunk prefix 0 and others with 00.
        String digits = PhoneNumbers.normalise(number)
                .map(n -> n.startsWith("+40") ? "0" + n.substring(3) : "00" + n.substring(1))
                .orElseThrow(() -> InvalidInputException.of("number", "phone.notANumberGiven", number));
        exchange().originate(dialString(extension), dialContext, digits, callId == null ? "" : callId);
    }

    public Optional<DeskCall> deskCall(String username) {
        return deskCalls.get(username).filter(d -> distributor.agent(username)
                .map(a -> d.callId().equals(a.callId()) || a.presence() == Presence.WRAP_UP).orElse(false));
    }

    public int waitingCalls() {
        return distributor.waiting();
    }
}
