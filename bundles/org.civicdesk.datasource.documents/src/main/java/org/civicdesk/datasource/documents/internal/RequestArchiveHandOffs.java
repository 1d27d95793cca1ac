package org.civicdesk.datasource.documents.internal;

import java.util.List;

import org.civicdesk.core.api.Actor;
import org.civicdesk.datasource.documents.api.ArchiveHandOff;
import org.civicdesk.datasource.documents.api.ArchiveHandOffs;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A request's hand-offs from the {@link ArchiveOutbox}, shown to whoever may see the request. */
@Component(service = ArchiveHandOffs.class)
public class RequestArchiveHandOffs implements ArchiveHandOffs {
    private final ArchiveOutbox outbox;
    private final RequestRegistry requests;

    @Activate
    public RequestArchiveHandOffs(@Reference ArchiveOutbox outbox, @Reference RequestRegistry requests) {
        this.outbox = outbox;
        this.requests = requests;
    }

    @Override
    public List<ArchiveHandOff> ofRequest(Actor actor, RequestNumber number) {
        requests.get(actor, number); // not found unless the actor may see the request
        return outbox.ofRequest(number);
    }
}
