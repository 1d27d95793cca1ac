package org.civicdesk.channel.phone.api;

import java.util.Objects;
import java.util.Optional;

/** What the robot does once a {@link RobotStep} has run: back to the menu, to an operator, or goodbye. */
public final class Next {
    /** What comes next. */
    public enum Kind {
        /** The menu the step was chosen from is read again. */
        MENU,
        /** The caller waits in the queue for an operator in their language (with a skill, if one is named). */
        OPERATOR,
        /** The robot says goodbye and hangs up. */
        HANG_UP
    }

    /** Back to the menu the step was chosen from. */
    public static final Next MENU = new Next(Kind.MENU, null);
    /** To an operator who speaks the caller's language. */
    public static final Next OPERATOR = new Next(Kind.OPERATOR, null);
    /** Goodbye, and the robot hangs up. */
    public static final Next HANG_UP = new Next(Kind.HANG_UP, null);

    private final Kind kind;
    private final String skill;

    private Next(Kind kind, String skill) {
        this.kind = kind;
        this.skill = skill;
    }

    /**
     * To an operator who speaks the caller's language and has this skill: a department's code
     * ({@code TAX}) or a topic, as operators' skills are configured in {@code etc/org.civicdesk.channel.phone.cfg}.
     */
    public static Next operator(String skill) {
        if (skill == null || skill.isBlank()) {
            throw new IllegalArgumentException("name the skill the operator needs");
        }
        return new Next(Kind.OPERATOR, skill.strip());
    }

    public Kind kind() {
        return kind;
    }

    /** The skill an operator needs besides the caller's language, for {@link Kind#OPERATOR}. */
    public Optional<String> skill() {
        return Optional.ofNullable(skill);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Next n && n.kind == kind && Objects.equals(n.skill, skill);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, skill);
    }

    @Override
    public String toString() {
        return skill == null ? kind.name() : kind.name() + " " + skill;
    }
}
