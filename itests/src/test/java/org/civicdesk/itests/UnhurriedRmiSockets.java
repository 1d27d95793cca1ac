package org.civicdesk.itests;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMISocketFactory;

/**
 * The test JVM's RMI sockets, which pause a moment before each call they send. Pax Exam waits for a container by
 * looking its remote bundle context up in the registry of the test JVM in a loop without a pause (4.13.5,
 * {@code RemoteBundleContextClientImpl.getRemoteBundleContext}): each lookup's "not bound" is serialised and read back
 * at once, a whole core of the test JVM spent for as long as the container boots, and taken from that boot and the
 * other fork. A few milliseconds per call cost the few calls a test makes nothing.
 */
final class UnhurriedRmiSockets extends RMISocketFactory {
    private static final long PAUSE_MS = 10;

    private UnhurriedRmiSockets() {
    }

    /** For the whole test JVM, before Pax Exam makes its registry; again is harmless. */
    static synchronized void install() {
        if (!(RMISocketFactory.getSocketFactory() instanceof UnhurriedRmiSockets)) {
            try {
                RMISocketFactory.setSocketFactory(new UnhurriedRmiSockets());
            } catch (IOException alreadySet) {
                // Another factory was set first: RMI keeps it, and the tests still run, only with the busier wait.
            }
        }
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return new Socket(host, port) {
            private OutputStream paused;

            @Override
            public synchronized OutputStream getOutputStream() throws IOException {
                if (paused == null) {
                    paused = new FilterOutputStream(super.getOutputStream()) {
                        @Override
                        public void write(byte[] bytes, int offset, int length) throws IOException {
                            out.write(bytes, offset, length);
                        }

                        @Override
                        public void flush() throws IOException {
                            try {
                                Thread.sleep(PAUSE_MS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new InterruptedIOException("interrupted before an RMI call");
                            }
                            super.flush();
                        }
                    };
                }
                return paused;
            }
        };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return new ServerSocket(port);
    }
}
