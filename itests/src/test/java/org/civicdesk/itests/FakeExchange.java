package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The city's Asterisk exchange as CivicDesk meets it, played over real TCP with the real wire
 * protocols: a {@link Call} is a FastAGI connection (the {@code agi_*} header, then one command
 * line from CivicDesk and one {@code 200 result=} reply at a time), scripted like a recorded
 * call; {@link Manager} is an AMI server CivicDesk logs in to, which sends events and records
 * the actions it receives.
 */
final class FakeExchange {
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static long nextUniqueId = System.currentTimeMillis() / 1000 * 1000;

    private FakeExchange() {
    }

    static synchronized String uniqueId() {
        return "1700000000." + (++nextUniqueId % 1_000_000);
    }

    /** One call the exchange hands to CivicDesk's FastAGI server. */
    static final class Call implements Closeable {
        final String uniqueId;
        final String channel;
        private final Socket socket;
        private final BufferedReader in;
        private final Writer out;
        /** Every sentence the caller heard, in order. */
        final List<String> heard = new ArrayList<>();
        /** Channel variables CivicDesk set. */
        final Map<String, String> variables = new LinkedHashMap<>();

        Call(int port, String script, String callerId) throws IOException {
            this(port, script, callerId, uniqueId());
        }

        Call(int port, String script, String callerId, String uniqueId) throws IOException {
            this.uniqueId = uniqueId;
            this.channel = "PJSIP/trunk-" + uniqueId.replace('.', '-');
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(60_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            StringBuilder header = new StringBuilder()
                    .append("agi_network: yes\n")
                    // As Asterisk sends it: the script with its query string.
                    .append("agi_network_script: ").append(script).append('\n')
                    .append("agi_request: agi://127.0.0.1:").append(port).append('/').append(script).append('\n')
                    .append("agi_channel: ").append(channel).append('\n')
                    .append("agi_language: ro\n")
                    .append("agi_type: PJSIP\n")
                    .append("agi_uniqueid: ").append(uniqueId).append('\n')
                    .append("agi_version: 20.5.0\n")
                    .append("agi_callerid: ").append(callerId == null ? "unknown" : callerId).append('\n')
                    .append("agi_calleridname: unknown\n")
                    .append("agi_callingpres: 0\n")
                    .append("agi_callingani2: 0\n")
                    .append("agi_callington: 0\n")
                    .append("agi_callingtns: 0\n")
                    .append("agi_dnid: 0232000000\n")
                    .append("agi_rdnis: unknown\n")
                    .append("agi_context: civicdesk-incoming\n")
                    .append("agi_extension: 0232000000\n")
                    .append("agi_priority: 2\n")
                    .append("agi_enhanced: 0.0\n")
                    .append("agi_accountcode: \n")
                    .append("agi_threadid: 140000000000000\n")
                    .append('\n');
            out.write(header.toString());
            out.flush();
        }

        /** The next command CivicDesk sends, or {@code null} once it has closed the connection. */
        String command() throws IOException {
            return in.readLine();
        }

        void reply(String line) throws IOException {
            out.write(line + "\n");
            out.flush();
        }

        /** Reads the next command, which must start with {@code verb}. */
        String expect(String verb) throws IOException {
            String command = command();
            assertNotNull("CivicDesk hung up while the exchange expected " + verb + "; heard: " + heard, command);
            assertTrue("expected " + verb + " but CivicDesk sent: " + command + "; heard: " + heard,
                    command.startsWith(verb));
            return command;
        }

        void answer() throws IOException {
            expect("ANSWER");
            reply("200 result=0");
        }

        /** The caller listens to a prompt to its end; returns what it said. */
        String hear() throws IOException {
            String command = expect("STREAM FILE");
            reply("200 result=0 endpos=16000");
            return said(command);
        }

        /** The caller listens to a prompt and presses {@code keys} (nothing: the prompt times out). */
        String press(String keys) throws IOException {
            String command = expect("GET DATA");
            reply(keys.isEmpty() ? "200 result= (timeout)" : "200 result=" + keys);
            return said(command);
        }

        /** Hears prompts until one that asks for keys, then presses them; returns everything said, joined. */
        String hearThenPress(String keys) throws IOException {
            StringBuilder all = new StringBuilder();
            while (true) {
                String command = command();
                assertNotNull("CivicDesk hung up; heard: " + heard, command);
                if (command.startsWith("STREAM FILE")) {
                    reply("200 result=0 endpos=16000");
                    all.append(said(command)).append('\n');
                } else if (command.startsWith("GET DATA")) {
                    reply(keys.isEmpty() ? "200 result= (timeout)" : "200 result=" + keys);
                    return all.append(said(command)).toString();
                } else {
                    throw new AssertionError("unexpected " + command + "; heard: " + heard);
                }
            }
        }

        /** The exchange runs a dialplan application CivicDesk asked for (music on hold). */
        String exec() throws IOException {
            String command = expect("EXEC");
            reply("200 result=0");
            return command;
        }

        /** CivicDesk sets a channel variable. */
        void setVariable() throws IOException {
            String command = expect("SET VARIABLE");
            Matcher m = QUOTED.matcher(command);
            assertTrue(m.find());
            String name = m.group(1);
            assertTrue(m.find());
            variables.put(name, m.group(1));
            reply("200 result=1");
        }

        /**
         * Plays the exchange until CivicDesk ends the script: prompts are heard to the end, questions
         * time out, music on hold starts and stops, variables are set.
         */
        void followToEnd() throws IOException {
            String command;
            while ((command = command()) != null) {
                if (command.startsWith("STREAM FILE")) {
                    reply("200 result=0 endpos=16000");
                    said(command);
                } else if (command.startsWith("GET DATA")) {
                    reply("200 result= (timeout)");
                    said(command);
                } else if (command.startsWith("SET VARIABLE")) {
                    Matcher m = QUOTED.matcher(command);
                    if (m.find()) {
                        String name = m.group(1);
                        if (m.find()) {
                            variables.put(name, m.group(1));
                        }
                    }
                    reply("200 result=1");
                } else {
                    reply("200 result=0");
                }
            }
        }

        /** CivicDesk hangs up. */
        void hungUp() throws IOException {
            expect("HANGUP");
            reply("200 result=1");
        }

        /** CivicDesk records a voice message: the exchange writes the caller's words where it was told. */
        Path record(byte[] wav) throws IOException {
            String command = expect("RECORD FILE");
            Matcher m = QUOTED.matcher(command);
            assertTrue(m.find());
            String file = m.group(1);
            assertTrue(m.find());
            assertEquals("wav", m.group(1));
            Path written = Path.of(file + ".wav");
            Files.write(written, wav);
            return written;
        }

        /** Ends the connection as the exchange does when the caller hangs up. */
        @Override
        public void close() throws IOException {
            socket.close();
        }

        /** Whether CivicDesk has closed the connection (its script is over). */
        boolean ended() throws IOException {
            try {
                socket.setSoTimeout(10_000);
                return in.readLine() == null;
            } catch (SocketTimeoutException e) {
                return false;
            }
        }

        private String said(String command) {
            Matcher m = QUOTED.matcher(command);
            assertTrue(command, m.find());
            String prompt = m.group(1);
            Path wav = Path.of(prompt + ".wav");
            assertTrue("the prompt the exchange is told to play exists: " + wav, Files.isRegularFile(wav));
            assertEquals("prompts are 8 kHz WAV", 8000, sampleRate(wav));
            try {
                String text = Files.readString(Path.of(prompt + ".txt"), StandardCharsets.UTF_8);
                heard.add(text);
                return text;
            } catch (IOException e) {
                throw new AssertionError("no text beside " + wav, e);
            }
        }
    }

