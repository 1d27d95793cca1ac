package org.civicdesk.request.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The request types configured right now; they can change at run time with the configuration. */
@ProviderType
public interface RequestTypeCatalog {

    /** Every type, ordered by code. */
    List<RequestType> list();

    Optional<RequestType> find(String code);
}
