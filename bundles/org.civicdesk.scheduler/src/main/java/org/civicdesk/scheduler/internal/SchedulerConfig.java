package org.civicdesk.scheduler.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CivicDesk scheduler",
        description = "The one scheduler of CivicDesk's periodic work: cluster jobs once per cluster, node jobs on every node")
@interface SchedulerConfig {
    @AttributeDefinition(name = "Cluster job threads", description = "How many cluster jobs this node may run at once")
    int threadCount() default 3;

    @AttributeDefinition(name = "Node job threads", description = "How many node jobs this node may run at once")
    int nodeThreadCount() default 3;

    @AttributeDefinition(name = "Instance id", description = "This node's name among the nodes sharing the database; "
            + "unique per node. AUTO: the host name and the start time")
    String instanceId() default "AUTO";

    @AttributeDefinition(name = "Cluster check-in interval (ms)", description = "How often this node tells the others it "
            + "is alive. A node silent for longer (plus 7.5 s) is taken for failed: another node takes over its work")
    long clusterCheckinIntervalMillis() default 7500;
}
