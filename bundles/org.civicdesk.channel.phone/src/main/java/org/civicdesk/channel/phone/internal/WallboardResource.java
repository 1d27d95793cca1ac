package org.civicdesk.channel.phone.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.annotation.security.RolesAllowed;
import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.sse.OutboundSseEvent;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.civicdesk.channel.phone.api.CallCentreStatistics;
import org.civicdesk.channel.phone.internal.queue.Wallboard;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.rest.api.RestResource;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/phone/wallboard}: the call centre now for supervisors (R17), once as JSON or as a stream of
 * server-sent events — the view at once, then again whenever it changes. A node job looks every second while anyone
 * watches and pushes only a changed view; the browsers never ask again.
 */
@Component(service = {RestResource.class, Job.class}, property = {Job.ID + "=phone-wallboard",
    Job.SCOPE + "=" + Job.NODE, Job.PERIOD + ":Long=1000"})
@Path("/phone/wallboard")
@Produces(MediaType.APPLICATION_JSON)
public class WallboardResource implements RestResource, Job {
    private final Wallboard wallboard;
    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private volatile Wallboard.View last;

    private record Watcher(SseEventSink sink, Sse sse) {
    }

    @Activate
    public WallboardResource(@Reference(target = "(osgi.jndi.service.name=civicdesk)") DataSource dataSource,
            @Reference CallCentreStatistics statistics, @Reference CityClock clock) {
        this.wallboard = new Wallboard(dataSource, statistics, clock.zone());
    }

    @GET
    @RolesAllowed({"supervisor", "admin"})
    public Wallboard.View now() {
        return wallboard.now();
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({"supervisor", "admin"})
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        Watcher watcher = new Watcher(sink, sse);
        watchers.add(watcher);
        Wallboard.View view = wallboard.now();
        last = view;
        send(watcher, view);
    }

    /** Pushes the view to every watcher when it changed since the last push. */
    @Override
    public void run(JobContext context) {
        if (watchers.isEmpty()) {
            return;
        }
        Wallboard.View view = wallboard.now();
        if (!Objects.equals(view, last)) {
            last = view;
            watchers.forEach(w -> send(w, view));
        }
    }

    private void send(Watcher watcher, Wallboard.View view) {
        if (watcher.sink().isClosed()) {
            watchers.remove(watcher);
            return;
        }
        OutboundSseEvent event = watcher.sse().newEventBuilder().name("wallboard")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Wallboard.View.class, view).build();
        watcher.sink().send(event).whenComplete((done, failure) -> {
            if (failure != null) {
                watcher.sink().close();
                watchers.remove(watcher);
            }
        });
    }

    @Deactivate
    void closeAll() {
        watchers.forEach(w -> w.sink().close());
        watchers.clear();
    }
}
