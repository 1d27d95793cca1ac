package org.civicdesk.channel.email.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.identity.api.NationalIds;

/** Text from mail as the registry stores it, and what the channel looks for in it. */
final class Texts {
    private static final Pattern CNP = Pattern.compile("(?<!\\d)(\\d{13})(?!\\d)");
    /** A CUI is too short to tell from any number: only one that says it is one (CUI/CIF or the RO prefix). */
    private static final Pattern CUI = Pattern.compile("(?i)(?:\\b(?:CUI|CIF|cod fiscal)\\s*[:.]?\\s*(?:RO)?\\s?|\\bRO\\s?)"
            + "(\\d{2,10})(?!\\d)");
    private static final Pattern NUMBER = Pattern.compile("\\[(\\d{4}/\\d{1,9})\\]");

    private Texts() {
    }

    /** Line breaks as {@code \n}, no other control characters, at most one blank line in a row, stripped. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ');
        for (int i = 0; i < unified.length(); i++) {
            char c = unified.charAt(i);
            if (c == '\t') {
                out.append(' ');
            } else if (c == '\n' || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString().replaceAll("[ ]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    /** At most {@code max} characters, never cutting a character in two. */
    static String limit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end).strip() + "…";
    }

    /** The first CNP, or CUI said to be one, whose check digit is right. */
    static Optional<String> nationalId(String text) {
        for (Pattern p : new Pattern[] {CNP, CUI}) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                try {
                    return Optional.of(p == CNP ? NationalIds.validateCnp(m.group(1)) : NationalIds.validateCui(m.group(1)));
                } catch (InvalidInputException e) {
                    // Not one: a phone number, an amount, a mistyped id.
                }
            }
        }
        return Optional.empty();
    }

    /** The registration number in a subject such as {@code Re: [2026/000123] Groapă}. */
    static Optional<String> requestNumber(String subject) {
        Matcher m = NUMBER.matcher(subject);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A reply without the quoted message below it (lines starting with {@code >}); the whole text if nothing is left. */
    static String withoutQuote(String text) {
        StringBuilder own = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith(">")) {
                own.append(line).append('\n');
            }
        }
        String result = clean(own.toString());
        return result.isEmpty() ? text : result;
    }
}
