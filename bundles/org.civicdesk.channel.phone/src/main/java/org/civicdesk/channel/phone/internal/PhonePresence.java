package org.civicdesk.channel.phone.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.civicdesk.channel.phone.internal.queue.Agent;
import org.civicdesk.identity.api.StaffPresence;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The phone queue's operators for the staff directory: their presence in the queue and their extension. */
@Component(service = StaffPresence.class)
public class PhonePresence implements StaffPresence {
    private final PhoneChannel phone;

    @Activate
    public PhonePresence(@Reference PhoneChannel phone) {
        this.phone = phone;
    }

    @Override
    public Map<String, Presence> now() {
        Map<String, Presence> now = new LinkedHashMap<>();
        for (Agent agent : phone.callCentre().agents()) {
            now.put(agent.username(), new Presence("phone", agent.presence().id(), agent.extension(), agent.since()));
        }
        return now;
    }
}
