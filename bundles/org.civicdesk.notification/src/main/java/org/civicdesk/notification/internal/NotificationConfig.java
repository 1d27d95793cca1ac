package org.civicdesk.notification.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk notifications",
        description = "E-mail to citizens about their requests: the outbox worker's SMTP server, sender and retries")
@interface NotificationConfig {
    @AttributeDefinition(description = "Send queued messages; when false they stay queued, visible on the request")
    boolean enabled() default false;

    @AttributeDefinition(name = "smtp.host")
    String smtp_host() default "localhost";

    @AttributeDefinition(name = "smtp.port")
    int smtp_port() default 25;

    @AttributeDefinition(name = "smtp.user", description = "Empty: no authentication")
    String smtp_user() default "";

    @AttributeDefinition(name = "smtp.password", type = AttributeType.PASSWORD)
    String smtp_password() default "";

    @AttributeDefinition(name = "smtp.security", description = "none, starttls (required) or ssl")
    String smtp_security() default "none";

    @AttributeDefinition(description = "The sender, e.g. Primăria <noreply@primaria.example.ro>")
    String from() default "noreply@localhost";

    @AttributeDefinition(description = "Where citizens' answers to a staff reply go (Reply-To): the mailbox the e-mail "
            + "channel reads, e.g. cereri@primaria.example.ro; empty: the sender")
    String replyTo() default "";

    @AttributeDefinition(description = "The city's language for citizens whose own is not known: ro or en")
    String language() default "ro";

    @AttributeDefinition(description = "Attempts before a message is given up")
    int maxAttempts() default 8;

    @AttributeDefinition(description = "Seconds before the second attempt; each later wait is twice the one before")
    int backoffSeconds() default 60;

    @AttributeDefinition(description = "Folder of the templates <template>_<language>.ftl; empty: etc/civicdesk/notifications")
    String templates() default "";
}
