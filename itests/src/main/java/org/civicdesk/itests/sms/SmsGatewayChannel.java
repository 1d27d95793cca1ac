package org.civicdesk.itests.sms;

import java.util.Locale;

import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.ChannelDescriptor;
import org.osgi.service.component.annotations.Component;

/**
 * A channel from a bundle of its own, as an integrator would add one: an SMS gateway that files
 * the messages it receives through CivicDesk's public REST API with the channel id {@code sms}.
 * The bundle only has to say that the channel exists; the itests install and uninstall it while
 * CivicDesk runs.
 */
@Component(service = ChannelDescriptor.class)
public class SmsGatewayChannel implements ChannelDescriptor {
    static final Channel SMS = new Channel("sms");

    @Override
    public Channel channel() {
        return SMS;
    }

    @Override
    public String name(Locale locale) {
        return "ro".equals(locale.getLanguage()) ? "Mesaj SMS" : "Text message";
    }

    /** Anyone can send a text from any number: the sender is a contact, not an identified citizen. */
    @Override
    public boolean identifiesCitizens() {
        return false;
    }
}
