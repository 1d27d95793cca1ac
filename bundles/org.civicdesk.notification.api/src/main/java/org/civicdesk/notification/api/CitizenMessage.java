package org.civicdesk.notification.api;

import java.util.Map;

/**
 * A message to a citizen about something other than a request (an appointment's reminder, …), written from a
 * template of {@code etc/civicdesk/notifications}.
 *
 * @param citizenId the citizen's id: the message goes to the e-mail address on their record when it is sent
 * @param template  the template's name, {@code <template>_<ro|en>.ftl}
 * @param language  {@code ro} or {@code en}, or {@code null} for the city's language
 * @param model     the values the template reads, as text (dates and times formatted by the caller)
 * @param reference what the message is about, for staff and the logs, e.g. {@code appointment:<id>}; no personal data
 * @since 1.2
 */
public record CitizenMessage(String citizenId, String template, String language, Map<String, String> model,
        String reference) {

    public CitizenMessage {
        model = Map.copyOf(model);
    }
}
