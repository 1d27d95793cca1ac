package org.civicdesk.channel.phone.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;

import javax.sql.DataSource;

import org.civicdesk.channel.phone.internal.queue.CallLog;
import org.civicdesk.channel.phone.internal.queue.Callbacks;
import org.civicdesk.identity.api.Citizen;
import org.civicdesk.identity.api.PersonalData;
import org.civicdesk.identity.api.PersonalDataSet;
import org.civicdesk.identity.api.PhoneNumbers;
import org.civicdesk.persistence.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A person's calls (from their phone number, or those they asked to be called back from) and call-backs. */
@Component(service = PersonalData.class)
public class PhonePersonalData implements PersonalData {
    private final Jdbc jdbc;
    private final CallLog callLog;
    private final Callbacks callbacks;

    @Activate
    public PhonePersonalData(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference CallLog callLog, @Reference Callbacks callbacks) {
        this.jdbc = new Jdbc(dataSource);
        this.callLog = callLog;
        this.callbacks = callbacks;
    }

    @Override
    public Set<String> tables() {
        return Set.of("CD_PHONE_CALLBACK", "CD_PHONE_CALLBACK_DONE", "CD_PHONE_CALLBACK_CONTACT", "CD_PHONE_CALL_EVENT",
                CallLog.CALLERS);
    }

    @Override
    public List<PersonalDataSet> of(Citizen citizen, String language, ZoneId zone) {
        ResourceBundle labels = PersonalDataSet.labels(getClass(), language);
        // A caller's number arrives as the exchange presents it: national or international form.
        Set<String> numbers = PhoneNumbers.forms(citizen.phone());
        // Their call-backs' calls, and the calls from their number (none when no number is known: an anonymous
        // caller is nobody's).
        StringBuilder calls = new StringBuilder("SELECT CALL_ID FROM CD_PHONE_CALLBACK WHERE CITIZEN_ID = ?");
        List<Object> parameters = new ArrayList<>(List.of(citizen.id()));
        if (!numbers.isEmpty()) {
            String among = String.join(", ", numbers.stream().map(n -> "?").toList());
            calls.append(" UNION SELECT CALL_ID FROM " + CallLog.CALLERS + " WHERE NUMBER IN (" + among + ")")
                    .append(" UNION SELECT CALL_ID FROM " + CallLog.EVENTS + " WHERE KIND = ? AND DETAIL IN (" + among + ")");
            parameters.addAll(numbers);
            parameters.add(CallLog.STARTED);
            parameters.addAll(numbers);
        }
        return List.of(
                PersonalDataSet.labelled(labels, "calls", List.of("call", "at", "event", "detail"), jdbc.texts(
                        "read a person's calls", "SELECT e.CALL_ID, e.AT_MS, e.KIND, COALESCE(e.DETAIL, n.NUMBER) FROM "
                        + CallLog.EVENTS + " e LEFT JOIN " + CallLog.CALLERS + " n ON n.CALL_ID = e.CALL_ID AND e.KIND = '"
                        + CallLog.STARTED + "' WHERE e.CALL_ID IN (" + calls + ") ORDER BY e.ID", zone,
                        parameters.toArray())),
                PersonalDataSet.labelled(labels, "callbacks", List.of("requested", "phone", "language", "request",
                        "note", "done", "doneBy", "outcome"), jdbc.texts("read a person's call-backs", "SELECT "
                        + "b.REQUESTED_MS, COALESCE(k.PHONE, b.PHONE), b.LANGUAGE, b.REQUEST_NUMBER, COALESCE(k.NOTE, b.NOTE), "
                        + "d.DONE_MS, d.DONE_BY, d.OUTCOME FROM CD_PHONE_CALLBACK b LEFT JOIN CD_PHONE_CALLBACK_CONTACT k ON "
                        + "k.ID = b.ID LEFT JOIN CD_PHONE_CALLBACK_DONE d ON d.ID = b.ID WHERE b.CITIZEN_ID = ? "
                        + "ORDER BY b.ID", zone, citizen.id())));
    }

    /** The numbers of the person's calls, and their call-backs' numbers and notes; the calls' events stay. */
    @Override
    public void erase(Citizen citizen) {
        Set<String> numbers = PhoneNumbers.forms(citizen.phone());
        callLog.forgetCallers(citizen.id(), numbers);
        callbacks.erase(citizen.id(), numbers);
    }
}
