package org.civicdesk.channel.phone.internal;

import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The call queue looks at itself every second: wrap-ups end with time, and operators freed on
 * other nodes take the callers waiting on this one. A node job: each node has its own callers.
 */
@Component(service = Job.class, property = {Job.ID + "=phone-queue", Job.SCOPE + "=" + Job.NODE,
    Job.PERIOD + ":Long=1000"})
public class CallQueueJob implements Job {
    private final PhoneChannel channel;

    @Activate
    public CallQueueJob(@Reference PhoneChannel channel) {
        this.channel = channel;
    }

    @Override
    public void run(JobContext context) {
        channel.distributor().tick();
    }
}
