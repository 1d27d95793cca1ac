package org.civicdesk.request.api;

import org.civicdesk.core.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Administrators add and change the city's request types at run time, from the console or the shell. A type is kept as
 * its configuration ({@code etc/org.civicdesk.request.type-<code>.cfg}), as one written by hand is.
 *
 * @since 2.8
 */
@ProviderType
public interface RequestTypeAdministration {

    /**
     * Adds or changes a type; it is in force when this returns. Audited.
     *
     * @throws org.civicdesk.core.api.AccessDeniedException unless an administrator saves it
     * @throws org.civicdesk.core.api.InvalidInputException at the setting in error (an unknown department, a deadline
     *         under one day, a name with a control character, …); nothing is changed
     */
    RequestType save(Actor actor, RequestTypeSettings settings);
}
