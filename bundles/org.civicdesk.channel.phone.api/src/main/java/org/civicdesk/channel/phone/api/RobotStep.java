package org.civicdesk.channel.phone.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One option of the phone robot's main menu ("for your taxes, press 1"), contributed by any bundle
 * as an OSGi service. The robot builds each call's menu from the steps registered when the call
 * starts: installing a bundle with a step adds the option to the next call, stopping it takes the
 * option away. Extend {@link AbstractRobotStep} rather than implementing this directly.
 * <p>A step is registered with these service properties:
 * <ul>
 * <li>{@link #ID} (required): the step's id, lower-case letters, digits and dashes, unique;</li>
 * <li>{@link #ORDER}: its place in the menu, lower first (default 1000);</li>
 * <li>{@link #KEY}: the key it asks to be chosen with, one of {@code 1}–{@code 9}.</li>
 * </ul>
 * A step's key is the one the robot's script gives it ({@code menu.main = 1 taxes} in
 * {@code etc/org.civicdesk.channel.phone.ivr.cfg}, which also places it in the menu), else the one it
 * declares if that key is free, else the first free key, given in the order of the steps. The robot
 * reads the steps in their order, then the script's own options (sub-menus, the other language, an
 * operator).
 * <p>A step speaks through its {@link #prompts prompts}: every sentence in every language the robot
 * speaks, spoken by the robot's speech engine and cached as sound like the robot's own. The script
 * may reword any of them ({@code label.<id>.<language>} for the label, {@code text.<key>.<language>}
 * for a sentence); a step without a label in the caller's language is not offered to them.
 *
 * <pre>
 * &#64;Component(service = RobotStep.class, property = {RobotStep.ID + "=hours", RobotStep.ORDER + ":Integer=60"})
 * public class OpeningHours extends AbstractRobotStep {
 *     public OpeningHours() {
 *         super("hours.properties"); // label.ro = programul primăriei, hours.ro = ..., label.en = ...
 *     }
 *
 *     public Next run(RobotCall call) throws CallEndedException {
 *         call.say("hours");
 *         return Next.MENU;
 *     }
 * }
 * </pre>
 */
@ConsumerType
public interface RobotStep {
    /** Service property: the step's id, e.g. {@code taxes}; it names the step in the script and the call log. */
    String ID = "civicdesk.phone.step";
    /** Service property: the step's place among the steps of the menu, an integer, lower first. */
    String ORDER = "civicdesk.phone.step.order";
    /** Service property: the key the step would like, {@code 1}–{@code 9}; taken only if free. */
    String KEY = "civicdesk.phone.step.key";
    /** The key of the step's menu label among its {@link #prompts prompts}. */
    String LABEL = "label";

    /**
     * What the step says in a language: its menu label under {@link #LABEL} (read as "for
     * &lt;label&gt;, press &lt;key&gt;") and its sentences by key, with placeholders in braces
     * ({@code You owe {amount} lei.}) that {@link RobotCall#text} fills in.
     *
     * @param language a language of the robot's script, {@code ro}, {@code en}
     * @return the prompts, empty when the step does not speak the language
     */
    Map<String, String> prompts(String language);

    /**
     * Whether the caller must be identified (national id and PIN) before the step runs. The robot
     * asks, unless the caller is identified already; a caller who cannot be is offered an operator
     * instead, and the step does not run.
     */
    boolean needsIdentifiedCaller();

    /**
     * Whether the menu offers the step now, asked each time the menu is read: a poll step is
     * offered only while a poll is open. Keep it quick.
     */
    boolean isOffered();

    /**
     * Runs the step's dialogue with the caller who chose it.
     *
     * @return what the robot does next
     * @throws CallEndedException when the caller hung up; let it pass
     */
    Next run(RobotCall call) throws CallEndedException;
}