    /** A registration number as the robot reads it: one digit at a time, the year apart. */
    static String spelled(String number) {
        StringBuilder out = new StringBuilder();
        for (char c : number.toCharArray()) {
            out.append(c == '/' ? ", " : c + " ");
        }
        return out.toString().strip();
    }

    /** A tracking code as a caller keys it: each letter as the key that bears it (ABC on 2 … WXYZ on 9). */
    static String keyed(String trackingCode) {
        String[] keys = {"", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ"};
        StringBuilder out = new StringBuilder();
        for (char c : trackingCode.toCharArray()) {
            if (Character.isDigit(c)) {
                out.append(c);
            }
            for (int key = 2; key < keys.length; key++) {
                if (keys[key].indexOf(c) >= 0) {
                    out.append(key);
                }
            }
        }
        return out.toString();
    }

    static int sampleRate(Path wav) {
        try {
            byte[] header = new byte[44];
            try (var in = Files.newInputStream(wav)) {
                assertEquals(44, in.readNBytes(header, 0, 44));
            }
            assertEquals("RIFF", new String(header, 0, 4, StandardCharsets.US_ASCII));
            assertEquals("WAVE", new String(header, 8, 4, StandardCharsets.US_ASCII));
            return ByteBuffer.wrap(header, 24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A second of a 440 Hz tone as 8 kHz 16-bit mono WAV: what the exchange records of a caller. */
    static byte[] voiceMessage() {
        int samples = 8000;
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000)));
        }
        return wav(pcm.array(), 8000);
    }

