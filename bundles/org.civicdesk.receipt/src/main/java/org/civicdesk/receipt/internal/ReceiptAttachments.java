package org.civicdesk.receipt.internal;

import java.util.List;

import org.civicdesk.core.api.Actor;
import org.civicdesk.notification.api.MailAttachment;
import org.civicdesk.notification.api.MessageAttachments;
import org.civicdesk.request.api.RequestNumber;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The receipt, as an A4 PDF, on the acknowledgement e-mail a citizen gets when their request is filed. */
@Component(service = MessageAttachments.class)
public class ReceiptAttachments implements MessageAttachments {
    static final String ACKNOWLEDGEMENT = "acknowledgement";
    private final ReceiptWriter receipts;
    private final Actor system = Actor.system("receipt");

    @Activate
    public ReceiptAttachments(@Reference ReceiptWriter receipts) {
        this.receipts = receipts;
    }

    @Override
    public List<MailAttachment> attachments(String template, String requestNumber, String language) {
        if (!ACKNOWLEDGEMENT.equals(template)) {
            return List.of();
        }
        RequestNumber number = RequestNumber.parse(requestNumber);
        return List.of(new MailAttachment(ReceiptWriter.fileName(number), "application/pdf",
                receipts.pdf(system, number, ReceiptLayout.A4, language)));
    }
}
