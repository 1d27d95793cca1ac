package org.civicdesk.notification.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * {@code notification} (its id the notification's), so the console shows it as it happens without
 * asking again and again. A console that reconnects (the browser's EventSource does it by itself)
 * sends the last id it saw and first gets what it missed.
 */
@Component(service = {RestResource.class, StaffNotificationListener.class})
@Path("/notifications")
public class StaffNotificationResource implements RestResource, StaffNotificationListener {
    private static final int MISSED_AT_MOST = Notifications.MAX_MINE;
    private final Notifications notifications;
    /** The open streams, by staff member. */
    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();

    private record Stream(SseEventSink sink, Sse sse) {
    }

    @Activate
    public StaffNotificationResource(@Reference Notifications notifications) {
        this.notifications = notifications;
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
        Stream stream = new Stream(sink, sse);
        streams.computeIfAbsent(actor.username(), k -> ConcurrentHashMap.newKeySet()).add(stream);
        // The response starts now, so that the browser knows the stream is open.
        send(actor.username(), stream, sse.newEventBuilder().comment("open").build());
        long missedAfter = parseId(lastEventId);
        if (missedAfter > 0) {
            List<Notification> missed = notifications.mine(actor, MISSED_AT_MOST, missedAfter);
            for (int i = missed.size() - 1; i >= 0; i--) {
                send(actor.username(), stream, event(sse, missed.get(i)));
            }
        }
    }

    @Override
    public void notified(String username, Notification notification) {
        Set<Stream> open = streams.get(username);
        if (open == null) {
            return;
        }
        for (Stream stream : open) {
            send(username, stream, event(stream.sse(), notification));
        }
    }

    @Deactivate
    void closeAll() {
        streams.values().forEach(set -> set.forEach(s -> s.sink().close()));
        streams.clear();
    }

    private static OutboundSseEvent event(Sse sse, Notification notification) {
        return sse.newEventBuilder().id(Long.toString(notification.id())).name("notification")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Notification.class, notification).build();
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

    private static long parseId(String id) {
        if (id == null || id.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
