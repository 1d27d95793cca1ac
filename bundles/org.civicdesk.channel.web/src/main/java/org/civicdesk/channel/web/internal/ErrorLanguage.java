package org.civicdesk.channel.web.internal;

import java.util.Collections;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import org.civicdesk.rest.api.Languages;

/**
 * The language a refusal is written in for a portal or Open311 caller: the {@code locale} (Open311) or {@code lang}
 * parameter when it is Romanian or English, else the first of those the {@code Accept-Language} header names, else
 * English — what a GeoReport client that asks for nothing has always read.
 */
final class ErrorLanguage {
    private ErrorLanguage() {
    }

    static String of(HttpServletRequest request) {
        try {
            for (String name : new String[] {"locale", "lang"}) {
                String asked = request.getParameter(name);
                if (asked != null && (asked.toLowerCase(Locale.ROOT).startsWith("ro")
                        || asked.toLowerCase(Locale.ROOT).startsWith("en"))) {
                    return asked.substring(0, 2).toLowerCase(Locale.ROOT);
                }
            }
            // getLocales() gives the server's default when the header is absent: only a header counts.
            return request.getHeader("Accept-Language") == null ? "en"
                    : Languages.firstSpoken(Collections.list(request.getLocales()), "en");
        } catch (RuntimeException unreadable) {
            // A body that could not be read as parameters: the default.
            return "en";
        }
    }
}
