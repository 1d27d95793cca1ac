package org.civicdesk.channel.phone.internal.agi;

import java.io.IOException;
import java.net.InetAddress;
import java.util.UUID;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.civicdesk.channel.phone.internal.robot.ExchangeLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server the exchange hands calls to: {@code agi://civicdesk/ivr} is a call for the
 * robot (the line is handed over as an {@link ExchangeLine}), {@code agi://civicdesk/ended} the
 * dialplan's word that a call is over. Nothing of FastAGI goes further than this package.
 */
public final class FastAgiServer {
    private static final Logger LOG = LoggerFactory.getLogger(FastAgiServer.class);

    /** A call the exchange hands over: its unique id, its channel's name, the caller's number and chosen language. */
    public record IncomingCall(String callId, String pbxChannel, String caller, String language) {
    }

    /** What the server does with the calls it is given. */
    public interface Calls {
        /** A call for the robot; returns when the robot is done with the line. */
        void answer(IncomingCall call, ExchangeLine line);

        /** The exchange says the call is over. */
        void ended(String callId);
    }

    private final Calls calls;
    private DefaultAgiServer agiServer;

    public FastAgiServer(Calls calls) {
        this.calls = calls;
    }

    public synchronized void start(String address, int port, int maxCalls) throws IOException {
        DefaultAgiServer server = new DefaultAgiServer((AgiScript) this::serve);
        server.setAddress(InetAddress.getByName(address));
        server.setPort(port);
        server.setPoolSize(Math.min(20, maxCalls));
        server.setMaximumPoolSize(maxCalls);
        Thread acceptor = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException | IllegalStateException e) {
                LOG.error("The FastAGI server cannot listen on {}:{}: {}", address, port, e.toString());
            }
        }, "civicdesk-fastagi");
        acceptor.setDaemon(true);
        acceptor.start();
        agiServer = server;
        LOG.info("FastAGI server listening on {}:{}", address, port);
    }

    public synchronized void stop() {
        if (agiServer != null) {
            try {
                agiServer.shutdown();
            } catch (IllegalStateException e) {
                // it never started
            }
            agiServer = null;
        }
    }

    /** One FastAGI connection: {@code agi://civicdesk/ivr} is a call for the robot, {@code /ended} a call's end. */
    private void serve(AgiRequest request, AgiChannel channel) {
        String callId = request.getUniqueId() == null || request.getUniqueId().isBlank() ? UUID.randomUUID().toString()
                : request.getUniqueId();
        String scriptName = request.getScript() == null ? "ivr" : request.getScript().replaceAll("^/+", "");
        if (scriptName.startsWith("ended")) {
            calls.ended(callId);
            return;
        }
        calls.answer(new IncomingCall(callId, request.getChannel(), request.getCallerIdNumber(),
                request.getParameter("language")), new AgiLine(channel));
    }
}