    /**
     * A man saying "go forward ten meters" (Debian's pocketsphinx-testdata, which CI installs): real speech for a real
     * speech-to-text engine, at the 16 kHz of Debian's English model (the exchange's 8 kHz recordings want an 8 kHz one).
     */
    static byte[] spokenMessage() throws IOException {
        return wav(Files.readAllBytes(Path.of("/usr/share/pocketsphinx/test/data/goforward.raw")), 16000);
    }

    /** 16-bit mono little-endian samples as a WAV file. */
    private static byte[] wav(byte[] pcm, int sampleRate) {
        ByteBuffer wav = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length);
        return wav.put(pcm).array();
    }

    /**
     * The exchange's manager interface: answers CivicDesk's login (challenge, MD5 login and the
     * version questions the client asks), records every action it receives and sends events.
     */
    static final class Manager implements Closeable {
        private final ServerSocket server;
        private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
        private final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
        private volatile Writer client;
        private final Thread acceptor;

        Manager() throws IOException {
            server = new ServerSocket(0);
            acceptor = new Thread(this::serve, "fake-ami");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        boolean loggedIn() {
            return actions.stream().anyMatch(a -> "login".equalsIgnoreCase(a.get("action")));
        }

        /** The next action CivicDesk sends of this kind (e.g. {@code Originate}), waiting for it. */
        Map<String, String> awaitAction(String name, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                Map<String, String> a = received.poll(200, TimeUnit.MILLISECONDS);
                if (a != null && name.equalsIgnoreCase(a.get("action"))) {
                    return a;
                }
            }
            throw new AssertionError("CivicDesk sent no " + name + " action; it sent " + actions);
        }

        /** Sends an event, e.g. {@code event("Hangup", "Uniqueid", id, "Channel", ch)}. */
        void event(String... fields) throws IOException {
            StringBuilder frame = new StringBuilder("Event: ").append(fields[0]).append("\r\n");
            for (int i = 1; i < fields.length; i += 2) {
                frame.append(fields[i]).append(": ").append(fields[i + 1]).append("\r\n");
            }
            write(frame.append("\r\n").toString());
        }

        private synchronized void write(String frame) throws IOException {
            Writer w = client;
            if (w == null) {
                throw new IOException("CivicDesk is not connected to the manager interface");
            }
            w.write(frame);
            w.flush();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8));
                    OutputStream raw = socket.getOutputStream();
                    client = new OutputStreamWriter(raw, StandardCharsets.UTF_8);
                    write("Asterisk Call Manager/7.0.3\r\n");
                    Map<String, String> action = new LinkedHashMap<>();
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (!line.isEmpty()) {
                            int colon = line.indexOf(':');
                            if (colon > 0) {
                                action.put(line.substring(0, colon).strip().toLowerCase(), line.substring(colon + 1).strip());
                            }
                            continue;
                        }
                        if (action.isEmpty()) {
                            continue;
                        }
                        actions.add(action);
                        received.add(action);
                        answer(action);
                        action = new LinkedHashMap<>();
                    }
                } catch (IOException e) {
                    // the client went away; wait for it to come back
                } finally {
                    client = null;
                }
            }
        }

        private void answer(Map<String, String> action) throws IOException {
            String id = action.getOrDefault("actionid", "");
            String name = action.getOrDefault("action", "").toLowerCase();
            String frame = switch (name) {
                case "challenge" -> "Response: Success\r\nActionID: " + id + "\r\nChallenge: 123456789\r\n\r\n";
                case "login" -> "Response: Success\r\nActionID: " + id + "\r\nMessage: Authentication accepted\r\n\r\n";
                case "command" -> "Response: Success\r\nActionID: " + id + "\r\nMessage: Command output follows\r\n"
                        + "Output: Asterisk 20.5.0 built by root @ pbx on a x86_64 running Linux\r\n\r\n";
                case "coresettings" -> "Response: Success\r\nActionID: " + id + "\r\nAMIversion: 7.0.3\r\n"
                        + "AsteriskVersion: 20.5.0\r\nSystemName: pbx\r\nCoreMaxCalls: 0\r\n\r\n";
                case "logoff" -> "Response: Goodbye\r\nActionID: " + id + "\r\nMessage: Thanks for all the fish.\r\n\r\n";
                case "originate" -> "Response: Success\r\nActionID: " + id + "\r\nMessage: Originate successfully queued\r\n\r\n";
                case "redirect" -> "Response: Success\r\nActionID: " + id + "\r\nMessage: Redirect successful\r\n\r\n";
                default -> "Response: Success\r\nActionID: " + id + "\r\n\r\n";
            };
            write(frame);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
