package org.civicdesk.rest.api;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.core.HttpHeaders;

import org.civicdesk.core.api.InvalidInputException;

/**
 * The language a call is answered in, for what a resource writes itself (report files, receipts): {@code ro} or
 * {@code en}, from the {@code lang} parameter, else the first of those two the caller's {@code Accept-Language} names,
 * else Romanian.
 *
 * @since 1.2
 */
public final class Languages {
    private Languages() {
    }

    /** @throws InvalidInputException when {@code lang} is given and is neither {@code ro} nor {@code en} */
    public static String of(String lang, HttpHeaders headers) {
        if (lang != null && !lang.isBlank()) {
            String l = lang.strip().toLowerCase(Locale.ROOT);
            if (!l.equals("ro") && !l.equals("en")) {
                throw InvalidInputException.of("lang", "language.choice");
            }
            return l;
        }
        return firstSpoken(headers.getAcceptableLanguages(), "ro");
    }

    /**
     * The first of Romanian and English among a caller's languages (their {@code Accept-Language}, in order of
     * preference), else {@code fallback}.
     *
     * @since 1.4
     */
    public static String firstSpoken(List<Locale> acceptable, String fallback) {
        for (Locale l : acceptable) {
            if ("en".equals(l.getLanguage()) || "ro".equals(l.getLanguage())) {
                return l.getLanguage();
            }
        }
        return fallback;
    }
}
