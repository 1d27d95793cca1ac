package org.civicdesk.core.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who the city hall is to its citizens, set once in {@code etc/org.civicdesk.city.cfg}: its name, at the top of every
 * report file and receipt, and the address of its citizens' portal, from which tracking links are built for e-mails,
 * receipts and their QR codes.
 *
 * @since 1.10
 */
@ProviderType
public interface CityHall {

    /** The city hall's name in a language ({@code ro} or {@code en}; any other falls back to Romanian). */
    String name(String language);

    /** The citizens' portal as the public reaches it, e.g. {@code https://www.primaria.ro/portal/}. */
    String portalUrl();

    /** The portal's page that follows a request by its tracking code. */
    default String trackingUrl(String trackingCode) {
        return withParameter("track", trackingCode);
    }

    /** The portal's page where the citizen rates a finished request. */
    default String ratingUrl(String trackingCode) {
        return withParameter("rate", trackingCode);
    }

    private String withParameter(String name, String value) {
        String portal = portalUrl();
        return portal + (portal.contains("?") ? "&" : "?") + name + "=" + value;
    }
}
