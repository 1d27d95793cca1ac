package org.civicdesk.channel.phone.internal;

import org.civicdesk.channel.phone.internal.queue.CaseCallbacks;
import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Every ten seconds, once per cluster: call-backs about a request whose window passed unmade are missed (R8). */
@Component(service = Job.class, property = {Job.ID + "=phone-callbacks-missed", Job.SCOPE + "=" + Job.CLUSTER,
    Job.PERIOD + ":Long=10000"})
public class MissedCallbacksJob implements Job {
    private final CaseCallbacks callbacks;

    @Activate
    public MissedCallbacksJob(@Reference CaseCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void run(JobContext context) {
        callbacks.recordMissed();
    }
}
