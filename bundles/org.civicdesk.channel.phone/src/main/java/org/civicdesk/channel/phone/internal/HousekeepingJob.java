package org.civicdesk.channel.phone.internal;

import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Every hour, and as soon as the channel starts: call audio past its retention and prompts nobody
 * hears any more go. A node job: the recordings and the prompt cache are in the node's data folder.
 */
@Component(service = Job.class, property = {Job.ID + "=phone-housekeeping", Job.SCOPE + "=" + Job.NODE,
    Job.PERIOD + ":Long=3600000"})
public class HousekeepingJob implements Job {
    private final PhoneChannel channel;

    @Activate
    public HousekeepingJob(@Reference PhoneChannel channel) {
        this.channel = channel;
    }

    @Override
    public void run(JobContext context) {
        channel.cleanUp();
    }
}
