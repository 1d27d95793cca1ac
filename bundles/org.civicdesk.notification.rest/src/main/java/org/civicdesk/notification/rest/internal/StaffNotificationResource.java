package org.civicdesk.notification.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.sse.OutboundSseEvent;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.civicdesk.core.api.Actor;
import org.civicdesk.notification.api.Notification;
import org.civicdesk.notification.api.Notifications;
import org.civicdesk.notification.api.StaffMessage;
import org.civicdesk.notification.api.StaffMessageListener;
import org.civicdesk.notification.api.StaffMessages;
import org.civicdesk.notification.api.StaffNotificationListener;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * A staff member's own notifications: {@code GET /api/v1/notifications} lists them, newest first;
 * {@code GET /api/v1/notifications/stream} pushes each new one as a server-sent event named
 * {@code notification}, and each message a colleague sends them as one named {@code message}, so the
 * console shows it as it happens without asking again and again. Each event's id is
 * {@code <last notification id>.<last message id>} sent on that stream: a console that reconnects (the
 * browser's EventSource does it by itself) sends the last id it saw and first gets what it missed of both.
 */
@Component(service = {RestResource.class, StaffNotificationListener.class, StaffMessageListener.class})
@Path("/notifications")
public class StaffNotificationResource implements RestResource, StaffNotificationListener, StaffMessageListener {
    private static final int MISSED_AT_MOST = Notifications.MAX_MINE;
    private final Notifications notifications;
    private final StaffMessages messages;
    /** The open streams, by staff member. */
    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();

    /** One open console: what it was last sent of each kind, which makes the id of its next event. */
    private static final class Stream {
        private final SseEventSink sink;
        private final Sse sse;
        private long lastNotification;
        private long lastMessage;

        Stream(SseEventSink sink, Sse sse, long lastNotification, long lastMessage) {
            this.sink = sink;
            this.sse = sse;
            this.lastNotification = lastNotification;
            this.lastMessage = lastMessage;
        }

        SseEventSink sink() {
            return sink;
        }

        synchronized OutboundSseEvent event(Notification notification) {
            lastNotification = Math.max(lastNotification, notification.id());
            return sse.newEventBuilder().id(id()).name("notification").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(Notification.class, notification).build();
        }

        synchronized OutboundSseEvent event(StaffMessage message) {
            lastMessage = Math.max(lastMessage, message.id());
            return sse.newEventBuilder().id(id()).name("message").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(StaffMessage.class, message).build();
        }

        private String id() {
            return lastNotification + "." + lastMessage;
        }
    }

    @Activate
    public StaffNotificationResource(@Reference Notifications notifications, @Reference StaffMessages messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Notification> mine(@QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("after") @DefaultValue("0") long after, @Context SecurityContext security) {
        return notifications.mine(ActorPrincipal.of(security), limit, after);
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        long[] seen = parseId(lastEventId);
        // Without a last id the console has just listed both: it is owed only what comes from now on.
        long notificationsSeen = seen[0] >= 0 ? seen[0] : newest(notifications.mine(actor, 1, 0), Notification::id);
        long messagesSeen = seen[1] >= 0 ? seen[1] : newest(messages.mine(actor, 1, 0), StaffMessage::id);
        Stream stream = new Stream(sink, sse, notificationsSeen, messagesSeen);
        streams.computeIfAbsent(actor.username(), k -> ConcurrentHashMap.newKeySet()).add(stream);
        // The response starts now, so that the browser knows the stream is open.
        send(actor.username(), stream, sse.newEventBuilder().comment("open").build());
        if (seen[0] >= 0) {
            List<Notification> missed = notifications.mine(actor, MISSED_AT_MOST, seen[0]);
            for (int i = missed.size() - 1; i >= 0; i--) {
                send(actor.username(), stream, stream.event(missed.get(i)));
            }
        }
        if (seen[1] >= 0) {
            List<StaffMessage> missed = messages.mine(actor, StaffMessages.MAX_MINE, seen[1]);
            for (int i = missed.size() - 1; i >= 0; i--) {
                if (!missed.get(i).sender().equals(actor.username())) {
                    send(actor.username(), stream, stream.event(missed.get(i)));
                }
            }
        }
    }

    @Override
    public void notified(String username, Notification notification) {
        for (Stream stream : streams.getOrDefault(username, Set.of())) {
            send(username, stream, stream.event(notification));
        }
    }

    @Override
    public void messaged(String username, StaffMessage message) {
        for (Stream stream : streams.getOrDefault(username, Set.of())) {
            send(username, stream, stream.event(message));
        }
    }

    private static <T> long newest(List<T> newestFirst, ToLongFunction<T> id) {
        return newestFirst.isEmpty() ? 0 : id.applyAsLong(newestFirst.get(0));
    }

    @Deactivate
    void closeAll() {
        streams.values().forEach(set -> set.forEach(s -> s.sink().close()));
        streams.clear();
    }

    /** Sends, and forgets a stream the browser has closed. */
    private void send(String username, Stream stream, OutboundSseEvent event) {
        if (stream.sink().isClosed()) {
            forget(username, stream);
            return;
        }
        stream.sink().send(event).whenComplete((done, failure) -> {
            if (failure != null) {
                stream.sink().close();
                forget(username, stream);
            }
        });
    }

    private void forget(String username, Stream stream) {
        streams.computeIfPresent(username, (k, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * The last notification and message ids a reconnecting console saw, each -1 when it does not say: {@code n.m}, or
     * {@code n} alone from a console of before messages.
     */
    private static long[] parseId(String id) {
        long[] seen = {-1, -1};
        if (id == null || id.isBlank()) {
            return seen;
        }
        String[] parts = id.strip().split("\\.", -1);
        for (int i = 0; i < Math.min(2, parts.length); i++) {
            try {
                seen[i] = Math.max(0, Long.parseLong(parts[i]));
            } catch (NumberFormatException e) {
                seen[i] = -1;
            }
        }
        return seen;
    }
}
