package org.civicdesk.request.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One channel per factory configuration {@code org.civicdesk.request.channel-<id>.cfg}. */
@ObjectClassDefinition(name = "CivicDesk channel",
        description = "A channel requests and contacts come in on, configured rather than contributed by a bundle.")
public @interface ChannelConfig {
    @AttributeDefinition(name = "Id", description = "Stable id, lower case, e.g. phone; stored with every request")
    String id();

    @AttributeDefinition(name = "Name (Romanian)")
    String name_ro();

    @AttributeDefinition(name = "Name (English)")
    String name_en();

    @AttributeDefinition(name = "Identifies citizens",
            description = "Whether the citizen is identified on this channel (a verified CNP or PIN, a portal account)")
    boolean identifiesCitizens() default false;
}
