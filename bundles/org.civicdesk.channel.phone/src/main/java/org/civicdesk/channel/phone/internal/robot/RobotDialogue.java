package org.civicdesk.channel.phone.internal.robot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicdesk.channel.phone.api.CallEndedException;
import org.civicdesk.channel.phone.api.Next;
import org.civicdesk.channel.phone.api.RobotStep;
import org.civicdesk.channel.phone.internal.queue.CallDistributor;
import org.civicdesk.channel.phone.internal.queue.CallLog;
import org.civicdesk.channel.phone.internal.robot.Menu.Choice;
import org.civicdesk.channel.phone.internal.robot.QueueDialogue.QueueClosed;
import org.civicdesk.channel.phone.internal.robot.RobotSteps.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call with the phone robot, from the greeting to the hang-up or the hand-over to an
 * operator: the language, the menus and the steps the caller chooses. Everything the caller hears
 * is text from the script or a step, spoken by {@link Speech}; everything that happens is appended
 * to the {@link CallLog}. The log never names the caller.
 */
final class RobotDialogue {
    private static final Logger LOG = LoggerFactory.getLogger(RobotDialogue.class);
    private static final int ATTEMPTS = 3;

    private final Robot robot;
    private final RobotScript script;
    private final ExchangeLine line;
    private final String callId;
    private final Voice voice;
    private final Menu menus;
    private final Identification identification;
    private final QueueDialogue queue;

    RobotDialogue(Robot robot, RobotScript script, ExchangeLine line, String callId, String pbxChannel, String caller,
            String language) {
        this.robot = robot;
        this.script = script;
        this.line = line;
        this.callId = callId;
        this.voice = new Voice(line, robot.speech(), script, language);
        // The menu is built from the steps present now; a step installed during the call waits for the next.
        this.menus = new Menu(script, robot.steps().present());
        this.identification = new Identification(voice, robot.pins(), robot.callLog(), callId);
        this.queue = new QueueDialogue(robot, voice, line, callId, pbxChannel, caller);
    }

    /** Runs the whole call; returns how it ended, for the log. */
    String runToEnd() throws CallEndedException {
        try {
            line.answer();
            if (voice.language() == null) {
                voice.language(chooseLanguage());
            }
            log(CallLog.LANGUAGE, voice.language());
            voice.say("welcome");
            return menu(RobotScript.MAIN);
        } catch (QueueClosed closed) {
            voice.say("unavailable");
            return "interrupted";
        }
    }

    private String chooseLanguage() throws CallEndedException {
        List<String> languages = script.languages();
        if (languages.size() == 1) {
            return languages.get(0);
        }
        for (int i = 0; i < languages.size(); i++) {
            String key = String.valueOf(i + 1);
            String pressed = voice.ask(languages.get(i), script.text("chooseLanguage", languages.get(i),
                    Map.of("key", key)), 1, i == languages.size() - 1 ? Voice.MENU_TIMEOUT_MS : 1);
            int chosen = pressed.isEmpty() ? -1 : pressed.charAt(0) - '1';
            if (chosen >= 0 && chosen < languages.size()) {
                return languages.get(chosen);
            }
        }
        return languages.get(0);
    }

    /** Reads a menu and carries out the caller's choices until the call ends. */
    private String menu(String start) throws CallEndedException {
        String current = start;
        int misses = 0;
        while (true) {
            if (robot.isClosing()) {
                voice.say("unavailable");
                line.hangUp();
                return "interrupted";
            }
            List<Choice> offered = new ArrayList<>();
            StringBuilder prompt = new StringBuilder();
            for (Choice c : menus.options(current)) {
                Optional<String> label = c.label(script, voice.language());
                if (label.isPresent() && available(c)) {
                    offered.add(c);
                    prompt.append(voice.text("option", Map.of("label", label.get(), "key", c.key()))).append(' ');
                }
            }
            String pressed = voice.ask(prompt.toString().strip(), 1);
            Optional<Choice> chosen = offered.stream().filter(c -> c.key().equals(pressed)).findFirst();
            if (chosen.isEmpty()) {
                voice.say(pressed.isEmpty() ? "noInput" : "invalid");
                if (++misses >= ATTEMPTS) {
                    return goodbye();
                }
                continue;
            }
            misses = 0;
            Choice choice = chosen.get();
            log(CallLog.STEP, choice.option().labelKey());
            if (choice.step() != null) {
                Next next = runStep(choice.step());
                switch (next.kind()) {
                    case MENU -> {
                        // the same menu again
                    }
                    case OPERATOR -> {
                        return queue.queue(Set.of(voice.language(), next.skill().orElse(CallDistributor.GENERAL)),
                                identification.citizen().orElse(null));
                    }
                    case HANG_UP -> {
                        return goodbye();
                    }
                    default -> throw new IllegalStateException("unknown next " + next);
                }
                continue;
            }
            String argument = choice.option().argument();
            switch (choice.option().step()) {
                case "menu" -> current = argument;
                case "language" -> voice.language(otherLanguage());
                case "operator" -> {
                    return queue.queue(Set.of(voice.language(), CallDistributor.GENERAL), identification.citizen().orElse(null));
                }
                case "department" -> {
                    return queue.queue(Set.of(voice.language(), argument), identification.citizen().orElse(null));
                }
                default -> throw new IllegalStateException("unknown option " + choice.option());
            }
        }
    }

    private boolean available(Choice choice) {
        if (choice.step() != null) {
            if (!robot.steps().isPresent(choice.step())) {
                // Its bundle stopped since the call started: the menu no longer offers it.
                return false;
            }
            try {
                return choice.step().step().isOffered();
            } catch (RuntimeException e) {
                LOG.warn("The robot step {} cannot say whether it is offered: {}", choice.step().id(), e.toString());
                return false;
            }
        }
        return !choice.option().step().equals("language") || script.languages().size() > 1;
    }

    /** Runs a step the caller chose, identifying them first if it needs it. */
    private Next runStep(Entry entry) throws CallEndedException {
        if (!robot.steps().isPresent(entry)) {
            // Its bundle stopped since the call started.
            voice.say("unavailable");
            return Next.MENU;
        }
        RobotStep step = entry.step();
        if (step.needsIdentifiedCaller()) {
            Optional<Next> instead = identification.require();
            if (instead.isPresent()) {
                return instead.get();
            }
        }
        try {
            Next next = step.run(new StepCall(voice, line, step.prompts(voice.language()), identification.citizen(), callId,
                    robot.callLog(), robot.zone()));
            return next == null ? Next.MENU : next;
        } catch (RuntimeException e) {
            LOG.error("Call {}: the robot step {} failed", callId, entry.id(), e);
            voice.say("unavailable");
            return Next.MENU;
        }
    }

    private String otherLanguage() {
        List<String> languages = script.languages();
        String next = languages.get((languages.indexOf(voice.language()) + 1) % languages.size());
        log(CallLog.LANGUAGE, next);
        return next;
    }

    private String goodbye() throws CallEndedException {
        voice.say("goodbye");
        line.hangUp();
        return "completed";
    }

    private void log(String kind, String detail) {
        robot.callLog().append(callId, kind, detail);
    }
}
