package org.civicdesk.channel.phone.internal.ami;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.ExtensionStatusEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.civicdesk.core.api.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CivicDesk's connection to the exchange's manager interface (AMI): bridges say when an
 * operator answered, hang-ups end operators' calls, extension states say whether a desk phone
 * is free, and CivicDesk asks the exchange to call a citizen back (Originate) and to move a
 * caller to another phone (Redirect). It keeps trying to log in until the exchange answers;
 * once logged in, the library reconnects by itself.
 */
public final class Pbx implements ManagerEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(Pbx.class);
    private static final long ACTION_TIMEOUT_MS = 10_000;
    private static final long RETRY_MS = 10_000;

    private final ManagerConnection connection;
    private final Consumer<String> hangup;
    private final Consumer<String> bridged;
    private final Map<String, String> extensionStates = new ConcurrentHashMap<>();
    private final Thread connector;
    private volatile boolean closed;

    /**
     * @param hangup  told the unique id of every channel that hangs up
     * @param bridged told the unique id of every channel that joins a conversation (the operator answered)
     */
    public Pbx(String host, int port, String username, String secret, Consumer<String> hangup, Consumer<String> bridged) {
        this.connection = new ManagerConnectionFactory(host, port, username, secret).createManagerConnection();
        this.hangup = hangup;
        this.bridged = bridged;
        // Registered by hand: the library's scan for event classes finds nothing inside an OSGi bundle.
        connection.registerUserEventClass(HangupEvent.class);
        connection.registerUserEventClass(BridgeEnterEvent.class);
        connection.registerUserEventClass(ExtensionStatusEvent.class);
        connection.addEventListener(this);
        this.connector = new Thread(this::connect, "civicdesk-ami-" + host);
        connector.setDaemon(true);
        connector.start();
    }

    private void connect() {
        while (!closed) {
            try {
                connection.login();
                LOG.info("Logged in to the exchange's manager interface");
                return;
            } catch (AuthenticationFailedException e) {
                LOG.error("The exchange refused CivicDesk's AMI login: check amiUsername and amiSecret");
            } catch (IOException | TimeoutException | IllegalStateException e) {
                LOG.warn("Cannot reach the exchange's manager interface yet: {}", e.toString());
            }
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public boolean connected() {
        return connection.getState() == ManagerConnectionState.CONNECTED;
    }

    /** The state the exchange last reported for an extension (idle, in use, ringing…), if any. */
    public String extensionState(String extension) {
        return extension == null ? null : extensionStates.get(extension);
    }

    /** Rings {@code fromChannel} (the operator's phone) and, when answered, dials {@code number} in {@code context}. */
    public void originate(String fromChannel, String context, String number, String callId) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(fromChannel);
        originate.setContext(context);
        originate.setExten(number);
        originate.setPriority(1);
        originate.setAsync(true);
        originate.setTimeout(30_000L);
        originate.setVariable("CIVICDESK_CALL", callId);
        send(originate, "call back");
    }

    /** Moves a caller's channel to an extension of {@code context}: the transfer to an employee's desk. */
    public void redirect(String channel, String context, String extension) {
        RedirectAction redirect = new RedirectAction(channel, context, extension, 1);
        send(redirect, "transfer the call");
    }

    private void send(ManagerAction action, String what) {
        if (!connected()) {
            throw new ConflictException("cannot " + what + ": CivicDesk is not connected to the exchange (AMI)");
        }
        try {
            ManagerResponse response = connection.sendAction(action, ACTION_TIMEOUT_MS);
            if (response instanceof ManagerError) {
                throw new ConflictException("the exchange refused to " + what + ": " + response.getMessage());
            }
        } catch (IOException | TimeoutException e) {
            throw new ConflictException("cannot " + what + ": the exchange did not answer (" + e.getMessage() + ")");
        }
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof HangupEvent h) {
            hangup.accept(h.getUniqueId());
        } else if (event instanceof BridgeEnterEvent b && b.getUniqueId() != null) {
            bridged.accept(b.getUniqueId());
        } else if (event instanceof ExtensionStatusEvent s && s.getExten() != null) {
            extensionStates.put(s.getExten(), s.getStatustext() != null ? s.getStatustext().toLowerCase()
                    : String.valueOf(s.getStatus()));
        }
    }

    public void close() {
        closed = true;
        connector.interrupt();
        if (connection.getState() == ManagerConnectionState.CONNECTED) {
            try {
                connection.logoff();
            } catch (IllegalStateException e) {
                // already gone
            }
        }
    }
}
