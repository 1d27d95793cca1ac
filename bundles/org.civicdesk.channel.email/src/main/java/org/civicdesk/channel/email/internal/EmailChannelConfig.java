package org.civicdesk.channel.email.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * {@code etc/org.civicdesk.channel.email.cfg}: the city's mailbox. An underscore in a method name is a dot in
 * the key ({@code imap_host} is {@code imap.host}).
 */
@ObjectClassDefinition(name = "CivicDesk e-mail channel", description = "Requests by e-mail: the mailbox read over IMAP")
public @interface EmailChannelConfig {
    @AttributeDefinition(name = "Enabled", description = "Read the mailbox; off until the mailbox is configured")
    boolean enabled() default false;

    @AttributeDefinition(name = "IMAP host")
    String imap_host() default "localhost";

    @AttributeDefinition(name = "IMAP port", description = "143 for none or starttls, 993 for ssl", min = "1", max = "65535")
    int imap_port() default 143;

    @AttributeDefinition(name = "IMAP user", required = false)
    String imap_user() default "";

    @AttributeDefinition(name = "IMAP password", type = AttributeType.PASSWORD, required = false)
    String imap_password() default "";

    @AttributeDefinition(name = "IMAP security", options = {@Option(value = "none"), @Option(value = "starttls"),
        @Option(value = "ssl")})
    String imap_security() default "starttls";

    @AttributeDefinition(name = "IMAP folder", description = "The folder new requests arrive in")
    String imap_folder() default "INBOX";

    @AttributeDefinition(name = "IMAP IDLE", description = "Wait for new mail with IMAP IDLE where the server has it, "
            + "so that it is filed as it arrives; pollSeconds stays the fallback and the longest wait")
    boolean imap_idle() default true;

    @AttributeDefinition(name = "SMTP host", description = "Where CivicDesk's own mail leaves (notifications)")
    String smtp_host() default "localhost";

    @AttributeDefinition(name = "SMTP port", min = "1", max = "65535")
    int smtp_port() default 587;

    @AttributeDefinition(name = "SMTP user", required = false)
    String smtp_user() default "";

    @AttributeDefinition(name = "SMTP password", type = AttributeType.PASSWORD, required = false)
    String smtp_password() default "";

    @AttributeDefinition(name = "SMTP security", options = {@Option(value = "none"), @Option(value = "starttls"),
        @Option(value = "ssl")})
    String smtp_security() default "starttls";

    @AttributeDefinition(name = "From", description = "The city hall's address: mail from it is never filed (loops)")
    String from() default "cereri@primarie.example.ro";

    @AttributeDefinition(name = "Poll interval (seconds)", description = "How often the mailbox is read when IDLE "
            + "is off or the server lacks it; with IDLE, the longest one wait lasts before it is renewed", min = "1")
    int pollSeconds() default 60;

    @AttributeDefinition(name = "Default request type", description = "The type of a message whose recipient "
            + "names no request type (pothole@… files a pothole)")
    String defaultType() default "information";
}
