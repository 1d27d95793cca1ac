package org.civicdesk.notification.api;

import java.sql.Connection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The outbox of citizens' messages that are not about a request: a plug-in queues one in its own transaction (the
 * message is sent only if that commits), and the notifications' worker sends it over SMTP with the same retries as
 * the other notifications, to the address on the citizen's record then. Nothing goes out while sending is disabled,
 * nor to a citizen without an address.
 *
 * @since 1.2
 */
@ProviderType
public interface CitizenMessages {

    /**
     * Queues a message in the caller's open transaction on {@code transaction} (auto-commit off, on CivicDesk's
     * database); it is neither committed nor closed here.
     *
     * @throws org.civicdesk.core.api.InvalidInputException for a template name that is not a plain name
     * @throws IllegalStateException when the message cannot be queued (the caller's transaction must roll back)
     */
    void queue(Connection transaction, CitizenMessage message);
}
