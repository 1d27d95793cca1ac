package org.civicdesk.request.internal;

import java.util.Locale;

import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.ChannelDescriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A channel defined by one factory configuration, as the shipped ones are: adding or deleting the
 * {@code .cfg} file installs or removes the channel at run time, as a plug-in's own descriptor does.
 */
@Component(service = ChannelDescriptor.class, configurationPid = ConfiguredChannel.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ChannelConfig.class, factory = true)
public class ConfiguredChannel implements ChannelDescriptor {
    static final String FACTORY_PID = "org.civicdesk.request.channel";

    private final Channel channel;
    private final String romanian;
    private final String english;
    private final boolean identifiesCitizens;

    @Activate
    public ConfiguredChannel(ChannelConfig config) {
        this.channel = new Channel(config.id());
        this.romanian = config.name_ro() == null || config.name_ro().isBlank() ? config.id() : config.name_ro();
        this.english = config.name_en() == null || config.name_en().isBlank() ? romanian : config.name_en();
        this.identifiesCitizens = config.identifiesCitizens();
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String name(Locale locale) {
        return locale != null && "ro".equals(locale.getLanguage()) ? romanian : english;
    }

    @Override
    public boolean identifiesCitizens() {
        return identifiesCitizens;
    }
}
