package org.civicdesk.itests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A staff member's stream of server-sent events ({@code GET /api/v1/notifications/stream}, the wallboard's) read as a
 * browser's EventSource reads it: the events (id, event name, data lines) as they arrive, on a connection held open.
 */
final class EventStream implements AutoCloseable {
    /** One event: its id, its name and its data. */
    record Event(String id, String name, String data) {
    }

    private final List<Event> events = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private boolean open;

    private EventStream(CivicDeskTestSupport test, String user, String path, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(test.base() + path))
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(CivicDeskTestSupport.authenticated(user, request).build(),
                HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) r.body()::iterator) {
                synchronized (this) {
                    // The server has answered: a comment, or the first event at once.
                    open = true;
                    if (line.startsWith(":")) {
                        continue;
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
                    } else if (line.isEmpty() && data.length() > 0) {
                        events.add(new Event(id, name, data.toString()));
                        id = null;
                        name = null;
                        data.setLength(0);
                    }
                    notifyAll();
                }
            }
        });
    }

    /** Opens the staff member's notifications and waits until the server has answered. */
    static EventStream open(CivicDeskTestSupport test, String user, Long lastEventId) throws Exception {
        return openAt(test, user, "/notifications/stream", lastEventId == null ? null : Long.toString(lastEventId));
    }

    /** Opens the staff member's notifications saying the last event id it saw, as a browser that reconnects does. */
    static EventStream resume(CivicDeskTestSupport test, String user, String lastEventId) throws Exception {
        return openAt(test, user, "/notifications/stream", lastEventId);
    }

    /** Opens the stream at {@code path} (under /api/v1) and waits until the server has answered it. */
    static EventStream open(CivicDeskTestSupport test, String user, String path, Long lastEventId) throws Exception {
        return openAt(test, user, path, lastEventId == null ? null : Long.toString(lastEventId));
    }

    private static EventStream openAt(CivicDeskTestSupport test, String user, String path, String lastEventId)
            throws Exception {
        EventStream stream = new EventStream(test, user, path, lastEventId);
        HttpResponse<Stream<String>> answered = stream.response.get(60, TimeUnit.SECONDS);
        if (answered.statusCode() != 200) {
            throw new AssertionError("the stream answered " + answered.statusCode());
        }
        synchronized (stream) {
            long deadline = System.currentTimeMillis() + 30_000;
            while (!stream.open && System.currentTimeMillis() < deadline) {
                stream.wait(250);
            }
        }
        return stream;
    }

    /** Waits for an event that matches. */
    synchronized Event awaitEvent(Predicate<Event> wanted) throws InterruptedException {
        return awaitEvent(wanted, 0);
    }

    /** How many events have come so far. */
    synchronized int count() {
        return events.size();
    }

    /** Waits for an event that matches among those from the {@code from}-th on (0: the first). */
    synchronized Event awaitEvent(Predicate<Event> wanted, int from) throws InterruptedException {
        long deadline = System.currentTimeMillis() + Duration.ofSeconds(60).toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (Event e : events.subList(Math.min(from, events.size()), events.size())) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            wait(250);
        }
        throw new AssertionError("no such event came; came: " + events);
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
