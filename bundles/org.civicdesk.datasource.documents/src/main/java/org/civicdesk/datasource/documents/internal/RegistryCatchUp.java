package org.civicdesk.datasource.documents.internal;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.Page;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers in the journal the requests filed before the feature was installed (or while it
 * was not), in the background. A component of its own so that the journal, which the request
 * registry calls, does not itself depend on the request registry.
 */
@Component(service = {}, immediate = true)
public class RegistryCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryCatchUp.class);
    private static final int PAGE = 500;

    @Activate
    public RegistryCatchUp(@Reference RegistryJournal journal, @Reference RequestRegistry requests) {
        CompletableFuture.runAsync(() -> catchUp(journal, requests)).exceptionally(e -> {
            LOG.warn("The document registry could not register earlier requests: {}", e.toString());
            return null;
        });
    }

    private static void catchUp(RegistryJournal journal, RequestRegistry requests) {
        Set<String> registered = journal.registeredNumbers();
        Actor system = Actor.system("document-registry");
        int added = 0;
        for (int offset = 0;; offset += PAGE) {
            Page<ServiceRequest> page = requests.search(system, RequestQuery.all(), offset, PAGE);
            for (ServiceRequest r : page.items()) {
                if (!registered.contains(r.number().toString())) {
                    journal.register(r);
                    added++;
                }
            }
            if (page.items().size() < PAGE) {
                break;
            }
        }
        if (added > 0) {
            LOG.info("Document registry: registered {} requests filed before it was installed", added);
        }
    }
}
