package org.civicdesk.request.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.ChannelCatalog;
import org.civicdesk.request.api.ChannelDescriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Tracks the channels registered as they come and go: configured ones and those of plug-ins alike. */
@Component(service = ChannelCatalog.class)
public class ChannelCatalogImpl implements ChannelCatalog {
    private final List<ChannelDescriptor> channels = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addChannel(ChannelDescriptor channel) {
        channels.add(channel);
    }

    void removeChannel(ChannelDescriptor channel) {
        channels.remove(channel);
    }

    @Override
    public List<ChannelDescriptor> list() {
        return channels.stream().sorted(Comparator.comparing(c -> c.channel().id())).toList();
    }

    @Override
    public Optional<ChannelDescriptor> find(Channel channel) {
        return channel == null ? Optional.empty() : channels.stream().filter(c -> c.channel().equals(channel)).findFirst();
    }

    /**
     * The channel, when installed: what a new request or contact may come in on.
     *
     * @throws InvalidInputException naming the installed channels otherwise
     */
    static Channel installed(ChannelCatalog catalog, Channel channel) {
        if (channel == null) {
            throw InvalidInputException.of("channel", "channel.required");
        }
        if (catalog.find(channel).isEmpty()) {
            throw InvalidInputException.of("channel", "channel.notInstalled", channel.id(),
                    String.join(", ", catalog.list().stream().map(c -> c.channel().id()).toList()));
        }
        return channel;
    }
}
