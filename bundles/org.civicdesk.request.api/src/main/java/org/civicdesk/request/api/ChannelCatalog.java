package org.civicdesk.request.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The channels installed right now: the registered {@link ChannelDescriptor} services. */
@ProviderType
public interface ChannelCatalog {
    /** Every installed channel, ordered by id. */
    List<ChannelDescriptor> list();

    /** The installed channel of this id, or empty when no bundle registers it now. */
    Optional<ChannelDescriptor> find(Channel channel);

    /**
     * The channel's name for people, also for a channel whose bundle is gone (its id then): what a
     * stored request or contact shows.
     */
    default String name(Channel channel, Locale locale) {
        return find(channel).map(c -> c.name(locale)).orElse(channel.id());
    }
}
