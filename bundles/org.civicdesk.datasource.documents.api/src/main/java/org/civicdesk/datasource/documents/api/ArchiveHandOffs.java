package org.civicdesk.datasource.documents.api;

import java.util.List;

import org.civicdesk.core.api.Actor;
import org.civicdesk.request.api.RequestNumber;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hand-offs of requests to the external document management system ({@link DocumentArchive}), as the requests
 * show them.
 *
 * @since 1.2
 */
@ProviderType
public interface ArchiveHandOffs {
    /**
     * A request's hand-offs, oldest first: its record, then its files; empty when no system is configured or the
     * request was filed before one was.
     *
     * @throws org.civicdesk.core.api.NotFoundException when the actor may not see the request
     */
    List<ArchiveHandOff> ofRequest(Actor actor, RequestNumber number);
}
