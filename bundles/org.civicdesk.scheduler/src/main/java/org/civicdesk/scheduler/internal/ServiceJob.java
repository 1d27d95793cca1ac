package org.civicdesk.scheduler.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The one Quartz job class of every CivicDesk job: what the job store keeps is its class name and
 * the job's id (the job key's name); the node that fires it runs the job service registered there
 * under that id. A run never overlaps the previous run of the same job (for a cluster job, across
 * the cluster: Quartz blocks its trigger in the database).
 */
@DisallowConcurrentExecution
final class ServiceJob implements Job {
    private final Jobs jobs;

    ServiceJob(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        jobs.run(context);
    }
}
