package org.civicdesk.rest.internal;

import java.util.List;
import java.util.Locale;

import javax.annotation.security.PermitAll;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.civicdesk.request.api.ChannelCatalog;
import org.civicdesk.request.api.ChannelDescriptor;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/channels}: the channels installed now, public like the request types they are filed with. */
@Component(service = RestResource.class)
@Path("/channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource implements RestResource {
    private final ChannelCatalog channels;

    /** One installed channel: its id, its name in the asked language, whether citizens are identified on it. */
    record ChannelView(String id, String name, boolean identifiesCitizens) {
        static ChannelView of(ChannelDescriptor c, String language) {
            return new ChannelView(c.channel().id(), c.name(Locale.forLanguageTag(language)), c.identifiesCitizens());
        }
    }

    @Activate
    public ChannelResource(@Reference ChannelCatalog channels) {
        this.channels = channels;
    }

    @GET
    @PermitAll
    public List<ChannelView> list(@QueryParam("lang") @DefaultValue("ro") String language) {
        return channels.list().stream().map(c -> ChannelView.of(c, language)).toList();
    }
}
