package org.civicdesk.command.api;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.apache.karaf.shell.api.console.Session;

/**
 * What a shell command says, in the language of its session: Romanian when the session's {@code civicdesk.language}
 * variable says so ({@code civicdesk.language = ro}), or else its {@code LC_ALL}, {@code LC_MESSAGES} or {@code LANG}
 * (which ssh clients send), or else the server's {@code LANG}; English otherwise. The texts are the command bundle's
 * {@code Shell.properties} and {@code Shell_ro.properties}, in the package of the command given.
 *
 * @since 1.1
 */
public final class ShellText {
    /** The session variable an administrator sets to choose the shell's language, {@code ro} or {@code en}. */
    public static final String LANGUAGE = "civicdesk.language";
    private static final String[] LOCALE_VARIABLES = {"LC_ALL", "LC_MESSAGES", "LANG"};

    private final ResourceBundle texts;
    private final Locale locale;

    private ShellText(ResourceBundle texts, Locale locale) {
        this.texts = texts;
        this.locale = locale;
    }

    /** The texts of {@code command}'s package, in the language of {@code session}. */
    public static ShellText of(Session session, Class<?> command) {
        Locale locale = Locale.forLanguageTag(language(session));
        return new ShellText(ResourceBundle.getBundle(command.getPackageName() + ".Shell", locale,
                command.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    /** The language of {@code session}: {@code ro} or {@code en}; English when nothing says otherwise. */
    public static String language(Session session) {
        Object chosen = session == null ? null : session.get(LANGUAGE);
        if (chosen != null) {
            return romanian(chosen.toString()) ? "ro" : "en";
        }
        for (String variable : LOCALE_VARIABLES) {
            Object value = session == null ? null : session.get(variable);
            if (value != null && !value.toString().isBlank()) {
                return romanian(value.toString()) ? "ro" : "en";
            }
        }
        String server = System.getenv("LANG");
        return server != null && romanian(server) ? "ro" : "en";
    }

    private static boolean romanian(String value) {
        return value.strip().toLowerCase(Locale.ROOT).startsWith("ro");
    }

    /**
     * The text {@code key} with {@code arguments} put in ({@link MessageFormat}, in the session's language); numbers as
     * they are, without separators, so that they can be copied into the next command.
     */
    public String say(String key, Object... arguments) {
        String pattern = texts.getString(key);
        if (arguments.length == 0) {
            return pattern;
        }
        Object[] plain = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            plain[i] = arguments[i] instanceof Number ? arguments[i].toString() : arguments[i];
        }
        return new MessageFormat(pattern, locale).format(plain);
    }
}
