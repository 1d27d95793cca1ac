package org.civicdesk.rest.internal;

import org.apache.cxf.message.Message;
import org.apache.cxf.transport.MessageObserver;

/**
 * The API address's one message observer: it hands each request to the application published
 * last, so publishing a new set of resources replaces the old one in a single write.
 */
final class SwitchingObserver implements MessageObserver {
    private volatile MessageObserver current;

    void switchTo(MessageObserver next) {
        current = next;
    }

    @Override
    public void onMessage(Message message) {
        current.onMessage(message);
    }
}
