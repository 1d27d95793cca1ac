package org.civicdesk.scheduler.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.civicdesk.scheduler.api.Job;
import org.civicdesk.scheduler.api.JobContext;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.simpl.RAMJobStore;

/** The whiteboard on two in-memory schedulers standing for the cluster's and the node's. */
public class JobsTest {
    private static final AtomicInteger SCHEDULERS = new AtomicInteger();
    private Scheduler cluster;
    private Scheduler node;
    private Jobs jobs;

    /** A job that counts its runs and keeps what it was told. */
    private static final class Counting implements Job {
        final List<JobContext> runs = new CopyOnWriteArrayList<>();
        final CountDownLatch three = new CountDownLatch(3);

        @Override
        public void run(JobContext context) throws Exception {
            runs.add(context);
            three.countDown();
        }

        boolean ranThrice() throws InterruptedException {
            return three.await(10, TimeUnit.SECONDS);
        }
    }

    @Before
    public void start() throws Exception {
        cluster = scheduler("cluster");
        node = scheduler("node");
        jobs = new Jobs(cluster, node, 100);
        jobs.start();
    }

    @After
    public void stop() throws Exception {
        jobs.close();
        cluster.shutdown(true);
        node.shutdown(true);
    }

    private static Scheduler scheduler(String role) throws Exception {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "test-" + role + "-" + SCHEDULERS.incrementAndGet());
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "node-1");
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        return new StdSchedulerFactory(p).getScheduler();
    }

    private static Map<String, Object> properties(String id, String scope, Object period) {
        Map<String, Object> p = new HashMap<>();
        p.put(Job.ID, id);
        if (scope != null) {
            p.put(Job.SCOPE, scope);
        }
        if (period != null) {
            p.put(Job.PERIOD, period);
        }
        return p;
    }

    private static JobKey key(String id) {
        return new JobKey(id, JobSchedule.GROUP);
    }

    @Test
    public void aJobRegisteredRunsOnTheNodeAndOneUnregisteredStops() throws Exception {
        Counting job = new Counting();
        jobs.add(job, properties("tick", null, 50L));
        assertTrue("ran", job.ranThrice());
        assertTrue(node.checkExists(key("tick")));
        assertFalse("a node job is not the cluster's", cluster.checkExists(key("tick")));

        jobs.remove(job);
        assertFalse(node.checkExists(key("tick")));
        int runs = job.runs.size();
        Thread.sleep(300);
        assertEquals("no run after it went", runs, job.runs.size());
    }

    @Test
    public void aClusterJobRunsOnTheClusterSchedulerAndKnowsItsPreviousRun() throws Exception {
        Counting job = new Counting();
        jobs.add(job, properties("sweep", Job.CLUSTER, "50"));
        assertTrue("ran", job.ranThrice());
        assertTrue(cluster.checkExists(key("sweep")));
        assertFalse(node.checkExists(key("sweep")));
        JobContext first = job.runs.get(0);
        JobContext second = job.runs.get(1);
        assertEquals("sweep", first.jobId());
        assertEquals("node-1", first.nodeId());
        assertFalse("the first run since it was scheduled", first.previousFireTime().isPresent());
        assertEquals(first.scheduledFireTime(), second.previousFireTime().orElseThrow());
        assertEquals(50, second.scheduledFireTime().toEpochMilli() - first.scheduledFireTime().toEpochMilli());

        jobs.remove(job);
        assertFalse("unscheduled on the cluster", cluster.checkExists(key("sweep")));
    }

    @Test
    public void aJobWhosePropertiesSayNoScheduleIsNotScheduled() throws Exception {
        jobs.add(new Counting(), properties("none", Job.NODE, null));
        jobs.add(new Counting(), properties("zero", Job.NODE, 0));
        jobs.add(new Counting(), properties("where", "everywhere", 1000L));
        Map<String, Object> badCron = properties("cron", Job.CLUSTER, null);
        badCron.put(Job.CRON, "every night");
        jobs.add(new Counting(), badCron);
        Map<String, Object> noId = properties("", Job.NODE, 1000L);
        jobs.add(new Counting(), noId);
        for (String id : List.of("none", "zero", "where", "cron", "")) {
            assertFalse(id, node.checkExists(key(id)) || cluster.checkExists(key(id)));
        }
    }

    @Test
    public void aChangedScheduleReplacesTheOldOne() throws Exception {
        Counting job = new Counting();
        Map<String, Object> p = properties("report", Job.CLUSTER, 60_000L);
        jobs.add(job, p);
        List<? extends Trigger> before = cluster.getTriggersOfJob(key("report"));
        assertEquals(1, before.size());
        assertEquals(60_000, ((SimpleTrigger) before.get(0)).getRepeatInterval());

        jobs.update(job, new HashMap<>(p));
        assertEquals("the same schedule: the same trigger, its times kept", before.get(0).getStartTime(),
                cluster.getTriggersOfJob(key("report")).get(0).getStartTime());

        p.remove(Job.PERIOD);
        p.put(Job.CRON, "0 30 2 * * ?");
        jobs.update(job, p);
        List<? extends Trigger> after = cluster.getTriggersOfJob(key("report"));
        assertEquals(1, after.size());
        assertEquals("0 30 2 * * ?", ((CronTrigger) after.get(0)).getCronExpression());
    }

    @Test
    public void aClusterJobAnotherNodeScheduledKeepsItsTimes() throws Exception {
        JobSchedule schedule = JobSchedule.of(properties("outbox", Job.CLUSTER, 60_000L));
        cluster.scheduleJob(JobBuilder.newJob(ServiceJob.class).withIdentity(schedule.key()).build(), schedule.triggers(),
                false);
        var startedBy = cluster.getTriggersOfJob(schedule.key()).get(0).getStartTime();
        Thread.sleep(20);
        jobs.add(new Counting(), properties("outbox", Job.CLUSTER, 60_000L));
        assertEquals(startedBy, cluster.getTriggersOfJob(schedule.key()).get(0).getStartTime());
    }

    @Test
    public void aClusterJobThatAnotherNodeUnscheduledIsScheduledAgain() throws Exception {
        jobs.add(new Counting(), properties("retention", Job.CLUSTER, 60_000L));
        // Another node had it too and stopped: its unregistering removed the job from the shared store.
        cluster.deleteJob(key("retention"));
        long deadline = System.currentTimeMillis() + 5_000;
        while (!cluster.checkExists(key("retention")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue("this node, which still has it, put it back", cluster.checkExists(key("retention")));
    }

    @Test
    public void unregisteringWaitsForTheRunInProgress() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        long[] ended = new long[1];
        Job slow = context -> {
            running.countDown();
            Thread.sleep(500);
            ended[0] = System.nanoTime();
        };
        jobs.add(slow, properties("slow", Job.NODE, 60_000L));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        jobs.remove(slow);
        long removed = System.nanoTime();
        assertTrue("the run had ended when unregistering returned", ended[0] != 0 && ended[0] <= removed);
    }

    @Test
    public void ofTwoJobsWithOneIdTheFirstRuns() throws Exception {
        Counting first = new Counting();
        Counting second = new Counting();
        jobs.add(first, properties("twice", Job.NODE, 50L));
        jobs.add(second, properties("twice", Job.NODE, 50L));
        assertTrue(first.ranThrice());
        assertTrue(second.runs.isEmpty());
        jobs.remove(second);
        assertTrue("the first stays scheduled", node.checkExists(key("twice")));
    }

    @Test
    public void aJobThatFailsRunsAgain() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        jobs.add(context -> {
            twice.countDown();
            throw new IllegalStateException("the database is down");
        }, properties("flaky", Job.NODE, 50L));
        assertTrue(twice.await(10, TimeUnit.SECONDS));
    }

    @Test
    public void aRunDoesNotOverlapTheJobsPreviousRun() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch runs = new CountDownLatch(4);
        jobs.add(context -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.sleep(80);
            inside.decrementAndGet();
            runs.countDown();
        }, properties("long", Job.NODE, 20L));
        assertTrue(runs.await(10, TimeUnit.SECONDS));
        assertEquals(1, most.get());
    }
}
