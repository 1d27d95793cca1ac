package org.civicdesk.request.api;

import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A channel a bundle contributes: register it as an OSGi service and requests and contacts may
 * come in on it while it is registered. The shipped ones (phone, e-mail, web, front desk) are
 * configured in {@code etc/org.civicdesk.request.channel-*.cfg}; a channel plug-in (an SMS
 * gateway, a messaging app) registers its own and files through the public API with its id.
 * When it goes, the requests that came in on it stay, with its id.
 */
@ConsumerType
public interface ChannelDescriptor {
    /** The channel this describes. */
    Channel channel();

    /** The channel's name for people, in {@code locale} (Romanian and English at least). */
    String name(Locale locale);

    /**
     * Whether the citizen is identified on this channel (a verified CNP or PIN, a logged-in
     * portal account): a request filed on it may be linked to the citizen's record with no
     * further check. An anonymous channel (an SMS number, an Open311 client) says {@code false}.
     */
    boolean identifiesCitizens();
}
