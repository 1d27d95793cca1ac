package org.civicdesk.notification.internal;

import java.util.List;

import org.civicdesk.identity.api.StaffAccount;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.notification.api.MailAttachment;
import org.civicdesk.notification.api.StaffMail;
import org.civicdesk.notification.api.StaffMailException;
import org.civicdesk.notification.api.StaffMailException.Reason;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import jakarta.mail.MessagingException;

/**
 * {@link StaffMail} with the notifications' settings and SMTP sender: the same server, sender and switch as the
 * outbox workers, but sent at once, in the caller's thread; the caller keeps track of what it sent.
 */
@Component(service = StaffMail.class, configurationPid = NotificationSender.PID)
public class StaffMailImpl implements StaffMail {
    private final StaffDirectory staff;
    private volatile MailSettings settings;

    @Activate
    public StaffMailImpl(@Reference StaffDirectory staff, NotificationConfig config) {
        this.staff = staff;
        modified(config);
    }

    @Modified
    void modified(NotificationConfig config) {
        this.settings = MailSettings.of(config);
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public void send(String username, String subject, String body, List<MailAttachment> attachments) {
        MailSettings s = settings;
        if (!s.enabled()) {
            throw new StaffMailException(Reason.DISABLED, "mail is disabled (enabled in org.civicdesk.notification.cfg)",
                    null);
        }
        String to = username == null ? null : staff.find(username).filter(StaffAccount::enabled).map(StaffAccount::email)
                .filter(a -> !a.isBlank()).orElse(null);
        if (to == null) {
            throw new StaffMailException(Reason.NO_ADDRESS, "no enabled staff account with an e-mail address", null);
        }
        try {
            s.mailer().send(to, subject, body, true, null, List.copyOf(attachments));
        } catch (MessagingException | RuntimeException e) {
            // The class only: a mail server's message often quotes the address.
            throw new StaffMailException(Reason.NOT_ACCEPTED, "the SMTP server did not accept the message ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
